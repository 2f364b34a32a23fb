package org.kelisim.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.kelisim.registry.DemoDataSet.Featured;
import org.kelisim.registry.DemoDataSet.MobilePhone;
import org.kelisim.registry.DemoDataSet.PortalAccount;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.RightKind;

class DemoDataGeneratorTest {

    private static final DemoDataSet DATA = DemoDataGenerator.generate();

    @Test
    void theSameSeedGivesTheSameDataSet() {
        assertThat(DemoDataGenerator.generate()).isEqualTo(DATA);
        assertThat(DemoDataGenerator.generate(7, 50)).isNotEqualTo(DemoDataGenerator.generate(8, 50));
    }

    @Nested
    class People {

        @Test
        void areAtLeastAThousandWithValidDistinctIins() {
            assertThat(DATA.persons()).hasSizeGreaterThanOrEqualTo(1000);
            assertThat(DATA.persons()).allSatisfy(person -> assertThat(Iin.isValid(person.iin().value())).isTrue());
            assertThat(DATA.persons().stream().map(Person::iin).distinct()).hasSameSizeAs(DATA.persons());
        }

        @Test
        void haveTheBirthDateAndSexTheirIinSays() {
            var male = union(DemoCatalogue.KAZAKH_MALE_NAMES, DemoCatalogue.RUSSIAN_MALE_NAMES);
            var female = union(DemoCatalogue.KAZAKH_FEMALE_NAMES, DemoCatalogue.RUSSIAN_FEMALE_NAMES);

            assertThat(DATA.persons()).allSatisfy(person -> {
                assertThat(person.iin().birthDate()).contains(person.birthDate());
                var names = person.iin().sex().orElseThrow() == Iin.Sex.MALE ? male : female;
                assertThat(names).contains(person.givenName());
            });
        }

        @Test
        void carryKazakhAndRussianNamesWithEveryKazakhLetter() {
            var names = DATA.persons().stream()
                    .map(person -> person.fullName())
                    .collect(Collectors.joining(" "));

            for (String letter : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і")) {
                assertThat(names).containsIgnoringCase(letter);
            }
            assertThat(DATA.persons()).anySatisfy(person -> assertThat(person.patronymic()).endsWith("ұлы"))
                    .anySatisfy(person -> assertThat(person.patronymic()).endsWith("қызы"))
                    .anySatisfy(person -> assertThat(person.patronymic()).endsWith("вич"))
                    .anySatisfy(person -> assertThat(person.patronymic()).endsWith("вна"))
                    .anySatisfy(person -> assertThat(person.patronymic()).isNull());
        }

        @Test
        void liveInEveryRegionOfKazakhstan() {
            var regions = DATA.persons().stream()
                    .flatMap(person -> person.address().stream())
                    .map(RegisteredAddress::region)
                    .collect(Collectors.toSet());

            assertThat(regions).hasSize(20).containsAll(DemoCatalogue.REGIONS.stream()
                    .map(DemoCatalogue.Region::name).toList());
            assertThat(DATA.persons()).anySatisfy(person -> assertThat(person.address()).isEmpty());
        }

        @Test
        void fallIntoEveryRegistrationCategory() {
            var portal = DATA.portalAccounts().stream().map(PortalAccount::iin).collect(Collectors.toSet());
            var mobile = DATA.phones().stream().map(MobilePhone::iin).collect(Collectors.toSet());

            assertThat(DATA.persons()).anySatisfy(p -> assertThat(portal.contains(p.iin()) && mobile.contains(p.iin()))
                    .isTrue())
                    .anySatisfy(p -> assertThat(portal.contains(p.iin()) && !mobile.contains(p.iin())).isTrue())
                    .anySatisfy(p -> assertThat(!portal.contains(p.iin()) && mobile.contains(p.iin())).isTrue())
                    .anySatisfy(p -> assertThat(!portal.contains(p.iin()) && !mobile.contains(p.iin())).isTrue());
        }

        @Test
        void haveDistinctKazakhMobilePhones() {
            assertThat(DATA.phones()).extracting(MobilePhone::phone)
                    .allMatch(phone -> phone.matches("\\+7(70[0-8]|747|77[0-8])\\d{7}"))
                    .doesNotHaveDuplicates();
        }
    }

    @Nested
    class FeaturedPeopleOfTheDemo {

        private final Map<String, Iin> byRole = DATA.featured().stream()
                .collect(Collectors.toMap(Featured::role, Featured::iin));

        @Test
        void comeFirstWithTheirFixedIinsAndRoles() {
            var first = DATA.persons().subList(0, FeaturedPeople.ALL.size());

            assertThat(first).extracting(person -> person.iin().value())
                    .containsExactlyElementsOf(FeaturedPeople.ALL.stream().map(FeaturedPeople.Spec::iin).toList());
            assertThat(DATA.featured()).extracting(Featured::role).containsExactly("third-party", "user",
                    "user-portal", "user-mobile", "user-unregistered", "user-no-property", "user-many-properties",
                    "first-head", "employee", "revoked-key", "expired-key");
        }

        @Test
        void areRegisteredAsTheirRoleSays() {
            assertThat(registrations("user")).containsExactly(true, true);
            assertThat(registrations("user-portal")).containsExactly(true, false);
            assertThat(registrations("user-mobile")).containsExactly(false, true);
            assertThat(registrations("user-unregistered")).containsExactly(false, false);
            assertThat(registrations("user-no-property")).containsExactly(true, true);
            assertThat(registrations("user-many-properties")).containsExactly(true, true);
            assertThat(phoneOf("user")).isEqualTo("+77015550102");
        }

        @Test
        void includeAUserWithAnAddressAndOneMortgagedApartment() {
            var user = byRole.get("user");

            assertThat(DATA.persons().get(1).address()).hasValueSatisfying(address -> {
                assertThat(address.region()).isEqualTo(new Localized("Астана қаласы", "город Астана"));
                assertThat(address.flat()).isNotNull();
            });
            assertThat(objectsOf(user)).singleElement().satisfies(object -> {
                assertThat(object.kind()).isEqualTo(RealEstateObject.Kind.APARTMENT);
                assertThat(object.encumbrances()).extracting(RealEstateObject.Encumbrance::kind)
                        .containsExactly(EncumbranceKind.MORTGAGE);
            });
        }

        @Test
        void includeAPersonWithManyObjectsCoOwnersAndEncumbrances() {
            var objects = objectsOf(byRole.get("user-many-properties"));

            assertThat(objects).hasSizeGreaterThanOrEqualTo(25);
            assertThat(objects).anySatisfy(object -> assertThat(object.rights()).hasSize(2))
                    .anySatisfy(object -> assertThat(object.rights()).hasSize(3))
                    .anySatisfy(object -> assertThat(object.rights())
                            .anySatisfy(right -> assertThat(Bin.isValid(right.holderId())).isTrue()));
            assertThat(objects.stream().flatMap(object -> object.encumbrances().stream())
                    .map(RealEstateObject.Encumbrance::kind).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(EncumbranceKind.values());
        }

        @Test
        void includeAUserWithNoPropertyAtAll() {
            assertThat(objectsOf(byRole.get("user-no-property"))).isEmpty();
        }

        @Test
        void includeTheFirstHeadAndAnEmployeeOfTheDemoBank() {
            var bank = DATA.organisations().get(0);

            assertThat(bank.firstHead()).isEqualTo(byRole.get("first-head"));
            assertThat(bank.employees()).contains(byRole.get("employee")).doesNotContain(bank.firstHead());
        }

        private List<Boolean> registrations(String role) {
            var iin = byRole.get(role);
            return List.of(DATA.portalAccounts().stream().anyMatch(account -> account.iin().equals(iin)),
                    DATA.phones().stream().anyMatch(phone -> phone.iin().equals(iin)));
        }

        private String phoneOf(String role) {
            return DATA.phones().stream().filter(phone -> phone.iin().equals(byRole.get(role))).findFirst()
                    .orElseThrow().phone();
        }
    }

    @Nested
    class RealEstate {

        @Test
        void hasDistinctCadastralNumbers() {
            assertThat(DATA.objects()).extracting(RealEstateObject::cadastralNumber).doesNotHaveDuplicates()
                    .allMatch(number -> number.matches("\\d{2}:\\d{3}:\\d{3}:\\d{3}(:\\d+)?"));
        }

        @Test
        void hasSoleSharedAndJointOwnershipAndEveryEncumbrance() {
            var rights = DATA.objects().stream().flatMap(object -> object.rights().stream()).toList();

            assertThat(rights).extracting(RealEstateObject.Right::kind).contains(RightKind.OWNERSHIP,
                    RightKind.SHARED_OWNERSHIP, RightKind.JOINT_OWNERSHIP);
            assertThat(rights).extracting(RealEstateObject.Right::share).contains("1", "1/2", "1/3");
            assertThat(DATA.objects()).anySatisfy(object -> assertThat(object.encumbrances())
                    .anySatisfy(e -> assertThat(e.holder().ru()).contains("Банк")));
            assertThat(DATA.objects().stream().flatMap(object -> object.encumbrances().stream())
                    .map(RealEstateObject.Encumbrance::kind).distinct()).hasSize(3);
        }

        @Test
        void leavesManyPeopleWithoutProperty() {
            var holders = DATA.objects().stream().flatMap(object -> object.rights().stream())
                    .map(RealEstateObject.Right::holderId).collect(Collectors.toSet());

            var withoutProperty = DATA.persons().stream().filter(person -> !holders.contains(person.iin().value()));
            assertThat(withoutProperty.count()).isGreaterThan(100);
        }

        @Test
        void namesOnlyKnownPeopleAndOrganisationsAsHolders() {
            Set<String> known = new HashSet<>();
            DATA.persons().forEach(person -> known.add(person.iin().value()));
            DATA.organisations().forEach(organisation -> known.add(organisation.bin().value()));

            assertThat(DATA.objects()).allSatisfy(object -> assertThat(object.rights())
                    .allSatisfy(right -> assertThat(known).contains(right.holderId())));
        }
    }

    @Test
    void hasOrganisationsWithValidBinsFirstHeadsAndEmployees() {
        var persons = DATA.persons().stream().collect(Collectors.toMap(Person::iin, Function.identity()));

        assertThat(DATA.organisations()).hasSizeGreaterThanOrEqualTo(6).allSatisfy(organisation -> {
            assertThat(Bin.isValid(organisation.bin().value())).isTrue();
            assertThat(persons).containsKey(organisation.firstHead());
            assertThat(organisation.employees()).isNotEmpty().allSatisfy(e -> assertThat(persons).containsKey(e));
        });
    }

    private static Set<String> union(List<String> first, List<String> second) {
        var all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    private static List<RealEstateObject> objectsOf(Iin iin) {
        return DATA.objects().stream()
                .filter(object -> object.rights().stream().anyMatch(right -> right.holderId().equals(iin.value())))
                .toList();
    }
}
