package org.kelisim.signature;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.kelisim.shared.DomainException.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Sign-in nonces, in PostgreSQL so that any node can take the answer: each lives a few minutes and counts once. */
@Component
class Challenges {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignatureProperties properties;
    private final SecureRandom random = new SecureRandom();

    Challenges(JdbcClient jdbc, Clock clock, SignatureProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    record Challenge(String nonce, Instant expiresAt) {
    }

    Challenge issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(properties.challengeLifetime());

        jdbc.sql("INSERT INTO signature_challenges (nonce, expires_at) VALUES (?, ?)")
                .params(nonce, Timestamp.from(expiresAt))
                .update();
        return new Challenge(nonce, expiresAt);
    }

    /**
     * Marks a nonce used, in the caller's transaction.
     *
     * @throws SignatureRejectedException {@code nonce_unknown} (never issued, or expired) or {@code nonce_used}
     */
    void consume(String nonce) {
        Instant now = clock.instant();
        int taken = jdbc.sql("""
                UPDATE signature_challenges SET used_at = ?
                WHERE nonce = ? AND used_at IS NULL AND expires_at > ?""")
                .params(Timestamp.from(now), nonce, Timestamp.from(now))
                .update();
        if (taken == 1) {
            return;
        }
        boolean used = jdbc.sql("SELECT count(*) FROM signature_challenges WHERE nonce = ? AND used_at IS NOT NULL")
                .param(nonce).query(Integer.class).single() > 0;
        throw new SignatureRejectedException(used ? "nonce_used" : "nonce_unknown", Kind.UNAUTHENTICATED);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @SchedulerLock(name = "signature-challenges-cleanup")
    void removeExpired() {
        Instant cutoff = clock.instant().minusSeconds(3600);
        jdbc.sql("DELETE FROM signature_challenges WHERE expires_at < ?").param(Timestamp.from(cutoff)).update();
        jdbc.sql("DELETE FROM signature_access_tokens WHERE expires_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
