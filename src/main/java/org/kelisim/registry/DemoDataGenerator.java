package org.kelisim.registry;

import static org.kelisim.registry.DemoCatalogue.ARRESTING_BODIES;
import static org.kelisim.registry.DemoCatalogue.KAZAKH_FEMALE_NAMES;
import static org.kelisim.registry.DemoCatalogue.KAZAKH_MALE_NAMES;
import static org.kelisim.registry.DemoCatalogue.KAZAKH_SURNAMES;
import static org.kelisim.registry.DemoCatalogue.REGIONS;
import static org.kelisim.registry.DemoCatalogue.RUSSIAN_FEMALE_NAMES;
import static org.kelisim.registry.DemoCatalogue.RUSSIAN_MALE_NAMES;
import static org.kelisim.registry.DemoCatalogue.RUSSIAN_PATRONYMICS;
import static org.kelisim.registry.DemoCatalogue.RUSSIAN_SURNAMES;
import static org.kelisim.registry.DemoCatalogue.STREETS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.kelisim.registry.DemoCatalogue.Place;
import org.kelisim.registry.DemoCatalogue.Region;
import org.kelisim.registry.DemoDataSet.Featured;
import org.kelisim.registry.DemoDataSet.MobilePhone;
import org.kelisim.registry.DemoDataSet.PortalAccount;
import org.kelisim.registry.DemoPeople.DemoOrganisation;
import org.kelisim.registry.RealEstateObject.Encumbrance;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.Kind;
import org.kelisim.registry.RealEstateObject.Right;
import org.kelisim.registry.RealEstateObject.RightKind;

/**
 * Makes the demo data set from a seed: the same seed, the same data, on every machine ({@link Random} is specified
 * to the bit). Featured people come from {@link FeaturedPeople} with fixed IINs and phones; the crowd around them is
 * drawn at random: Kazakh and Russian names, addresses in every region, property with co-owners and encumbrances,
 * and every combination of portal account and BMG phone.
 */
final class DemoDataGenerator {

    static final long SEED = 20190101L;
    static final int CROWD = 1189;

    private static final LocalDate OLDEST = LocalDate.of(1940, 1, 1);
    private static final LocalDate YOUNGEST = LocalDate.of(2007, 12, 31);
    private static final LocalDate DATA_AS_OF = LocalDate.of(2025, 12, 31);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final List<String> PHONE_PREFIXES = List.of("700", "701", "702", "705", "707", "708", "747", "771",
            "775", "776", "777", "778");

    private final Random random;
    private final Set<String> iins = new HashSet<>();
    private final Set<String> phoneNumbers = new HashSet<>();
    private final Set<String> cadastralNumbers = new HashSet<>();
    private final List<Person> persons = new ArrayList<>();
    private final List<Featured> featured = new ArrayList<>();
    private final List<RealEstateObject> objects = new ArrayList<>();
    private final List<PortalAccount> portalAccounts = new ArrayList<>();
    private final List<MobilePhone> phones = new ArrayList<>();
    private final List<Person> owners = new ArrayList<>();
    private final List<Person> adults = new ArrayList<>();
    private List<DemoOrganisation> organisations = List.of();
    private int documentNumber = 1000;

    private DemoDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    static DemoDataSet generate() {
        return generate(SEED, CROWD);
    }

    static DemoDataSet generate(long seed, int crowd) {
        return new DemoDataGenerator(seed).run(crowd);
    }

    private DemoDataSet run(int crowd) {
        for (var spec : FeaturedPeople.ALL) {
            iins.add(spec.iin());
            if (spec.phone() != null) {
                phoneNumbers.add(spec.phone());
            }
        }
        var featuredPersons = new ArrayList<Person>();
        for (var spec : FeaturedPeople.ALL) {
            featuredPersons.add(featuredPerson(spec));
        }
        for (int i = 0; i < crowd; i++) {
            crowdMember();
        }
        organisations = organisations(featuredPersons);
        featuredProperty(featuredPersons);
        crowdProperty();
        return new DemoDataSet(persons, featured, objects, portalAccounts, phones, organisations);
    }

    private Person featuredPerson(FeaturedPeople.Spec spec) {
        var iin = Iin.of(spec.iin());
        var location = location(spec.apartment(), REGIONS.stream()
                .filter(region -> region.code().equals(spec.region())).findFirst().orElseThrow());
        var person = new Person(iin, spec.surname(), spec.givenName(), spec.patronymic(), iin.birthDate().orElseThrow(),
                Optional.of(address(location, iin.birthDate().orElseThrow())));
        persons.add(person);
        featured.add(new Featured(spec.role(), iin));
        if (spec.portal()) {
            portalAccounts.add(new PortalAccount(iin, dateBetween(LocalDate.of(2014, 1, 1), DATA_AS_OF)));
        }
        if (spec.phone() != null) {
            phones.add(new MobilePhone(iin, spec.phone(), dateBetween(LocalDate.of(2016, 1, 1), DATA_AS_OF)));
        }
        return person;
    }

    private void crowdMember() {
        boolean male = random.nextBoolean();
        boolean kazakh = random.nextInt(100) < 70;
        var birthDate = dateBetween(OLDEST, YOUNGEST);
        var iin = newIin(birthDate, male);
        String surname;
        String givenName;
        String patronymic;
        if (kazakh) {
            surname = pick(KAZAKH_SURNAMES) + (male ? "" : "а");
            givenName = pick(male ? KAZAKH_MALE_NAMES : KAZAKH_FEMALE_NAMES);
            patronymic = random.nextInt(100) < 5 ? null : pick(KAZAKH_MALE_NAMES) + (male ? "ұлы" : "қызы");
        } else {
            surname = pick(RUSSIAN_SURNAMES) + (male ? "" : "а");
            givenName = pick(male ? RUSSIAN_MALE_NAMES : RUSSIAN_FEMALE_NAMES);
            patronymic = pick(RUSSIAN_PATRONYMICS).get(male ? 0 : 1);
        }
        var address = random.nextInt(100) < 97
                ? Optional.of(address(location(random.nextInt(100) < 65), birthDate))
                : Optional.<RegisteredAddress>empty();
        var person = new Person(iin, surname, givenName, patronymic, birthDate, address);
        persons.add(person);
        registrations(iin);
        if (birthDate.isBefore(LocalDate.of(2005, 1, 1))) {
            adults.add(person);
            if (random.nextInt(100) < 60) {
                owners.add(person);
            }
        }
    }

    /** Both 45 %, portal only 20 %, BMG only 20 %, neither 15 %. */
    private void registrations(Iin iin) {
        int category = random.nextInt(100);
        boolean portal = category < 65;
        boolean mobile = category < 45 || category >= 65 && category < 85;
        if (portal) {
            portalAccounts.add(new PortalAccount(iin, dateBetween(LocalDate.of(2012, 1, 1), DATA_AS_OF)));
        }
        if (mobile) {
            phones.add(new MobilePhone(iin, newPhone(), dateBetween(LocalDate.of(2015, 1, 1), DATA_AS_OF)));
        }
    }

    private List<DemoOrganisation> organisations(List<Person> featuredPersons) {
        var firstHead = featuredPersons.get(FeaturedPeople.ALL.indexOf(FeaturedPeople.FIRST_HEAD)).iin();
        var employee = featuredPersons.get(FeaturedPeople.ALL.indexOf(FeaturedPeople.EMPLOYEE)).iin();
        var seniors = adults.stream().filter(person -> person.birthDate().getYear() < 1990).toList();
        var result = new ArrayList<DemoOrganisation>();
        for (var organisation : FeaturedPeople.ORGANISATIONS) {
            var employees = new ArrayList<Iin>();
            Iin head;
            if (organisation == FeaturedPeople.ORGANISATIONS.get(0)) {
                head = firstHead;
                employees.add(employee);
            } else {
                head = pick(seniors).iin();
            }
            int count = 1 + random.nextInt(3);
            while (employees.size() < count + (head == firstHead ? 1 : 0)) {
                var candidate = pick(adults).iin();
                if (!candidate.equals(head) && !employees.contains(candidate)) {
                    employees.add(candidate);
                }
            }
            result.add(new DemoOrganisation(Bin.of(organisation.bin()), organisation.name(), head, employees));
        }
        return result;
    }

    private void featuredProperty(List<Person> featuredPersons) {
        var bank = organisations.get(0).name();
        for (int i = 0; i < featuredPersons.size(); i++) {
            var person = featuredPersons.get(i);
            var location = person.address().map(DemoDataGenerator::locationOf).orElseGet(() -> location(true));
            switch (FeaturedPeople.ALL.get(i).role()) {
                case "user" -> object(Kind.APARTMENT, location, sole(person),
                        List.of(mortgage(bank, LocalDate.of(2021, 3, 15))));
                case "third-party" -> {
                    object(Kind.APARTMENT, location, sole(person), List.of());
                    object(Kind.APARTMENT, location(true), sole(person),
                            List.of(lease(organisations.get(3).name(), LocalDate.of(2024, 9, 1))));
                }
                case "user-portal" -> object(Kind.HOUSE, location, shared(List.of(person, pick(owners)), "1/2"),
                        List.of());
                case "user-mobile" -> object(Kind.APARTMENT, location, joint(person, pick(owners)),
                        List.of(arrest(LocalDate.of(2025, 2, 10))));
                case "user-unregistered" -> object(Kind.GARAGE, location(false), sole(person), List.of());
                case "user-many-properties" -> manyProperties(person);
                case "first-head" -> object(Kind.HOUSE, location, sole(person), List.of());
                case "employee" -> object(Kind.APARTMENT, location, shared(List.of(person, pick(owners)), "1/2"),
                        List.of(mortgage(organisations.get(1).name(), LocalDate.of(2019, 6, 20))));
                default -> {
                    // user-no-property, revoked-key and expired-key hold nothing
                }
            }
        }
    }

    /** Enough objects, co-owners and encumbrances to fill several pages of the rights certificate. */
    private void manyProperties(Person person) {
        var kinds = Kind.values();
        var spouse = pick(owners);
        var realtor = organisations.get(5);
        for (int i = 0; i < 28; i++) {
            var kind = kinds[i % kinds.length];
            var location = location(kind == Kind.APARTMENT);
            List<Right> rights;
            if (i % 7 == 6) {
                rights = List.of(right(person.iin().value(), person.fullName(), "1/2", RightKind.SHARED_OWNERSHIP),
                        right(realtor.bin().value(), realtor.name().ru(), "1/2", RightKind.SHARED_OWNERSHIP));
            } else {
                rights = switch (i % 4) {
                    case 0 -> sole(person);
                    case 1 -> shared(List.of(person, pick(owners)), "1/2");
                    case 2 -> shared(List.of(person, pick(owners), pick(owners)), "1/3");
                    default -> joint(person, spouse);
                };
            }
            var encumbrances = new ArrayList<Encumbrance>();
            var since = rights.get(0).registeredOn();
            if (i % 3 == 0) {
                encumbrances.add(mortgage(organisations.get(i % 3).name(), dateBetween(since, DATA_AS_OF)));
            }
            if (i % 5 == 0) {
                encumbrances.add(arrest(dateBetween(since, DATA_AS_OF)));
            }
            if (i % 4 == 1) {
                encumbrances.add(lease(organisations.get(3).name(), dateBetween(since, DATA_AS_OF)));
            }
            object(kind, location, rights, encumbrances);
        }
    }

    /** Sole 50 %, shared by two 20 %, by three 10 %, joint 20 %; a mortgage, an arrest or a lease now and then. */
    private void crowdProperty() {
        for (var owner : List.copyOf(owners)) {
            int objectsOfOwner = random.nextInt(100) < 15 ? 2 : 1;
            for (int n = 0; n < objectsOfOwner; n++) {
                int kindDraw = random.nextInt(100);
                var kind = kindDraw < 55 ? Kind.APARTMENT : kindDraw < 75 ? Kind.HOUSE
                        : kindDraw < 85 ? Kind.LAND_PLOT : kindDraw < 93 ? Kind.GARAGE : Kind.NON_RESIDENTIAL;
                var location = n == 0 && owner.address().isPresent()
                        && (kind == Kind.APARTMENT) == (owner.address().get().flat() != null)
                        ? locationOf(owner.address().get())
                        : location(kind == Kind.APARTMENT);
                int pattern = random.nextInt(100);
                var rights = pattern < 50 ? sole(owner)
                        : pattern < 70 ? shared(List.of(owner, otherOwner(owner)), "1/2")
                        : pattern < 80 ? shared(List.of(owner, otherOwner(owner), otherOwner(owner)), "1/3")
                        : joint(owner, otherOwner(owner));
                var since = rights.get(0).registeredOn();
                var encumbrances = new ArrayList<Encumbrance>();
                int draw = random.nextInt(100);
                if (draw < 25 && (kind == Kind.APARTMENT || kind == Kind.HOUSE)) {
                    encumbrances.add(mortgage(pick(organisations.subList(0, 3)).name(),
                            dateBetween(since, DATA_AS_OF)));
                } else if (draw >= 90 && draw < 95) {
                    encumbrances.add(arrest(dateBetween(since, DATA_AS_OF)));
                } else if (draw >= 95 && kind != Kind.LAND_PLOT) {
                    encumbrances.add(lease(organisations.get(3 + random.nextInt(3)).name(),
                            dateBetween(since, DATA_AS_OF)));
                }
                object(kind, location, rights, encumbrances);
            }
        }
    }

    private Person otherOwner(Person owner) {
        var other = pick(owners);
        return other.equals(owner) ? owners.get((owners.indexOf(owner) + 1) % owners.size()) : other;
    }

    private void object(Kind kind, Location location, List<Right> rights, List<Encumbrance> encumbrances) {
        BigDecimal area;
        Integer floors;
        Integer yearBuilt;
        switch (kind) {
            case APARTMENT -> {
                area = area(28, 140);
                floors = List.of(5, 9, 12, 16, 22).get(random.nextInt(5));
                yearBuilt = 1958 + random.nextInt(67);
            }
            case HOUSE -> {
                area = area(60, 350);
                floors = 1 + random.nextInt(2);
                yearBuilt = 1950 + random.nextInt(75);
            }
            case LAND_PLOT -> {
                area = area(400, 2500);
                floors = null;
                yearBuilt = null;
            }
            case GARAGE -> {
                area = area(18, 36);
                floors = 1;
                yearBuilt = 1970 + random.nextInt(55);
            }
            default -> {
                area = area(40, 600);
                floors = 1 + random.nextInt(3);
                yearBuilt = 1965 + random.nextInt(60);
            }
        }
        var apartment = kind == Kind.APARTMENT && location.flat() != null;
        objects.add(new RealEstateObject(cadastralNumber(location, apartment), kind,
                objectAddress(location, apartment), area, floors, yearBuilt, rights, encumbrances));
    }

    private List<Right> sole(Person owner) {
        return List.of(right(owner.iin().value(), owner.fullName(), "1", RightKind.OWNERSHIP));
    }

    private List<Right> shared(List<Person> owners, String share) {
        var basis = rightBasis();
        var since = basis.date();
        return owners.stream()
                .map(owner -> new Right(owner.iin().value(), owner.fullName(), share, RightKind.SHARED_OWNERSHIP,
                        basis.text(), since))
                .toList();
    }

    /** Joint ownership (общая совместная собственность) has no shares: the share reads «—». */
    private List<Right> joint(Person owner, Person spouse) {
        var basis = rightBasis();
        var since = basis.date();
        return List.of(new Right(owner.iin().value(), owner.fullName(), "—", RightKind.JOINT_OWNERSHIP, basis.text(),
                since), new Right(spouse.iin().value(), spouse.fullName(), "—", RightKind.JOINT_OWNERSHIP,
                basis.text(), since));
    }

    private Right right(String holderId, String holderName, String share, RightKind kind) {
        var basis = rightBasis();
        return new Right(holderId, holderName, share, kind, basis.text(), basis.date());
    }

    private record Basis(Localized text, LocalDate date) {
    }

    private Basis rightBasis() {
        var date = dateBetween(LocalDate.of(1996, 1, 1), DATA_AS_OF);
        int number = ++documentNumber;
        var day = DAY.format(date);
        var text = switch (random.nextInt(4)) {
            case 0 -> new Localized("Сатып алу-сату шарты № " + number + ", " + day,
                    "Договор купли-продажи № " + number + " от " + day);
            case 1 -> new Localized("Сыйға тарту шарты № " + number + ", " + day,
                    "Договор дарения № " + number + " от " + day);
            case 2 -> new Localized("Мұрагерлік құқығы туралы куәлік № " + number + ", " + day,
                    "Свидетельство о праве на наследство № " + number + " от " + day);
            default -> new Localized("Тұрғын үйді жекешелендіру шарты № " + number + ", " + day,
                    "Договор приватизации жилища № " + number + " от " + day);
        };
        return new Basis(text, date);
    }

    private Encumbrance mortgage(Localized bank, LocalDate date) {
        int number = ++documentNumber;
        return new Encumbrance(EncumbranceKind.MORTGAGE, bank,
                new Localized("Ипотека шарты № " + number + "/И, " + DAY.format(date),
                        "Договор ипотеки № " + number + "/И от " + DAY.format(date)), date);
    }

    private Encumbrance arrest(LocalDate date) {
        int number = ++documentNumber;
        return new Encumbrance(EncumbranceKind.ARREST, pick(ARRESTING_BODIES),
                new Localized("Мүлікке тыйым салу туралы қаулы № " + number + ", " + DAY.format(date),
                        "Постановление о наложении ареста на имущество № " + number + " от " + DAY.format(date)),
                date);
    }

    private Encumbrance lease(Localized lessee, LocalDate date) {
        int number = ++documentNumber;
        return new Encumbrance(EncumbranceKind.LEASE, lessee,
                new Localized("Мүліктік жалдау шарты № " + number + ", " + DAY.format(date),
                        "Договор имущественного найма № " + number + " от " + DAY.format(date)), date);
    }

    /** Where a person lives or an object stands. */
    private record Location(Region region, Place place, Localized street, String house, String flat) {
    }

    private Location location(boolean apartment) {
        return location(apartment, pick(REGIONS));
    }

    private Location location(boolean apartment, Region region) {
        return new Location(region, pick(region.places()), pick(STREETS), Integer.toString(1 + random.nextInt(180)),
                apartment ? Integer.toString(1 + random.nextInt(320)) : null);
    }

    private static Location locationOf(RegisteredAddress address) {
        for (var region : REGIONS) {
            if (region.name().equals(address.region())) {
                for (var place : region.places()) {
                    if (place.district().equals(address.district()) && place.locality().equals(address.locality())) {
                        return new Location(region, place, address.street(), address.house(), address.flat());
                    }
                }
            }
        }
        throw new IllegalStateException("The address is not from the catalogue");
    }

    private RegisteredAddress address(Location location, LocalDate birthDate) {
        var earliest = birthDate.isAfter(LocalDate.of(1995, 1, 1)) ? birthDate : LocalDate.of(1995, 1, 1);
        var code = new StringBuilder(location.region().code());
        while (code.length() < 16) {
            code.append(random.nextInt(10));
        }
        return new RegisteredAddress(location.region().name(), location.place().district(),
                location.place().locality(), location.street(), location.house(), location.flat(),
                dateBetween(earliest, DATA_AS_OF), code.toString());
    }

    private static Localized objectAddress(Location location, boolean apartment) {
        var kk = new ArrayList<String>();
        var ru = new ArrayList<String>();
        kk.add(location.region().name().kk());
        ru.add(location.region().name().ru());
        kk.add(location.place().district().kk());
        ru.add(location.place().district().ru());
        if (!location.region().city() && !location.place().locality().equals(location.place().district())) {
            kk.add(location.place().locality().kk());
            ru.add(location.place().locality().ru());
        }
        kk.add(location.street().kk());
        ru.add(location.street().ru());
        kk.add(location.house() + " үй");
        ru.add("д. " + location.house());
        if (apartment) {
            kk.add(location.flat() + " пәтер");
            ru.add("кв. " + location.flat());
        }
        return new Localized(String.join(", ", kk), String.join(", ", ru));
    }

    /** {@code RR:DDD:QQQ:PPP}, and {@code :FF} for an apartment: region, district, quarter, plot, flat. */
    private String cadastralNumber(Location location, boolean apartment) {
        int district = location.region().places().indexOf(location.place()) + 1;
        while (true) {
            var number = String.format("%s:%03d:%03d:%03d", location.region().code(),
                    10 * district + random.nextInt(10), random.nextInt(1000), random.nextInt(1000))
                    + (apartment ? ":" + location.flat() : "");
            if (cadastralNumbers.add(number)) {
                return number;
            }
        }
    }

    private Iin newIin(LocalDate birthDate, boolean male) {
        int century = birthDate.getYear() < 2000 ? (male ? 3 : 4) : (male ? 5 : 6);
        var prefix = String.format("%02d%02d%02d%d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), century);
        while (true) {
            var candidate = prefix + String.format("%04d", random.nextInt(10000));
            for (int control = 0; control < 10; control++) {
                var value = candidate + control;
                if (Iin.isValid(value) && iins.add(value)) {
                    return Iin.of(value);
                }
            }
        }
    }

    private String newPhone() {
        while (true) {
            var phone = "+7" + pick(PHONE_PREFIXES) + String.format("%07d", random.nextInt(10_000_000));
            if (phoneNumbers.add(phone)) {
                return phone;
            }
        }
    }

    private BigDecimal area(int from, int to) {
        return BigDecimal.valueOf(from * 10 + random.nextInt((to - from) * 10)).divide(BigDecimal.TEN)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
