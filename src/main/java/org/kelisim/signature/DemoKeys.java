package org.kelisim.signature;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.kelisim.registry.DemoPeople;
import org.kelisim.registry.DemoPeople.DemoOrganisation;
import org.kelisim.registry.DemoPeople.DemoPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo people's keys: for each featured demo person an AUTH and a SIGN key, issued by the demo CA with the NCA RK
 * profile once the server runs (its address goes into the certificates), kept as PKCS#12 in PostgreSQL. The
 * {@code revoked-key} person's keys are revoked at once, the {@code expired-key} person's issued already expired;
 * the {@code user-portal} person holds ECDSA P-256 keys, {@code user-mobile} GOST 34.10-2015-512 keys, everyone else
 * RSA-2048.
 */
@Component
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoKeys {

    private static final Logger log = LoggerFactory.getLogger(DemoKeys.class);

    /** The password of every demo key: demo keys protect nothing. */
    static final String PASSWORD = "kelisim-demo";

    private final DemoCertificationAuthority authority;
    private final ObjectProvider<DemoPeople> people;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean issued;

    DemoKeys(DemoCertificationAuthority authority, ObjectProvider<DemoPeople> people, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.authority = authority;
        this.people = people;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A demo key as listed on {@code /demo/persons}. */
    record DemoKey(String alias, String iin, String role, String purpose, boolean revoked) {

        @Override
        public String toString() {
            return "DemoKey[" + alias + "]";
        }
    }

    /**
     * Issues the keys in the background: generating some twenty RSA, ECDSA and GOST keys takes tens of seconds on a
     * busy machine, and readiness must not wait for it. Whoever needs a key before then waits in
     * {@link #ensureIssued()}.
     */
    @EventListener(ApplicationReadyEvent.class)
    void issueAtStart() {
        Thread issuing = new Thread(() -> {
            try {
                ensureIssued();
            } catch (RuntimeException e) {
                log.warn("Demo keys not issued at start, will retry on first use: {}", e.toString());
            }
        }, "demo-keys");
        issuing.setDaemon(true);
        issuing.start();
    }

    List<DemoKey> keys() {
        ensureIssued();
        return jdbc.sql("""
                SELECT alias, holder_iin, role, purpose, revoked_at IS NOT NULL FROM signature_demo_certificates
                WHERE alias IS NOT NULL AND pkcs12 IS NOT NULL AND role NOT LIKE 'service-%'
                ORDER BY created_at, alias""")
                .query((rs, n) -> new DemoKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    Optional<byte[]> pkcs12(String alias) {
        ensureIssued();
        return jdbc.sql("SELECT pkcs12 FROM signature_demo_certificates WHERE alias = ? AND role NOT LIKE 'service-%'")
                .param(alias)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void ensureIssued() {
        DemoPeople demoPeople = people.getIfAvailable();
        if (issued || demoPeople == null) {
            return;
        }
        synchronized (this) {
            if (!issued) {
                transactions.executeWithoutResult(status -> issueAll(demoPeople));
                issued = true;
            }
        }
    }

    private void issueAll(DemoPeople demoPeople) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(DemoCertificationAuthority.LOCK).query((rs, n) -> 1).list();
        Map<String, Integer> roleCounts = new HashMap<>();
        for (DemoPerson person : demoPeople.persons()) {
            if (!person.featured()) {
                continue;
            }
            int count = roleCounts.merge(person.role(), 1, Integer::sum);
            String prefix = count == 1 ? person.role() : person.role() + "-" + count;
            for (KeyPurpose purpose : KeyPurpose.values()) {
                String alias = prefix + "-" + purpose.name().toLowerCase();
                if (exists(alias)) {
                    continue;
                }
                issue(person, organisation(demoPeople, person), purpose, alias);
            }
        }
    }

    private boolean exists(String alias) {
        return jdbc.sql("SELECT count(*) FROM signature_demo_certificates WHERE alias = ?").param(alias)
                .query(Integer.class).single() > 0;
    }

    private void issue(DemoPerson person, Optional<DemoOrganisation> organisation, KeyPurpose purpose, String alias) {
        Instant now = clock.instant();
        boolean expired = "expired-key".equals(person.role());
        Instant notBefore = expired ? now.minus(Duration.ofDays(400)) : now.minus(Duration.ofMinutes(5));
        Instant notAfter = expired ? now.minus(Duration.ofDays(35)) : now.plus(Duration.ofDays(365));
        Keys keys = keys(person.role());

        var holder = new DemoCertificationAuthority.Holder(person.iin().value(),
                organisation.map(found -> found.bin().value()).orElse(null), person.surname(), person.givenName(),
                person.patronymic(), organisation.map(found -> found.name().ru()).orElse(null));
        var certificate = authority.issue(holder, keys.publicKey(), EnumSet.of(purpose), roles(person, organisation),
                notBefore, notAfter, null, person.role(), null);
        var chain = new ArrayList<>(List.of(certificate));
        chain.addAll(authority.caChain());
        byte[] pkcs12 = Pkcs12.write(alias, keys.privateKey(), chain, PASSWORD.toCharArray());
        jdbc.sql("UPDATE signature_demo_certificates SET alias = ?, pkcs12 = ? WHERE serial = ?")
                .params(alias, pkcs12, DemoCertificationAuthority.serial(certificate))
                .update();
        if ("revoked-key".equals(person.role())) {
            authority.revoke(certificate, now);
        }
    }

    private static Optional<DemoOrganisation> organisation(DemoPeople demoPeople, DemoPerson person) {
        return demoPeople.organisations().stream()
                .filter(found -> found.firstHead().equals(person.iin()) || found.employees().contains(person.iin()))
                .findFirst();
    }

    private static Set<Role> roles(DemoPerson person, Optional<DemoOrganisation> organisation) {
        if (organisation.isEmpty()) {
            return Set.of(Role.INDIVIDUAL);
        }
        return organisation.get().firstHead().equals(person.iin())
                ? Set.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD)
                : Set.of(Role.LEGAL_ENTITY, Role.EMPLOYEE);
    }

    private record Keys(SubjectPublicKeyInfo publicKey, PrivateKeyInfo privateKey) {

        static Keys of(KeyPair pair) {
            return new Keys(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()),
                    PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()));
        }
    }

    /** GOST 34.10-2015-512 for {@code user-mobile}, ECDSA P-256 for {@code user-portal}, RSA-2048 for the rest. */
    private static Keys keys(String role) {
        if ("user-mobile".equals(role)) {
            var variant = KazakhGost.Variant.GOST_2015_512;
            var pair = KazakhGost.generate(variant);
            return new Keys(KazakhGost.publicKeyInfo(variant, (ECPublicKeyParameters) pair.getPublic()),
                    KazakhGost.privateKeyInfo(variant, (ECPrivateKeyParameters) pair.getPrivate()));
        }
        return Keys.of("user-portal".equals(role) ? ecdsa() : DemoCertificationAuthority.rsa());
    }

    private static KeyPair ecdsa() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
