package org.kelisim.request;

/** Phone numbers in one form, so that the number BMG holds and the number an SMS came from compare equal. */
public final class Phones {

    private Phones() {
    }

    /**
     * {@code +77011234567} for {@code +7 (701) 123-45-67}, {@code 87011234567} or {@code 77011234567}: digits only,
     * the Kazakh trunk prefix 8 replaced by the country code 7, a leading plus.
     *
     * @return {@code null} for {@code null} or a text without digits
     */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.length() == 11 && digits.charAt(0) == '8') {
            digits = "7" + digits.substring(1);
        }
        return "+" + digits;
    }
}
