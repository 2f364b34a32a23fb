package org.kelisim.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kelisim.identity.Iin;
import org.kelisim.registry.RealEstateObject.Encumbrance;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.Kind;
import org.kelisim.registry.RealEstateObject.Right;
import org.kelisim.registry.RealEstateObject.RightKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The real registries over HTTP, by the JSON contract of {@code docs/registry-http-contract.md}. A 404 means the
 * registry does not know the person; every failure (no answer in time, 5xx after the retries, an open circuit
 * breaker, an answer that cannot be read or is about someone else) is a {@link RegistryUnavailableException}, never
 * "not registered". Each port is a bean of its own ({@link RegistryPorts}).
 */
@Component
@ConditionalOnProperty(name = "kelisim.registry.mode", havingValue = "http")
class HttpRegistries implements RegistryAdapter {

    private static final Pattern PHONE = Pattern.compile("\\+7\\d{10}");
    private static final List<String> REGISTRIES = List.of("population", "real-estate", "portal", "mobile-citizens");

    private final RegistryGateway gateway;

    @Autowired
    HttpRegistries(RegistryProperties properties, Clock clock) {
        this(new RegistryGateway(properties, clock));
    }

    HttpRegistries(RegistryGateway gateway) {
        this.gateway = gateway;
    }

    public Optional<Person> find(Iin iin) {
        return gateway.get("population", "/population/persons/" + iin.value(), PersonAnswer.class,
                answer -> answer.toPerson(iin));
    }

    public List<RealEstateObject> objectsOf(Iin iin) {
        return gateway.get("real-estate", "/real-estate/persons/" + iin.value() + "/objects", ObjectsAnswer.class,
                answer -> answer.toObjects(iin)).orElse(List.of());
    }

    public boolean isRegistered(Iin iin) {
        return gateway.get("portal", "/portal/accounts/" + iin.value(), AccountAnswer.class,
                answer -> answer.toRegistered(iin)).orElse(false);
    }

    public Optional<String> phoneOf(Iin iin) {
        return gateway.get("mobile-citizens", "/mobile-citizens/" + iin.value(), PhoneAnswer.class,
                answer -> answer.toPhone(iin));
    }

    public Health health() {
        return gateway.health(REGISTRIES);
    }

    /** Throws when the registry answered about another person than the one asked about. */
    private static void requireSubject(String answered, Iin asked) {
        if (!asked.value().equals(answered)) {
            throw new IllegalArgumentException("The answer is about another person");
        }
    }

    record PersonAnswer(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
            AddressAnswer address) {

        Person toPerson(Iin asked) {
            requireSubject(iin, asked);
            return new Person(asked, Objects.requireNonNull(surname, "surname"),
                    Objects.requireNonNull(givenName, "givenName"), patronymic,
                    Objects.requireNonNull(birthDate, "birthDate"),
                    Optional.ofNullable(address).map(AddressAnswer::toAddress));
        }

        @Override
        public String toString() {
            return "PersonAnswer[***]";
        }
    }

    record AddressAnswer(Localized region, Localized district, Localized locality, Localized street, String house,
            String flat, LocalDate registeredOn, String registrationCode) {

        RegisteredAddress toAddress() {
            return new RegisteredAddress(Objects.requireNonNull(region, "region"),
                    Objects.requireNonNull(district, "district"), Objects.requireNonNull(locality, "locality"),
                    Objects.requireNonNull(street, "street"), Objects.requireNonNull(house, "house"), flat,
                    Objects.requireNonNull(registeredOn, "registeredOn"),
                    Objects.requireNonNull(registrationCode, "registrationCode"));
        }

        @Override
        public String toString() {
            return "AddressAnswer[***]";
        }
    }

    record ObjectsAnswer(String iin, List<ObjectAnswer> objects) {

        List<RealEstateObject> toObjects(Iin asked) {
            requireSubject(iin, asked);
            return Objects.requireNonNull(objects, "objects").stream().map(ObjectAnswer::toObject).toList();
        }

        @Override
        public String toString() {
            return "ObjectsAnswer[***]";
        }
    }

    record ObjectAnswer(String cadastralNumber, Kind kind, Localized address, BigDecimal area, Integer floors,
            Integer yearBuilt, List<RightAnswer> rights, List<EncumbranceAnswer> encumbrances) {

        RealEstateObject toObject() {
            return new RealEstateObject(Objects.requireNonNull(cadastralNumber, "cadastralNumber"),
                    Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(address, "address"),
                    Objects.requireNonNull(area, "area"), floors, yearBuilt,
                    Objects.requireNonNull(rights, "rights").stream().map(RightAnswer::toRight).toList(),
                    encumbrances == null ? List.of()
                            : encumbrances.stream().map(EncumbranceAnswer::toEncumbrance).toList());
        }
    }

    record RightAnswer(String holderId, String holderName, String share, RightKind kind, Localized basis,
            LocalDate registeredOn) {

        Right toRight() {
            return new Right(Objects.requireNonNull(holderId, "holderId"),
                    Objects.requireNonNull(holderName, "holderName"), Objects.requireNonNull(share, "share"),
                    Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(basis, "basis"),
                    Objects.requireNonNull(registeredOn, "registeredOn"));
        }

        @Override
        public String toString() {
            return "RightAnswer[***]";
        }
    }

    record EncumbranceAnswer(EncumbranceKind kind, Localized holder, Localized basis, LocalDate registeredOn) {

        Encumbrance toEncumbrance() {
            return new Encumbrance(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(holder, "holder"),
                    Objects.requireNonNull(basis, "basis"), Objects.requireNonNull(registeredOn, "registeredOn"));
        }

        @Override
        public String toString() {
            return "EncumbranceAnswer[***]";
        }
    }

    record AccountAnswer(String iin, Boolean registered) {

        boolean toRegistered(Iin asked) {
            requireSubject(iin, asked);
            return Objects.requireNonNull(registered, "registered");
        }

        @Override
        public String toString() {
            return "AccountAnswer[***]";
        }
    }

    record PhoneAnswer(String iin, String phone) {

        String toPhone(Iin asked) {
            requireSubject(iin, asked);
            if (phone == null || !PHONE.matcher(phone).matches()) {
                throw new IllegalArgumentException("The phone is not of the form +7XXXXXXXXXX");
            }
            return phone;
        }

        @Override
        public String toString() {
            return "PhoneAnswer[***]";
        }
    }
}
