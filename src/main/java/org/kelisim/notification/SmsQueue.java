package org.kelisim.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The state of outgoing SMS, for the operator: counts of the outbox and whether this node is bound to the centre. */
@Service
public class SmsQueue {

    private final JdbcClient jdbc;
    private final SmppClient client;

    SmsQueue(JdbcClient jdbc, SmppClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Waiting to be sent, sent, and given up after their time ran out. */
    public record Counts(long pending, long sent, long gaveUp) {
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'SENT'),
                       count(*) FILTER (WHERE state = 'GAVE_UP')
                FROM notification_outbox WHERE channel = 'SMS'""")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /**
     * Only the SMS waiting to be sent: what the health indicator, polled often, needs. Unlike {@link #counts()} it
     * reads the pending rows alone (the outbox's partial index), not the month of sent ones.
     */
    @Transactional(readOnly = true)
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE state = 'PENDING' AND channel = 'SMS'")
                .query(Long.class)
                .single();
    }

    /** Whether this node holds a bound SMPP session to the SMS centre. */
    public boolean bound() {
        return client.isBound();
    }
}
