package org.kelisim.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets what the outbox no longer needs: delivered and given-up items with their webhook attempts, SMS delivery
 * receipts, and what the embedded SMS centre stored. One node runs it at a time (ShedLock); it deletes in batches of
 * a transaction each, so it never holds many row locks for long, and pending items are never touched.
 * <p>
 * An item is also its idempotency key, which keeps a repeated cause from sending the same thing twice. So an item
 * goes only when it is finished, when its last chance of delivery ({@code expires_at}) and its sending lie more than
 * {@code keep} in the past, and when no event that could queue it again is still outstanding: an event publication
 * that is not completed (Spring Modulith republishes those on restart) and names the item's request.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NotificationProperties.Retention properties;

    OutboxRetention(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties.retention();
    }

    /** What one run deleted. */
    record Purged(int items, int webhookAttempts, int receipts, int centreMessages) {

        boolean nothing() {
            return items + webhookAttempts + receipts + centreMessages == 0;
        }
    }

    @Scheduled(fixedDelayString = "${kelisim.notification.retention.interval:PT1H}",
            initialDelayString = "${kelisim.notification.retention.interval:PT1H}")
    @SchedulerLock(name = "notification-outbox-retention", lockAtMostFor = "PT30M")
    public void run() {
        var purged = purge();
        if (!purged.nothing()) {
            log.info("Outbox retention deleted {} items, {} webhook attempts, {} SMS receipts, {} centre messages",
                    purged.items(), purged.webhookAttempts(), purged.receipts(), purged.centreMessages());
        }
    }

    /** Deletes, batch by batch, everything older than the retention; returns what it deleted. */
    Purged purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.keep()));

        int items = 0;
        int attempts = 0;
        FinishedItems batch;
        do {
            batch = transactions.execute(status -> deleteFinishedItems(cutoff));
            items += batch.items();
            attempts += batch.attempts();
        } while (batch.items() == properties.batchSize());
        int receipts = inBatches(() -> jdbc.sql("""
                DELETE FROM sms_receipts WHERE smsc_message_id IN (
                    SELECT smsc_message_id FROM sms_receipts WHERE received_at < ?
                    LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(cutoff, properties.batchSize())
                .update());
        // The centre drops a resubmitted message by its key; a resubmit comes only while the item is pending.
        int centreMessages = inBatches(() -> jdbc.sql("""
                DELETE FROM demo_sms_messages WHERE id IN (
                    SELECT m.id FROM demo_sms_messages m
                    WHERE m.received_at < ?
                      AND NOT EXISTS (SELECT 1 FROM notification_outbox o
                                      WHERE o.idempotency_key = m.idempotency_key AND o.state = 'PENDING')
                    LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(cutoff, properties.batchSize())
                .update());
        return new Purged(items, attempts, receipts, centreMessages);
    }

    /** Runs {@code batch} in a transaction of its own until a batch comes back short; returns the total. */
    private int inBatches(IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = transactions.execute(status -> batch.getAsInt());
            total += deleted;
        } while (deleted == properties.batchSize());
        return total;
    }

    private record FinishedItems(int items, int attempts) {
    }

    /** One batch of items with their webhook attempts; the attempts go first, as they refer to their item. */
    private FinishedItems deleteFinishedItems(Timestamp cutoff) {
        List<UUID> ids = jdbc.sql("""
                SELECT o.id FROM notification_outbox o
                WHERE o.state IN ('SENT', 'GAVE_UP') AND o.expires_at < ? AND (o.sent_at IS NULL OR o.sent_at < ?)
                  AND (o.request_id IS NULL OR NOT EXISTS (
                      SELECT 1 FROM event_publication p
                      WHERE p.completion_date IS NULL AND strpos(p.serialized_event, o.request_id::text) > 0))
                ORDER BY o.expires_at
                LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(cutoff, cutoff, properties.batchSize())
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return new FinishedItems(0, 0);
        }

        int attempts = jdbc.sql("DELETE FROM webhook_deliveries WHERE outbox_id IN (:ids)").param("ids", ids)
                .update();
        int items = jdbc.sql("DELETE FROM notification_outbox WHERE id IN (:ids)").param("ids", ids).update();
        return new FinishedItems(items, attempts);
    }
}
