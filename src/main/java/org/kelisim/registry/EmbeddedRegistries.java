package org.kelisim.registry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kelisim.identity.Iin;
import org.kelisim.registry.RealEstateObject.Encumbrance;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.Kind;
import org.kelisim.registry.RealEstateObject.Right;
import org.kelisim.registry.RealEstateObject.RightKind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registries as the service's own tables ({@code registry_*}): the embedded mode, the default. A database error
 * surfaces as {@link RegistryUnavailableException}, as a registry that does not answer would. Each port is a bean of
 * its own ({@link RegistryPorts}).
 */
@Component
@ConditionalOnProperty(name = "kelisim.registry.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedRegistries implements RegistryAdapter {

    private final JdbcClient jdbc;

    EmbeddedRegistries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(Iin iin) {
        return read("population", () -> jdbc.sql("""
                SELECT p.iin, p.surname, p.given_name, p.patronymic, p.birth_date, a.region_kk, a.region_ru,
                       a.district_kk, a.district_ru, a.locality_kk, a.locality_ru, a.street_kk, a.street_ru,
                       a.house, a.flat, a.registered_on, a.registration_code
                FROM registry_persons p LEFT JOIN registry_addresses a ON a.iin = p.iin
                WHERE p.iin = ?""")
                .param(iin.value())
                .query((rs, n) -> person(rs))
                .optional());
    }

    @Transactional(readOnly = true)
    public List<RealEstateObject> objectsOf(Iin iin) {
        return read("real-estate", () -> {
            var objects = new LinkedHashMap<String, ObjectRow>();
            jdbc.sql("""
                    SELECT * FROM registry_real_estate
                    WHERE cadastral_number IN (SELECT cadastral_number FROM registry_rights WHERE holder_id = ?)
                    ORDER BY cadastral_number""")
                    .param(iin.value())
                    .query(rs -> {
                        objects.put(rs.getString("cadastral_number"), new ObjectRow(rs));
                    });
            if (objects.isEmpty()) {
                return List.of();
            }
            jdbc.sql("""
                    SELECT * FROM registry_rights
                    WHERE cadastral_number IN (SELECT cadastral_number FROM registry_rights WHERE holder_id = ?)
                    ORDER BY id""")
                    .param(iin.value())
                    .query(rs -> {
                        objects.get(rs.getString("cadastral_number")).rights.add(right(rs));
                    });
            jdbc.sql("""
                    SELECT * FROM registry_encumbrances
                    WHERE cadastral_number IN (SELECT cadastral_number FROM registry_rights WHERE holder_id = ?)
                    ORDER BY id""")
                    .param(iin.value())
                    .query(rs -> {
                        objects.get(rs.getString("cadastral_number")).encumbrances.add(encumbrance(rs));
                    });
            return objects.values().stream().map(ObjectRow::toObject).toList();
        });
    }

    @Transactional(readOnly = true)
    public boolean isRegistered(Iin iin) {
        return read("portal", () -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_portal_accounts WHERE iin = ?)")
                .param(iin.value())
                .query(Boolean.class)
                .single());
    }

    @Transactional(readOnly = true)
    public Optional<String> phoneOf(Iin iin) {
        return read("mobile-citizens", () -> jdbc.sql("SELECT phone FROM registry_mobile_phones WHERE iin = ?")
                .param(iin.value())
                .query(String.class)
                .optional());
    }

    /** UP when the embedded registries can be read and know somebody; a count, not anyone's data. */
    public Health health() {
        try {
            long persons = jdbc.sql("SELECT count(*) FROM registry_persons").query(Long.class).single();
            var health = persons > 0 ? Health.up() : Health.down().withDetail("reason", "empty");
            return health.withDetail("mode", "embedded").withDetail("persons", persons).build();
        } catch (DataAccessException e) {
            return Health.down().withDetail("mode", "embedded").withDetail("reason", e.getClass().getSimpleName())
                    .build();
        }
    }

    private static <T> T read(String registry, Supplier<T> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            throw new RegistryUnavailableException(registry, e);
        }
    }

    static Person person(ResultSet rs) throws SQLException {
        Optional<RegisteredAddress> address = rs.getString("region_kk") == null
                ? Optional.empty()
                : Optional.of(new RegisteredAddress(localized(rs, "region"), localized(rs, "district"),
                        localized(rs, "locality"), localized(rs, "street"), rs.getString("house"),
                        rs.getString("flat"), rs.getDate("registered_on").toLocalDate(),
                        rs.getString("registration_code")));
        return new Person(Iin.of(rs.getString("iin")), rs.getString("surname"), rs.getString("given_name"),
                rs.getString("patronymic"), rs.getDate("birth_date").toLocalDate(), address);
    }

    private static Right right(ResultSet rs) throws SQLException {
        return new Right(rs.getString("holder_id"), rs.getString("holder_name"), rs.getString("share"),
                RightKind.valueOf(rs.getString("kind")), localized(rs, "basis"),
                rs.getDate("registered_on").toLocalDate());
    }

    private static Encumbrance encumbrance(ResultSet rs) throws SQLException {
        return new Encumbrance(EncumbranceKind.valueOf(rs.getString("kind")), localized(rs, "holder"),
                localized(rs, "basis"), rs.getDate("registered_on").toLocalDate());
    }

    private static Localized localized(ResultSet rs, String column) throws SQLException {
        return new Localized(rs.getString(column + "_kk"), rs.getString(column + "_ru"));
    }

    /** An object while its rights and encumbrances are read. */
    private static final class ObjectRow {

        final String cadastralNumber;
        final Kind kind;
        final Localized address;
        final BigDecimal area;
        final Integer floors;
        final Integer yearBuilt;
        final List<Right> rights = new ArrayList<>();
        final List<Encumbrance> encumbrances = new ArrayList<>();

        ObjectRow(ResultSet rs) throws SQLException {
            cadastralNumber = rs.getString("cadastral_number");
            kind = Kind.valueOf(rs.getString("kind"));
            address = localized(rs, "address");
            area = rs.getBigDecimal("area");
            floors = rs.getObject("floors", Integer.class);
            yearBuilt = rs.getObject("year_built", Integer.class);
        }

        RealEstateObject toObject() {
            return new RealEstateObject(cadastralNumber, kind, address, area, floors, yearBuilt, rights,
                    encumbrances);
        }
    }
}
