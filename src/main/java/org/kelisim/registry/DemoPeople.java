package org.kelisim.registry;

import java.util.List;
import java.util.Optional;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;

/**
 * The demo data set of the embedded mode: generated deterministically at first start, stored in the registry tables.
 * Exists only in embedded mode.
 */
public interface DemoPeople {

    /** All demo people, ordered: the featured ones (the people a demo is walked with) first. */
    List<DemoPerson> persons();

    List<DemoOrganisation> organisations();

    Optional<DemoPerson> person(Iin iin);

    /**
     * @param role what the person is in the demo, for example {@code third-party}, {@code user},
     *     {@code first-head}, {@code employee}, {@code revoked-key}, {@code expired-key}; {@code null} for the crowd
     */
    record DemoPerson(Iin iin, String surname, String givenName, String patronymic, String phone, boolean portal,
            boolean mobile, String role) {

        public boolean featured() {
            return role != null;
        }

        public String fullName() {
            return patronymic == null ? surname + " " + givenName : surname + " " + givenName + " " + patronymic;
        }

        @Override
        public String toString() {
            return "DemoPerson[" + iin + "]";
        }
    }

    /** A legal entity of the demo with its first head and employees (who have no right to sign). */
    record DemoOrganisation(Bin bin, Localized name, Iin firstHead, List<Iin> employees) {
    }
}
