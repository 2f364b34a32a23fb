package org.kelisim.identity;

/**
 * Business identification number (БСН / БИН) of a legal entity: twelve digits, year and month of registration, the
 * kind of entity, and the control digit of the IIN. Masked in {@link #toString()} like an IIN.
 */
public record Bin(String value) {

    public Bin {
        if (!Checksum.isWellFormed(value)) {
            throw new InvalidIdentifierException("invalid_bin");
        }
    }

    public static Bin of(String value) {
        return new Bin(value == null ? null : value.strip());
    }

    public static boolean isValid(String value) {
        return value != null && Checksum.isWellFormed(value.strip());
    }

    public String masked() {
        return Masks.identifier(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
