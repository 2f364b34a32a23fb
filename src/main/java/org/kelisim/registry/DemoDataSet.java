package org.kelisim.registry;

import java.time.LocalDate;
import java.util.List;
import org.kelisim.identity.Iin;
import org.kelisim.identity.Masks;
import org.kelisim.registry.DemoPeople.DemoOrganisation;

/**
 * The whole demo data set as the generator made it, before it is stored: the same seed gives an equal data set.
 *
 * @param persons the featured people first, in the order of {@code featured}
 * @param featured the role of each featured person, in the order a demo walks through them
 */
record DemoDataSet(List<Person> persons, List<Featured> featured, List<RealEstateObject> objects,
        List<PortalAccount> portalAccounts, List<MobilePhone> phones, List<DemoOrganisation> organisations) {

    DemoDataSet {
        persons = List.copyOf(persons);
        featured = List.copyOf(featured);
        objects = List.copyOf(objects);
        portalAccounts = List.copyOf(portalAccounts);
        phones = List.copyOf(phones);
        organisations = List.copyOf(organisations);
    }

    record Featured(String role, Iin iin) {
    }

    record PortalAccount(Iin iin, LocalDate registeredOn) {
    }

    record MobilePhone(Iin iin, String phone, LocalDate registeredOn) {

        @Override
        public String toString() {
            return "MobilePhone[" + iin + ", " + Masks.phone(phone) + "]";
        }
    }

    @Override
    public String toString() {
        return "DemoDataSet[" + persons.size() + " persons, " + objects.size() + " objects]";
    }
}
