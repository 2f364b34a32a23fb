package org.kelisim.registry;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.kelisim.identity.Iin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the registry tables with the demo data set at first start, in embedded (demo) mode only. Several nodes may
 * start at once: each takes a transaction-scoped advisory lock and looks again whether the tables are still empty,
 * so exactly one of them writes and the others find the data there.
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements InitializingBean {

    /** The advisory lock that serializes first starts; the number only has to differ from other advisory locks. */
    static final long LOCK = 0x4b454c4953494d02L;

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;

    DemoDataLoader(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
    }

    @Override
    public void afterPropertiesSet() {
        loadIfEmpty();
    }

    /**
     * @return whether this call wrote the data set; {@code false} when it was there already
     */
    boolean loadIfEmpty() {
        Boolean loaded = transactions.execute(status -> {
            jdbc.sql("SELECT true FROM pg_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_persons)").query(Boolean.class).single()) {
                return false;
            }
            long started = System.nanoTime();
            var data = DemoDataGenerator.generate();
            long generated = System.nanoTime();
            store(data);
            log.info("Demo registries: {} people, {} real-estate objects, {} organisations generated in {} ms, "
                    + "stored in {} ms", data.persons().size(), data.objects().size(), data.organisations().size(),
                    (generated - started) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private void store(DemoDataSet data) {
        insert("registry_persons",
                "iin varchar, surname varchar, given_name varchar, patronymic varchar, birth_date date",
                data.persons().stream().map(person -> new Object[] {person.iin().value(), person.surname(),
                    person.givenName(), person.patronymic(), Date.valueOf(person.birthDate())}).toList());
        insert("registry_addresses", "iin varchar, region_kk varchar, region_ru varchar, district_kk varchar, "
                + "district_ru varchar, locality_kk varchar, locality_ru varchar, street_kk varchar, "
                + "street_ru varchar, house varchar, flat varchar, registered_on date, registration_code varchar",
                data.persons().stream().filter(person -> person.address().isPresent()).map(person -> {
                    var a = person.address().get();
                    return new Object[] {person.iin().value(), a.region().kk(), a.region().ru(), a.district().kk(),
                        a.district().ru(), a.locality().kk(), a.locality().ru(), a.street().kk(), a.street().ru(),
                        a.house(), a.flat(), Date.valueOf(a.registeredOn()), a.registrationCode()};
                }).toList());
        storeObjects(data.objects());
        insert("registry_portal_accounts", "iin varchar, registered_on date",
                data.portalAccounts().stream().map(account -> new Object[] {account.iin().value(),
                    Date.valueOf(account.registeredOn())}).toList());
        insert("registry_mobile_phones", "iin varchar, phone varchar, registered_on date",
                data.phones().stream().map(phone -> new Object[] {phone.iin().value(), phone.phone(),
                    Date.valueOf(phone.registeredOn())}).toList());
        storeOrganisations(data);
        var roles = new ArrayList<Object[]>();
        for (int i = 0; i < data.featured().size(); i++) {
            var featured = data.featured().get(i);
            roles.add(new Object[] {featured.iin().value(), featured.role(), i});
        }
        insert("registry_demo_roles", "iin varchar, role varchar, position int4", roles);
    }

    private void storeObjects(List<RealEstateObject> objects) {
        var rights = new ArrayList<Object[]>();
        var encumbrances = new ArrayList<Object[]>();
        for (var object : objects) {
            for (var right : object.rights()) {
                rights.add(new Object[] {object.cadastralNumber(), right.holderId(), right.holderName(),
                    right.share(), right.kind().name(), right.basis().kk(), right.basis().ru(),
                    Date.valueOf(right.registeredOn())});
            }
            for (var encumbrance : object.encumbrances()) {
                encumbrances.add(new Object[] {object.cadastralNumber(), encumbrance.kind().name(),
                    encumbrance.holder().kk(), encumbrance.holder().ru(), encumbrance.basis().kk(),
                    encumbrance.basis().ru(), Date.valueOf(encumbrance.registeredOn())});
            }
        }
        insert("registry_real_estate", "cadastral_number varchar, kind varchar, address_kk varchar, "
                + "address_ru varchar, area numeric, floors int4, year_built int4",
                objects.stream().map(object -> new Object[] {object.cadastralNumber(), object.kind().name(),
                    object.address().kk(), object.address().ru(), object.area(), object.floors(),
                    object.yearBuilt()}).toList());
        insert("registry_rights", "cadastral_number varchar, holder_id varchar, holder_name varchar, share varchar, "
                + "kind varchar, basis_kk varchar, basis_ru varchar, registered_on date", rights);
        insert("registry_encumbrances", "cadastral_number varchar, kind varchar, holder_kk varchar, "
                + "holder_ru varchar, basis_kk varchar, basis_ru varchar, registered_on date", encumbrances);
    }

    private void storeOrganisations(DemoDataSet data) {
        var organisations = new ArrayList<Object[]>();
        var employees = new ArrayList<Object[]>();
        for (int i = 0; i < data.organisations().size(); i++) {
            var organisation = data.organisations().get(i);
            organisations.add(new Object[] {organisation.bin().value(), organisation.name().kk(),
                organisation.name().ru(), organisation.firstHead().value(), i});
            List<Iin> staff = organisation.employees();
            for (int j = 0; j < staff.size(); j++) {
                employees.add(new Object[] {organisation.bin().value(), staff.get(j).value(), j});
            }
        }
        insert("registry_organisations", "bin varchar, name_kk varchar, name_ru varchar, first_head_iin varchar, "
                + "position int4", organisations);
        insert("registry_organisation_employees", "bin varchar, iin varchar, position int4", employees);
    }

    /**
     * One statement per table: the rows go as one array per column and {@code unnest} turns them back into rows,
     * which is several times faster than a JDBC batch of single-row inserts.
     *
     * @param columns {@code name type} pairs, for example {@code "iin varchar"}
     */
    private void insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var names = new ArrayList<String>();
        var types = new ArrayList<String>();
        for (String column : columns.split(",\\s*")) {
            names.add(column.substring(0, column.indexOf(' ')));
            types.add(column.substring(column.indexOf(' ') + 1));
        }
        var sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT * FROM unnest("
                + String.join(", ", types.stream().map(type -> "?::" + type + "[]").toList()) + ")";
        batches.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int column = 0; column < names.size(); column++) {
                    var values = new Object[rows.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = rows.get(row)[column];
                    }
                    statement.setArray(column + 1, connection.createArrayOf(types.get(column), values));
                }
                statement.executeUpdate();
            }
            return null;
        });
    }
}
