package org.kelisim.identity;

/**
 * The control digit shared by IIN and BIN: weights 1..11 over the first eleven digits; when the sum modulo 11 is 10,
 * a second round with weights 3..11, 1, 2; when that is 10 again, the number is invalid.
 */
final class Checksum {

    private static final int[] FIRST_ROUND = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_ROUND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Checksum() {
    }

    static boolean isWellFormed(String value) {
        if (value == null || value.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int control = controlDigit(value);
        return control != 10 && control == value.charAt(11) - '0';
    }

    private static int controlDigit(String value) {
        int control = weightedSum(value, FIRST_ROUND) % 11;
        if (control == 10) {
            control = weightedSum(value, SECOND_ROUND) % 11;
        }
        return control;
    }

    private static int weightedSum(String value, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (value.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
