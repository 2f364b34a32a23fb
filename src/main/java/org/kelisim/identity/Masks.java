package org.kelisim.identity;

/**
 * How personal data appears where it must not be read in full: logs, exception messages, {@code toString}.
 */
public final class Masks {

    private Masks() {
    }

    /** An IIN or BIN as {@code 850715******}: the first six digits stay, enough to tell records apart in a log. */
    public static String identifier(String value) {
        if (value == null || value.length() < 7) {
            return "******";
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 6);
    }

    /** A phone number as {@code +7 701 *** ** 67}. */
    public static String phone(String phone) {
        if (phone == null) {
            return "***";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 6) {
            return "***";
        }
        String country = digits.length() == 11 ? digits.substring(0, 1) : digits.substring(0, digits.length() - 10);
        String operator = digits.substring(country.length(), country.length() + 3);
        return "+" + country + " " + operator + " *** ** " + digits.substring(digits.length() - 2);
    }

    /** A name as {@code А*** С***}: initials only. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "***";
        }
        StringBuilder masked = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.appendCodePoint(part.codePointAt(0)).append("***");
        }
        return masked.toString();
    }
}
