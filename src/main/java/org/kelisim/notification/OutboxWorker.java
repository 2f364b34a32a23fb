package org.kelisim.notification;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Every node polls: the queue is shared through {@code FOR UPDATE SKIP LOCKED} and leases, so
 * the nodes divide the items instead of taking turns (which is why these jobs take no ShedLock). SMS and webhook
 * calls poll separately, so a slow webhook never holds up an SMS.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final SmppClient smpp;
    private final Webhooks webhooks;
    private final Clock clock;
    private final int batchSize;

    OutboxWorker(Outbox outbox, SmppClient smpp, Webhooks webhooks, Clock clock, NotificationProperties properties) {
        this.outbox = outbox;
        this.smpp = smpp;
        this.webhooks = webhooks;
        this.clock = clock;
        this.batchSize = properties.delivery().batchSize();
    }

    @Scheduled(fixedDelayString = "${kelisim.notification.delivery.poll-interval:1s}")
    void deliverSms() {
        if (!smpp.isBound()) {
            return; // claiming now would only spend an attempt; the items wait for the session
        }
        for (var item : outbox.claim(Outbox.Channel.SMS, batchSize)) {
            sendSms(item);
        }
    }

    @Scheduled(fixedDelayString = "${kelisim.notification.delivery.poll-interval:1s}")
    void deliverWebhooks() {
        for (var item : outbox.claim(Outbox.Channel.WEBHOOK, batchSize)) {
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
