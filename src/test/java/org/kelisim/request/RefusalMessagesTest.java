package org.kelisim.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the request and consent modules reads well in Russian, Kazakh and English. */
class RefusalMessagesTest {

    private static final String[] CODES = {"unknown_certificate", "user_not_registered", "too_many_checks",
        "draft_not_found", "draft_used", "draft_expired", "request_not_found", "not_approved", "not_overdue",
        "already_decided", "deadline_passed"};

    @ParameterizedTest(name = "messages{0}")
    @ValueSource(strings = {"", "_kk", "_en"})
    void everyRefusalHasAMessageInEachLanguage(String language) throws IOException {
        var messages = new Properties();
        for (String bundle : new String[] {"request", "consent"}) {
            try (var in = getClass().getResourceAsStream("/messages/" + bundle + language + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }

        for (String code : CODES) {
            assertThat(messages.getProperty("error." + code)).as(code).isNotBlank();
        }
    }
}
