package org.kelisim.signature;

import java.util.List;
import java.util.Optional;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.kelisim.registry.DemoPeople;
import org.kelisim.registry.Localized;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A few demo people, standing in for the registry module's DemoPeople, which is not on this branch. */
@TestConfiguration(proxyBeanMethods = false)
class DemoPeopleForTests {

    static final Iin THIRD_PARTY = Iin.of("850715300122");
    static final Iin USER_PORTAL = Iin.of("900102400346");
    static final Iin USER_MOBILE = Iin.of("700412500910");
    static final Iin FIRST_HEAD = Iin.of("780303500457");
    static final Iin EMPLOYEE = Iin.of("921204600568");
    static final Iin REVOKED = Iin.of("880605700670");
    static final Iin EXPIRED = Iin.of("950521300783");
    static final Bin COMPANY = Bin.of("210940001231");

    @Bean
    DemoPeople demoPeople() {
        List<DemoPeople.DemoPerson> persons = List.of(
                person(THIRD_PARTY, "АХМЕТОВ", "ЕРЛАН", "third-party"),
                person(USER_PORTAL, "СЕРИКОВА", "АЙГУЛЬ", "user-portal"),
                person(USER_MOBILE, "НУРЛАНОВ", "ДАНИЯР", "user-mobile"),
                person(FIRST_HEAD, "ОМАРОВ", "БОЛАТ", "first-head"),
                person(EMPLOYEE, "КИМ", "ОЛЬГА", "employee"),
                person(REVOKED, "ЖАНОВ", "АРМАН", "revoked-key"),
                person(EXPIRED, "ПАК", "ИННА", "expired-key"),
                person(Iin.of("801111400892"), "CROWD", "ONE", null));
        var company = new DemoPeople.DemoOrganisation(COMPANY, new Localized("«Демо» ЖШС", "ТОО «Демо»"),
                FIRST_HEAD, List.of(EMPLOYEE));
        return new DemoPeople() {
            @Override
            public List<DemoPerson> persons() {
                return persons;
            }

            @Override
            public List<DemoOrganisation> organisations() {
                return List.of(company);
            }

            @Override
            public Optional<DemoPerson> person(Iin iin) {
                return persons.stream().filter(person -> person.iin().equals(iin)).findFirst();
            }
        };
    }

    private static DemoPeople.DemoPerson person(Iin iin, String surname, String givenName, String role) {
        return new DemoPeople.DemoPerson(iin, surname, givenName, givenName + "ОВИЧ", "+77010000000", true, true,
                role);
    }
}
