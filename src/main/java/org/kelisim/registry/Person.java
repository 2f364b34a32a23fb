package org.kelisim.registry;

import java.time.LocalDate;
import java.util.Optional;
import org.kelisim.identity.Iin;

/**
 * A person as the population register knows them. {@link #toString()} shows the masked IIN only.
 *
 * @param address the registered place of residence; empty when the person has none
 */
public record Person(Iin iin, String surname, String givenName, String patronymic, LocalDate birthDate,
        Optional<RegisteredAddress> address) {

    public String fullName() {
        return patronymic == null || patronymic.isBlank()
                ? surname + " " + givenName
                : surname + " " + givenName + " " + patronymic;
    }

    @Override
    public String toString() {
        return "Person[" + iin + "]";
    }
}
