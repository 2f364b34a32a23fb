package org.kelisim.registry;

import java.util.Locale;
import java.util.Objects;

/** A text the registries hold in both state languages: Kazakh and Russian. */
public record Localized(String kk, String ru) {

    public Localized {
        Objects.requireNonNull(kk, "kk");
        Objects.requireNonNull(ru, "ru");
    }

    public static Localized same(String text) {
        return new Localized(text, text);
    }

    /** Kazakh for {@code kk}, Russian otherwise (English documents fall back to Russian, as the registries do). */
    public String in(Locale locale) {
        return "kk".equals(locale.getLanguage()) ? kk : ru;
    }
}
