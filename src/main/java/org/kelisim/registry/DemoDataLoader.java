package org.kelisim.registry;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.kelisim.identity.Iin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
            store(data);
            log.info("Demo registries generated: {} people, {} real-estate objects, {} organisations in {} ms",
                    data.persons().size(), data.objects().size(), data.organisations().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private void store(DemoDataSet data) {
        insert("INSERT INTO registry_persons (iin, surname, given_name, patronymic, birth_date) VALUES (?, ?, ?, ?, ?)",
                data.persons().stream().map(person -> new Object[] {person.iin().value(), person.surname(),
                    person.givenName(), person.patronymic(), Date.valueOf(person.birthDate())}).toList());
        insert("""
                INSERT INTO registry_addresses (iin, region_kk, region_ru, district_kk, district_ru, locality_kk,
                    locality_ru, street_kk, street_ru, house, flat, registered_on, registration_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                data.persons().stream().filter(person -> person.address().isPresent()).map(person -> {
                    var a = person.address().get();
                    return new Object[] {person.iin().value(), a.region().kk(), a.region().ru(), a.district().kk(),
                        a.district().ru(), a.locality().kk(), a.locality().ru(), a.street().kk(), a.street().ru(),
                        a.house(), a.flat(), Date.valueOf(a.registeredOn()), a.registrationCode()};
                }).toList());
        storeObjects(data.objects());
        insert("INSERT INTO registry_portal_accounts (iin, registered_on) VALUES (?, ?)",
                data.portalAccounts().stream().map(account -> new Object[] {account.iin().value(),
                    Date.valueOf(account.registeredOn())}).toList());
        insert("INSERT INTO registry_mobile_phones (iin, phone, registered_on) VALUES (?, ?, ?)",
                data.phones().stream().map(phone -> new Object[] {phone.iin().value(), phone.phone(),
                    Date.valueOf(phone.registeredOn())}).toList());
        storeOrganisations(data);
        var roles = new ArrayList<Object[]>();
        for (int i = 0; i < data.featured().size(); i++) {
            var featured = data.featured().get(i);
            roles.add(new Object[] {featured.iin().value(), featured.role(), i});
        }
        insert("INSERT INTO registry_demo_roles (iin, role, position) VALUES (?, ?, ?)", roles);
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
        insert("""
                INSERT INTO registry_real_estate (cadastral_number, kind, address_kk, address_ru, area, floors,
                    year_built)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                objects.stream().map(object -> new Object[] {object.cadastralNumber(), object.kind().name(),
                    object.address().kk(), object.address().ru(), object.area(), object.floors(),
                    object.yearBuilt()}).toList());
        insert("""
                INSERT INTO registry_rights (cadastral_number, holder_id, holder_name, share, kind, basis_kk,
                    basis_ru, registered_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rights);
        insert("""
                INSERT INTO registry_encumbrances (cadastral_number, kind, holder_kk, holder_ru, basis_kk, basis_ru,
                    registered_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", encumbrances);
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
        insert("INSERT INTO registry_organisations (bin, name_kk, name_ru, first_head_iin, position) "
                + "VALUES (?, ?, ?, ?, ?)", organisations);
        insert("INSERT INTO registry_organisation_employees (bin, iin, position) VALUES (?, ?, ?)", employees);
    }

    private void insert(String sql, List<Object[]> rows) {
        batches.batchUpdate(sql, rows);
    }
}
