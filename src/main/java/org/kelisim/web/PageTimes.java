package org.kelisim.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times on the pages, in the configured zone (Asia/Almaty by default) and the reader's language. Public
 * because the templates call it as {@code @pageTimes}.
 */
@Component("pageTimes")
public class PageTimes {

    private final WebProperties properties;

    PageTimes(WebProperties properties) {
        this.properties = properties;
    }

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(properties.timeZone())
                .format(instant);
    }

    public String zone() {
        return properties.timeZone().getId();
    }
}
