package org.kelisim.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of everything that leaves the service. Items are written in the caller's transaction (so they exist
 * exactly when their cause does), claimed for a lease by one node at a time ({@code FOR UPDATE SKIP LOCKED}), and
 * delivered at least once. Enqueuing the same idempotency key twice keeps the first.
 */
@Component
class Outbox {

    enum Channel { SMS, WEBHOOK }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationProperties.Delivery properties;

    Outbox(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties.delivery();
    }

    /** @return whether the item is new (false: an item with this key exists already) */
    @Transactional
    boolean enqueue(String key, Channel channel, String recipient, String payload, UUID requestId, Instant expiresAt) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                INSERT INTO notification_outbox (id, idempotency_key, channel, recipient, payload, request_id, state,
                                                 created_at, next_attempt_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(UUID.randomUUID(), key, channel.name(), recipient, payload, requestId, now, now,
                        Timestamp.from(expiresAt))
                .update() == 1;
    }

    /**
     * Takes up to {@code limit} due items for the lease; other nodes skip them until it runs out, so an item whose
     * node died is retried after the lease.
     */
    @Transactional
    List<Item> claim(Channel channel, int limit) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        return jdbc.sql("""
                UPDATE notification_outbox SET claim = ?, claimed_until = ?, attempts = attempts + 1
                WHERE id IN (SELECT id FROM notification_outbox
                             WHERE state = 'PENDING' AND channel = ? AND next_attempt_at <= ?
                               AND (claimed_until IS NULL OR claimed_until < ?)
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(claim, Timestamp.from(now.plus(properties.lease())), channel.name(), Timestamp.from(now),
                        Timestamp.from(now), limit)
                .query(ITEM)
                .list();
    }

    @Transactional
    void sent(Item item, String smscMessageIds) {
        jdbc.sql("""
                UPDATE notification_outbox SET state = 'SENT', sent_at = ?, smsc_message_ids = ?, claim = NULL,
                                               claimed_until = NULL, last_error = NULL
                WHERE id = ? AND claim = ?""")
                .params(Timestamp.from(clock.instant()), smscMessageIds, item.id(), item.claim())
                .update();
    }

    /** Schedules the next attempt with exponential backoff, or gives up once the item has expired. */
    @Transactional
    void failed(Item item, String reason) {
        Instant next = clock.instant().plus(properties.backoff(item.attempts()));
        boolean giveUp = !next.isBefore(item.expiresAt());
        jdbc.sql("""
                UPDATE notification_outbox SET state = ?, next_attempt_at = ?, last_error = ?, claim = NULL,
                                               claimed_until = NULL
                WHERE id = ? AND claim = ?""")
                .params(giveUp ? "GAVE_UP" : "PENDING", Timestamp.from(next), abbreviate(reason), item.id(),
                        item.claim())
                .update();
    }

    @Transactional
    void giveUp(Item item, String reason) {
        jdbc.sql("""
                UPDATE notification_outbox SET state = 'GAVE_UP', last_error = ?, claim = NULL, claimed_until = NULL
                WHERE id = ? AND claim = ?""")
                .params(abbreviate(reason), item.id(), item.claim())
                .update();
    }

    private static String abbreviate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    /** A claimed item. {@link #toString()} leaves out the recipient and payload: both may be personal data. */
    record Item(UUID id, String key, Channel channel, String recipient, String payload, UUID requestId,
            int attempts, Instant createdAt, Instant expiresAt, UUID claim) {

        @Override
        public String toString() {
            return "Outbox.Item[" + id + ", " + channel + ", attempt " + attempts + "]";
        }
    }

    private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getObject("id", UUID.class),
            rs.getString("idempotency_key"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
            rs.getString("payload"), rs.getObject("request_id", UUID.class), rs.getInt("attempts"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            rs.getObject("claim", UUID.class));
}
