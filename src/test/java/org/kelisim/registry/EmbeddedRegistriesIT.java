package org.kelisim.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.KelisimIntegrationTest;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.kelisim.registry.DemoPeople.DemoPerson;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KelisimIntegrationTest
class EmbeddedRegistriesIT {

    private static final Iin USER = Iin.of("850715300003");
    private static final Iin MANY_PROPERTIES = Iin.of("620418300011");
    private static final Iin NO_PROPERTY = Iin.of("950330400018");
    private static final List<String> TABLES = List.of("registry_persons", "registry_addresses",
            "registry_real_estate", "registry_rights", "registry_encumbrances", "registry_portal_accounts",
            "registry_mobile_phones", "registry_organisations", "registry_organisation_employees",
            "registry_demo_roles");

    @Autowired
    PopulationRegister population;

    @Autowired
    RealEstateRegister realEstate;

    @Autowired
    PortalAccounts portal;

    @Autowired
    MobileCitizens mobile;

    @Autowired
    DemoPeople demo;

    @Autowired
    DemoDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Nested
    class TheDemoDataSet {

        @Test
        void holdsAtLeastAThousandPeopleWithValidIins() {
            var persons = demo.persons();

            assertThat(persons).hasSizeGreaterThanOrEqualTo(1000);
            assertThat(persons).allSatisfy(person -> assertThat(Iin.isValid(person.iin().value())).isTrue());
        }

        @Test
        void listsTheFeaturedPeopleFirstWithTheirRoles() {
            var persons = demo.persons();

            assertThat(persons.subList(0, 11)).extracting(DemoPerson::role).containsExactly("third-party", "user",
                    "user-portal", "user-mobile", "user-unregistered", "user-no-property", "user-many-properties",
                    "first-head", "employee", "revoked-key", "expired-key");
            assertThat(persons.subList(11, persons.size())).noneMatch(DemoPerson::featured);
            assertThat(demo.person(USER)).hasValueSatisfying(user -> {
                assertThat(user.role()).isEqualTo("user");
                assertThat(user.phone()).isEqualTo("+77015550102");
                assertThat(user.portal()).isTrue();
                assertThat(user.mobile()).isTrue();
            });
        }

        @Test
        void hasPeopleInEveryRegistrationCategory() {
            var persons = demo.persons();

            assertThat(persons).anyMatch(p -> p.portal() && p.mobile())
                    .anyMatch(p -> p.portal() && !p.mobile())
                    .anyMatch(p -> !p.portal() && p.mobile())
                    .anyMatch(p -> !p.portal() && !p.mobile());
        }

        @Test
        void hasOrganisationsWithValidBinsAndTheDemoBankFirst() {
            var organisations = demo.organisations();

            assertThat(organisations).hasSizeGreaterThanOrEqualTo(6).allSatisfy(organisation -> {
                assertThat(Bin.isValid(organisation.bin().value())).isTrue();
                assertThat(population.find(organisation.firstHead())).isPresent();
                assertThat(organisation.employees()).isNotEmpty();
            });
            assertThat(organisations.get(0).firstHead()).isEqualTo(Iin.of("700101300015"));
            assertThat(organisations.get(0).employees()).contains(Iin.of("880606400012"));
        }
    }

    @Nested
    class ThePorts {

        @Test
        void findAPersonWithTheRegisteredAddress() {
            var user = population.find(USER).orElseThrow();

            assertThat(user.fullName()).isEqualTo("Сәрсенбаев Асқар Нұрланұлы");
            assertThat(user.birthDate()).hasToString("1985-07-15");
            assertThat(user.address()).hasValueSatisfying(address -> {
                assertThat(address.region().kk()).isNotBlank();
                assertThat(address.region().ru()).isNotBlank();
                assertThat(address.flat()).isNotNull();
                assertThat(address.registrationCode()).hasSize(16);
            });
        }

        @Test
        void knowNothingOfAPersonNotInTheRegister() {
            var stranger = Iin.of("200340000011");

            assertThat(population.find(stranger)).isEmpty();
            assertThat(realEstate.objectsOf(stranger)).isEmpty();
            assertThat(portal.isRegistered(stranger)).isFalse();
            assertThat(mobile.phoneOf(stranger)).isEmpty();
        }

        @Test
        void tellPortalAndBmgRegistrationsApart() {
            assertThat(portal.isRegistered(Iin.of("900101400404"))).isTrue();
            assertThat(mobile.phoneOf(Iin.of("900101400404"))).isEmpty();
            assertThat(portal.isRegistered(Iin.of("780923300019"))).isFalse();
            assertThat(mobile.phoneOf(Iin.of("780923300019"))).contains("+77015550104");
            assertThat(portal.isRegistered(Iin.of("010505500010"))).isFalse();
            assertThat(mobile.phoneOf(Iin.of("010505500010"))).isEmpty();
        }

        @Test
        void giveTheUserOneApartmentWithAMortgage() {
            assertThat(realEstate.objectsOf(USER)).singleElement().satisfies(object -> {
                assertThat(object.kind()).isEqualTo(RealEstateObject.Kind.APARTMENT);
                assertThat(object.encumbrances()).extracting(RealEstateObject.Encumbrance::kind)
                        .containsExactly(EncumbranceKind.MORTGAGE);
                assertThat(object.rights()).singleElement()
                        .satisfies(right -> assertThat(right.holderId()).isEqualTo(USER.value()));
            });
        }

        @Test
        void giveEveryObjectWithAllItsRightsAndEncumbrances() {
            var objects = realEstate.objectsOf(MANY_PROPERTIES);

            assertThat(objects).hasSizeGreaterThanOrEqualTo(25);
            assertThat(objects).allSatisfy(object -> assertThat(object.rights())
                    .anySatisfy(right -> assertThat(right.holderId()).isEqualTo(MANY_PROPERTIES.value())));
            assertThat(objects).anySatisfy(object -> assertThat(object.rights()).hasSizeGreaterThanOrEqualTo(2));
            assertThat(objects).filteredOn(object -> !object.encumbrances().isEmpty()).hasSizeGreaterThan(10);
        }

        @Test
        void giveACoOwnerTheSameObjectWithTheSameRights() {
            var shared = realEstate.objectsOf(MANY_PROPERTIES).stream()
                    .filter(object -> object.rights().size() == 3)
                    .findFirst().orElseThrow();
            var coOwner = Iin.of(shared.rights().stream()
                    .map(RealEstateObject.Right::holderId)
                    .filter(holder -> !holder.equals(MANY_PROPERTIES.value()))
                    .findFirst().orElseThrow());

            assertThat(realEstate.objectsOf(coOwner)).contains(shared);
        }

        @Test
        void giveThePersonWithoutPropertyNothing() {
            assertThat(realEstate.objectsOf(NO_PROPERTY)).isEmpty();
            assertThat(population.find(NO_PROPERTY)).isPresent();
        }
    }

    @Nested
    class Generation {

        @Test
        void doesNotRunAgainWhenTheDataIsThere() {
            var before = fingerprint();

            assertThat(loader.loadIfEmpty()).isFalse();

            assertThat(fingerprint()).isEqualTo(before);
        }

        @Test
        void writesTheSameDataOnceWhenTwoNodesStartOnAnEmptyDatabase() throws Exception {
            var before = fingerprint();
            jdbc.sql("TRUNCATE " + String.join(", ", TABLES)).update();
            assertThat(count("registry_persons")).isZero();
            var ready = new CountDownLatch(1);
            Callable<Boolean> start = () -> {
                ready.await();
                return loader.loadIfEmpty();
            };
            var pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> nodes = new ArrayList<>(List.of(pool.submit(start), pool.submit(start)));

                ready.countDown();

                assertThat(List.of(nodes.get(0).get(30, TimeUnit.SECONDS), nodes.get(1).get(30, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder(true, false);
            } finally {
                pool.shutdownNow();
            }
            assertThat(fingerprint()).isEqualTo(before);
        }
    }

    /** The content of every registry table, without the generated row ids, as one digest per table. */
    private List<String> fingerprint() {
        return TABLES.stream()
                .map(table -> jdbc.sql("SELECT count(*) || ':' || md5(coalesce(string_agg((to_jsonb(t) - 'id')::text,"
                        + " '|' ORDER BY (to_jsonb(t) - 'id')::text), '')) FROM " + table + " t")
                        .query(String.class).single())
                .toList();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
