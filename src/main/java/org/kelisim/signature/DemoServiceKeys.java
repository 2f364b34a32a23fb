package org.kelisim.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's keys in embedded mode, issued once by the demo CA and kept in PostgreSQL (so every node seals with the
 * same key): the seal (RSA-2048, nonRepudiation) and the time-stamping key (EKU timeStamping, critical, RFC 3161).
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoServiceKeys implements ServiceKeys {

    static final String SEAL = "service-seal";
    static final String TIME_STAMPING = "service-tsa";

    private final DemoCertificationAuthority authority;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile KeyMaterial seal;
    private volatile KeyMaterial timeStamping;

    DemoServiceKeys(DemoCertificationAuthority authority, JdbcClient jdbc, TransactionTemplate transactions,
            Clock clock) {
        this.authority = authority;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public KeyMaterial seal() {
        if (seal == null) {
            seal = load(SEAL, "KELISIM SEAL", false);
        }
        return seal;
    }

    @Override
    public Optional<KeyMaterial> timeStamping() {
        if (timeStamping == null) {
            timeStamping = load(TIME_STAMPING, "KELISIM TSA", true);
        }
        return Optional.of(timeStamping);
    }

    private KeyMaterial load(String alias, String commonName, boolean forTimeStamping) {
        char[] password = DemoKeys.PASSWORD.toCharArray();
        byte[] pkcs12 = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(DemoCertificationAuthority.LOCK)
                    .query((rs, n) -> 1).list();
            return jdbc.sql("SELECT pkcs12 FROM signature_demo_certificates WHERE alias = ?").param(alias)
                    .query((rs, n) -> rs.getBytes(1)).optional()
                    .orElseGet(() -> issue(alias, commonName, forTimeStamping, password));
        });
        return Pkcs12.read(pkcs12, password);
    }

    private byte[] issue(String alias, String commonName, boolean forTimeStamping, char[] password) {
        var keys = DemoCertificationAuthority.rsa();
        var certificate = authority.issueServiceCertificate(commonName, keys.getPublic(), forTimeStamping,
                clock.instant().plus(Duration.ofDays(365 * 5)));
        var chain = new ArrayList<>(List.of(certificate));
        chain.addAll(authority.caChain());
        byte[] pkcs12 = Pkcs12.write(alias, keys.getPrivate(), chain, password);
        authority.record(certificate, alias, null, alias, EnumSet.of(KeyPurpose.SIGN), pkcs12);
        return pkcs12;
    }
}
