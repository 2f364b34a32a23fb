package org.kelisim.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kelisim.consent.SmsAnswers;
import org.kelisim.identity.Iin;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestSubmitted;
import org.kelisim.request.Requester;
import org.springframework.context.support.ResourceBundleMessageSource;

class NotificationTextsTest {

    private final NotificationTexts texts = new NotificationTexts(bundle());

    private static ResourceBundleMessageSource bundle() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("messages/notification");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Nested
    class TheRequestSms {

        // 10:30 UTC is 15:30 in Kazakhstan (UTC+5 since 1 March 2024).
        private final RequestSubmitted event = new RequestSubmitted(UUID.randomUUID(), "4821",
                Iin.of("850715300013"), CertificateType.ADDRESS, new Requester("990340000123", "ТОО «Береке Банк»",
                true), Instant.parse("2026-12-03T10:30:00Z"));

        @Test
        void inKazakhNamesTheRequesterTheCertificateTheCodeTheDeadlineAndTheWarning() {
            String text = texts.request(event, NotificationTexts.KAZAKH);

            assertThat(text).contains("ТОО «Береке Банк»", "БСН 990340000123",
                    "Тұрғылықты жері бойынша мекенжай анықтамасы", "1 4821", "0 4821", "15:30 03.12.2026",
                    "ешкімге айтпаңыз");
        }

        @Test
        void inRussianNamesTheRequesterTheCertificateTheCodeTheDeadlineAndTheWarning() {
            String text = texts.request(event, NotificationTexts.RUSSIAN);

            assertThat(text).contains("ТОО «Береке Банк»", "БИН 990340000123", "Адресная справка с места жительства",
                    "1 4821", "0 4821", "15:30 03.12.2026", "Никому не сообщайте и не диктуйте коды");
        }

        @Test
        void ofAnIndividualSaysIin() {
            var individual = new RequestSubmitted(event.requestId(), "4821", event.subject(),
                    CertificateType.REAL_ESTATE_RIGHTS, new Requester("850715300013", "Ахметов Ерлан", false),
                    event.deadline());

            assertThat(texts.request(individual, NotificationTexts.KAZAKH)).contains("ЖСН 850715300013");
            assertThat(texts.request(individual, NotificationTexts.RUSSIAN)).contains("ИИН 850715300013");
        }
    }

    @ParameterizedTest
    @EnumSource(SmsAnswers.Result.class)
    void everyOutcomeOfAnAnswerHasAReplyInKazakhAndRussian(SmsAnswers.Result result) {
        String reply = texts.reply(new SmsAnswers.Outcome(result, "4821"));

        String[] lines = reply.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isNotBlank().isNotEqualTo(lines[1]);
        assertThat(lines[1]).isNotBlank().doesNotContain("notification.");
    }

    @Test
    void theOutcomesRepliesAllDiffer() {
        var replies = new HashSet<String>();
        Arrays.stream(SmsAnswers.Result.values()).forEach(r -> replies.add(texts.reply(new SmsAnswers.Outcome(r,
                "4821"))));

        assertThat(replies).hasSize(SmsAnswers.Result.values().length);
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        var delivery = new NotificationProperties.Delivery(java.time.Duration.ofSeconds(1), 20,
                java.time.Duration.ofMinutes(2), java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10),
                java.time.Duration.ofHours(24), java.time.Duration.ofHours(24), java.time.Duration.ofSeconds(10), 1);

        assertThat(delivery.backoff(1)).hasSeconds(2);
        assertThat(delivery.backoff(2)).hasSeconds(4);
        assertThat(delivery.backoff(3)).hasSeconds(8);
        assertThat(delivery.backoff(4)).hasSeconds(10);
        assertThat(delivery.backoff(60)).hasSeconds(10);
    }
}
