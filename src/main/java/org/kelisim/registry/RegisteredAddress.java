package org.kelisim.registry;

import java.time.LocalDate;

/**
 * A registered place of residence (прописка / тіркеу), as the address certificate shows it.
 *
 * @param registrationCode the address registration code (код адресной регистрации, РКА)
 */
public record RegisteredAddress(Localized region, Localized district, Localized locality, Localized street,
        String house, String flat, LocalDate registeredOn, String registrationCode) {

    @Override
    public String toString() {
        return "RegisteredAddress[***]";
    }
}
