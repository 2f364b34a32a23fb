package org.kelisim.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An object of the real-estate register with its rights and encumbrances.
 *
 * @param cadastralNumber for example {@code 20:315:049:012:23}
 * @param area total area in square metres
 */
public record RealEstateObject(String cadastralNumber, Kind kind, Localized address, BigDecimal area, Integer floors,
        Integer yearBuilt, List<Right> rights, List<Encumbrance> encumbrances) {

    public enum Kind { APARTMENT, HOUSE, LAND_PLOT, NON_RESIDENTIAL, GARAGE }

    public RealEstateObject {
        rights = List.copyOf(rights);
        encumbrances = List.copyOf(encumbrances);
    }

    /**
     * A right of one holder.
     *
     * @param holderId IIN or BIN of the holder
     * @param share for shared ownership, for example {@code 1/2}; {@code 1} for sole ownership
     */
    public record Right(String holderId, String holderName, String share, RightKind kind, Localized basis,
            LocalDate registeredOn) {

        @Override
        public String toString() {
            return "Right[" + kind + " " + share + "]";
        }
    }

    public enum RightKind { OWNERSHIP, SHARED_OWNERSHIP, JOINT_OWNERSHIP, LIFELONG_USE, ECONOMIC_MANAGEMENT }

    /**
     * A mortgage, an arrest or a lease on the object.
     *
     * @param holder who holds it: the bank, the court, the lessee
     */
    public record Encumbrance(EncumbranceKind kind, Localized holder, Localized basis, LocalDate registeredOn) {

        /** A lessee may be a person: the holder stays out. */
        @Override
        public String toString() {
            return "Encumbrance[" + kind + " " + registeredOn + "]";
        }
    }

    public enum EncumbranceKind { MORTGAGE, ARREST, LEASE }

    @Override
    public String toString() {
        return "RealEstateObject[" + cadastralNumber + "]";
    }
}
