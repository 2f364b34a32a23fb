package org.kelisim.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo people as the registry tables hold them, featured people first. Depends on {@link DemoDataLoader}, so that
 * whoever asks (the demo CA issuing demo keys, {@code /demo/persons}) finds the data set in place.
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoPeopleTables implements DemoPeople {

    private static final String PERSONS = """
            SELECT p.iin, p.surname, p.given_name, p.patronymic, m.phone, a.iin IS NOT NULL AS portal, r.role
            FROM registry_persons p
                LEFT JOIN registry_demo_roles r ON r.iin = p.iin
                LEFT JOIN registry_mobile_phones m ON m.iin = p.iin
                LEFT JOIN registry_portal_accounts a ON a.iin = p.iin
            """;

    private final JdbcClient jdbc;

    DemoPeopleTables(JdbcClient jdbc, DemoDataLoader loader) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DemoPerson> persons() {
        return jdbc.sql(PERSONS + " ORDER BY r.position NULLS LAST, p.iin").query((rs, n) -> person(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DemoOrganisation> organisations() {
        var employees = new LinkedHashMap<String, List<Iin>>();
        jdbc.sql("SELECT bin, iin FROM registry_organisation_employees ORDER BY bin, position").query(rs -> {
            employees.computeIfAbsent(rs.getString("bin"), bin -> new ArrayList<>()).add(Iin.of(rs.getString("iin")));
        });
        return jdbc.sql("SELECT * FROM registry_organisations ORDER BY position")
                .query((rs, n) -> new DemoOrganisation(Bin.of(rs.getString("bin")),
                        new Localized(rs.getString("name_kk"), rs.getString("name_ru")),
                        Iin.of(rs.getString("first_head_iin")), employees.getOrDefault(rs.getString("bin"), List.of())))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DemoPerson> person(Iin iin) {
        return jdbc.sql(PERSONS + " WHERE p.iin = ?").param(iin.value()).query((rs, n) -> person(rs)).optional();
    }

    private static DemoPerson person(ResultSet rs) throws SQLException {
        var phone = rs.getString("phone");
        return new DemoPerson(Iin.of(rs.getString("iin")), rs.getString("surname"), rs.getString("given_name"),
                rs.getString("patronymic"), phone, rs.getBoolean("portal"), phone != null, rs.getString("role"));
    }
}
