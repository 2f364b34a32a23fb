package org.kelisim.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Document numbers like {@code KS-7Q2M-9XKD-4HTA}: 12 characters of Crockford's base32 (no I, L, O, U, so nothing
 * is misread when typed from paper) carrying 60 random bits, so numbers cannot be guessed or enumerated.
 */
final class DocumentNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("KS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"
            + "-[0-9A-HJKMNP-TV-Z]{4}");

    private final SecureRandom random = new SecureRandom();

    String next() {
        long bits = random.nextLong();
        var number = new StringBuilder("KS");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                number.append('-');
            }
            number.append(ALPHABET[(int) (bits >>> (5 * i)) & 31]);
        }
        return number.toString();
    }

    /**
     * A number as typed by a person, in canonical form: upper case, O read as 0, I and L as 1 (Crockford);
     * {@code null} when it cannot be a document number.
     */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String canonical = typed.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1')
                .replace('L', '1');
        return FORMAT.matcher(canonical).matches() ? canonical : null;
    }
}
