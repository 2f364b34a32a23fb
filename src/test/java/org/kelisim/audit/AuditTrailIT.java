package org.kelisim.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kelisim.request.RequestIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

// The faces other branches implement are faked here too, so that the whole application starts on every branch.
@RequestIntegrationTest
class AuditTrailIT {

    private static final String SUBJECT = "850715300003";

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void givenAWholeChainOfThreeEntries() {
        tamper("DELETE FROM audit_entries");
        jdbc.sql("UPDATE audit_head SET sequence = 0, hash = decode(repeat('00', 32), 'hex')").update();
        assertThat(trail.verifyChain()).isEmpty();
        for (String action : new String[] {"registration.checked", "request.created", "consent.given"}) {
            trail.record(new AuditEvent(action, "200340000011", "АО «Банк»", SUBJECT, UUID.randomUUID(), "ok"));
        }
        assertThat(trail.verifyChain()).isEmpty();
    }

    @Test
    void refusesUpdatesAndDeletesOfEntries() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entries SET outcome = 'refused'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entries").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void detectsAChangedEntry() {
        long last = lastSequence();

        tamper("UPDATE audit_entries SET actor_name = 'someone else' WHERE sequence = " + (last - 1));

        assertThat(trail.verifyChain()).contains(last - 1);
    }

    @Test
    void detectsADeletedEntry() {
        long last = lastSequence();

        tamper("DELETE FROM audit_entries WHERE sequence = " + (last - 1));

        assertThat(trail.verifyChain()).contains(last);
    }

    @Test
    void detectsADeletedLastEntry() {
        long last = lastSequence();

        tamper("DELETE FROM audit_entries WHERE sequence = " + last);

        assertThat(trail.verifyChain()).contains(last);
    }

    @Test
    void listsTheTouchesOfAPersonNewestFirst() {
        var entries = trail.about(SUBJECT, 0, 3);

        assertThat(entries).extracting(AuditRecord::action)
                .containsExactly("consent.given", "request.created", "registration.checked");
        assertThat(entries.get(0).toString()).doesNotContain(SUBJECT);
    }

    private long lastSequence() {
        return jdbc.sql("SELECT max(sequence) FROM audit_entries").query(Long.class).single();
    }

    /** Tampering as someone with the database's owner rights would: around the append-only trigger. */
    private void tamper(String statement) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only").update();
            jdbc.sql(statement).update();
            jdbc.sql("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only").update();
        });
    }
}
