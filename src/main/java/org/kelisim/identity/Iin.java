package org.kelisim.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Individual identification number (ЖСН / ИИН): twelve digits, the first six the date of birth, the seventh the
 * century and sex, the last a control digit. {@link #toString()} is masked: the value itself is personal data.
 */
public record Iin(String value) {

    public enum Sex { MALE, FEMALE }

    public Iin {
        if (!Checksum.isWellFormed(value)) {
            throw new InvalidIdentifierException("invalid_iin");
        }
    }

    public static Iin of(String value) {
        return new Iin(value == null ? null : value.strip());
    }

    public static boolean isValid(String value) {
        return value != null && Checksum.isWellFormed(value.strip());
    }

    /** The date of birth, when the seventh digit names a century (1..6) and the first six digits a real date. */
    public Optional<LocalDate> birthDate() {
        int century = centuryDigit();
        if (century < 1 || century > 6) {
            return Optional.empty();
        }
        int year = 1800 + 100 * ((century - 1) / 2) + Integer.parseInt(value.substring(0, 2));
        try {
            return Optional.of(LocalDate.of(year, Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6))));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /** Odd century digits are men, even ones women; 0 (issued to foreigners in early years) tells nothing. */
    public Optional<Sex> sex() {
        int century = centuryDigit();
        if (century < 1 || century > 6) {
            return Optional.empty();
        }
        return Optional.of(century % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    public String masked() {
        return Masks.identifier(value);
    }

    private int centuryDigit() {
        return value.charAt(6) - '0';
    }

    @Override
    public String toString() {
        return masked();
    }
}
