package org.kelisim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** How the API answers what is neither a domain refusal nor a client's mistake. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(messages());

    @Nested
    class AnOverloadedDatabase {

        @Test
        void isServiceUnavailableWithATimeToComeBackNotAServerError() {
            var answer = advice.busy(new CannotGetJdbcConnectionException("pool exhausted"), Locale.ENGLISH);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getProperties()).containsEntry("code", "service_busy");
            assertThat(answer.getBody().getDetail()).isEqualTo(
                    "The service is overloaded right now. Please try again in a few seconds.");
        }

        @Test
        void saysSoInKazakhAndRussianToo() {
            var failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction");

            assertThat(advice.busy(failure, Locale.forLanguageTag("kk")).getBody().getDetail())
                    .startsWith("Сервис қазір шамадан тыс жүктелген");
            assertThat(advice.busy(failure, Locale.forLanguageTag("ru")).getBody().getDetail())
                    .startsWith("Сервис сейчас перегружен");
        }
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/common");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
