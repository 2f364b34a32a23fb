package org.kelisim.notification;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Every node polls: the queue is shared through {@code FOR UPDATE SKIP LOCKED} and leases, so
 * the nodes divide the items instead of taking turns (which is why these pollers take no ShedLock). SMS and webhook
 * calls poll on threads of their own, apart from the application's scheduler, so a slow webhook never holds up an
 * SMS and neither holds up other jobs. A claimed batch of SMS may go out over several sender threads at once
 * ({@code sms-senders}; the SMPP session takes concurrent submits); the parts of one message stay in order on its
 * thread.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final SmppClient smpp;
    private final Webhooks webhooks;
    private final Clock clock;
    private final NotificationProperties.Delivery properties;
    private final int webhookBatchSize;
    private ScheduledExecutorService pollers;
    private ExecutorService smsSenders;

    OutboxWorker(Outbox outbox, SmppClient smpp, Webhooks webhooks, Clock clock, NotificationProperties properties) {
        this.outbox = outbox;
        this.smpp = smpp;
        this.webhooks = webhooks;
        this.clock = clock;
        this.properties = properties.delivery();
        // A batch must be done well within the lease, or another node would retry its last calls meanwhile.
        long callsPerLease = this.properties.lease().toMillis() / (2 * this.properties.webhookTimeout().toMillis());
        this.webhookBatchSize = (int) Math.max(1, Math.min(this.properties.batchSize(), callsPerLease));
    }

    @Override
    public synchronized void start() {
        pollers = Executors.newScheduledThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "outbox-worker");
            thread.setDaemon(true);
            return thread;
        });
        smsSenders = Executors.newFixedThreadPool(properties.smsSenders(), runnable -> {
            var thread = new Thread(runnable, "sms-sender");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        pollers.scheduleWithFixedDelay(() -> poll(this::deliverSms), interval, interval, TimeUnit.MILLISECONDS);
        pollers.scheduleWithFixedDelay(() -> poll(this::deliverWebhooks), interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (pollers != null) {
            pollers.shutdownNow();
            smsSenders.shutdownNow();
            pollers = null;
            smsSenders = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return pollers != null;
    }

    /** Before the SMPP client (so no submit is cut off by its unbind) and before the database goes. */
    @Override
    public int getPhase() {
        return EmbeddedSmsCentre.PHASE + 2;
    }

    /** A poll that fails (the database away for a moment) must not end the schedule. */
    private static void poll(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            log.warn("Outbox poll failed: {}", e.getClass().getSimpleName());
        }
    }

    void deliverSms() {
        if (!smpp.isBound()) {
            return; // claiming now would only spend an attempt; the items wait for the session
        }
        ExecutorService senders = smsSenders;
        var sending = outbox.claim(Outbox.Channel.SMS, properties.batchSize()).stream()
                .map(item -> senders == null ? CompletableFuture.runAsync(() -> sendSms(item), Runnable::run)
                        : CompletableFuture.runAsync(() -> sendSms(item), senders))
                .toArray(CompletableFuture[]::new);
        // The poll ends when the whole batch is done: the next claim never overlaps this one's lease.
        CompletableFuture.allOf(sending).join();
    }

    void deliverWebhooks() {
        for (var item : outbox.claim(Outbox.Channel.WEBHOOK, webhookBatchSize)) {
            webhooks.deliver(item);
        }
    }

    private void sendSms(Outbox.Item item) {
        if (!clock.instant().isBefore(item.expiresAt())) {
            outbox.giveUp(item, "expired before it could be sent");
            return;
        }
        try {
            var ids = smpp.submit(item.recipient(), item.payload(), item.key());
            outbox.sent(item, String.join(",", ids));
        } catch (SmppClient.SmsNotSent e) {
            log.warn("SMS {} not sent (attempt {}): {}", item.id(), item.attempts(), e.getMessage());
            outbox.failed(item, e.getMessage());
        }
    }
}
