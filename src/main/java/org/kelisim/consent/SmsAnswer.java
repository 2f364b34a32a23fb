package org.kelisim.consent;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grammar of a reply SMS (API.md, SMS): an answer word, then the request code, which may be left out.
 * <p>
 * Allow: {@code 1}, ИӘ, ДА, YES; refuse: {@code 0}, ЖОҚ, НЕТ, NO; any case, any spaces or punctuation around them.
 * Phones without a Kazakh or Russian keyboard send Latin look-alikes of Cyrillic letters ({@code HET}, {@code ДA}),
 * and phones without Kazakh letters send ИЭ and ЖОК: letters are compared by their shape.
 *
 * @param code the request code, or {@code null} when left out
 */
record SmsAnswer(boolean allow, String code) {

    /** A digit answer needs a space before the code: {@code 11234} could be code 11234 or answer 1 for 1234. */
    private static final Pattern DIGIT_ANSWER = Pattern.compile("([01])(?: (\\d{4,6}))?");
    private static final Pattern WORD_ANSWER = Pattern.compile("(\\p{L}+) ?(\\d{4,6})?");

    /** Cyrillic letters and the Latin letters that look like them, mapped to one shape. */
    private static final Map<Character, Character> SHAPES = Map.ofEntries(
            Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'), Map.entry('М', 'M'),
            Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('С', 'C'), Map.entry('Т', 'T'),
            Map.entry('Х', 'X'), Map.entry('У', 'Y'), Map.entry('Ү', 'Y'), Map.entry('І', 'I'), Map.entry('Ѕ', 'S'),
            Map.entry('Ə', 'Ә'), Map.entry('Ǝ', 'Ә'), Map.entry('Э', 'Ә'), Map.entry('Қ', 'K'));

    private static final Set<String> ALLOW = shapes("ИӘ", "ДА", "YES");
    private static final Set<String> REFUSE = shapes("ЖОҚ", "НЕТ", "NO");

    /** The answer the text gives, or empty when it is not an answer. */
    static Optional<SmsAnswer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}\\p{Z}\\s«»“”„–—]+", " ")
                .strip();

        var digits = DIGIT_ANSWER.matcher(normalized);
        if (digits.matches()) {
            return Optional.of(new SmsAnswer("1".equals(digits.group(1)), digits.group(2)));
        }
        var word = WORD_ANSWER.matcher(normalized);
        if (word.matches()) {
            String shape = shape(word.group(1));
            if (ALLOW.contains(shape) || REFUSE.contains(shape)) {
                return Optional.of(new SmsAnswer(ALLOW.contains(shape), word.group(2)));
            }
        }
        return Optional.empty();
    }

    private static Set<String> shapes(String... words) {
        var shapes = new HashSet<String>();
        for (String word : words) {
            shapes.add(shape(word));
        }
        return Set.copyOf(shapes);
    }

    private static String shape(String word) {
        var shape = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            shape.append(SHAPES.getOrDefault(c, c));
        }
        return shape.toString();
    }
}
