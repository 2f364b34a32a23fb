package org.kelisim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every text of the pages exists in Kazakh, Russian and English, and the ones with arguments format. */
class WebMessagesTest {

    @Test
    void everyLanguageHasEveryText() throws IOException {
        Properties russian = load("web.properties");

        assertThat(load("web_kk.properties").stringPropertyNames()).isEqualTo(russian.stringPropertyNames());
        assertThat(load("web_en.properties").stringPropertyNames()).isEqualTo(russian.stringPropertyNames());
    }

    @Test
    void theFooterNamesTheTimeZoneInEachLanguage() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/web");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        for (String language : new String[] {"kk", "ru", "en"}) {
            assertThat(messages.getMessage("web.footer", new Object[] {"Asia/Almaty"},
                    Locale.forLanguageTag(language))).contains("Asia/Almaty").doesNotContain("{0}");
        }
        assertThat(messages.getMessage("web.footer", new Object[] {"Asia/Almaty"}, Locale.ENGLISH))
                .contains("citizen's");
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = WebMessagesTest.class.getResourceAsStream("/messages/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
