package org.kelisim.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications go out ({@code kelisim.notification.*}; each value also as an environment variable, for example
 * {@code KELISIM_NOTIFICATION_SMPP_HOST}). Defaults suit the embedded mode.
 */
@Validated
@ConfigurationProperties("kelisim.notification")
record NotificationProperties(@DefaultValue Smpp smpp, @DefaultValue Delivery delivery,
        @DefaultValue Retention retention) {

    /**
     * The SMS centre (SMPP 3.4, bound as transceiver).
     *
     * @param host the SMS centre; ignored in embedded mode, where the embedded centre is used
     * @param sourceAddress the short number the SMS come from and the answers go to
     * @param sendRate submit_sm per second and node, at most
     * @param centrePort the port of the embedded SMS centre; 0 takes a free one
     */
    record Smpp(@DefaultValue("localhost") String host, @DefaultValue("2775") int port,
            @DefaultValue("kelisim") String systemId, @DefaultValue("kelisim") String password,
            @DefaultValue("1414") String sourceAddress, @DefaultValue("10") double sendRate,
            @DefaultValue("30s") Duration enquireLinkInterval, @DefaultValue("10s") Duration responseTimeout,
            @DefaultValue("1s") Duration reconnectMin, @DefaultValue("60s") Duration reconnectMax,
            @DefaultValue("0") int centrePort) {

        Smpp {
            if (sendRate <= 0) {
                throw new IllegalArgumentException("kelisim.notification.smpp.send-rate must be positive");
            }
        }

        @Override
        public String toString() {
            return "Smpp[" + host + ":" + port + ", " + systemId + ", " + sendRate + "/s]";
        }
    }

    /**
     * The outbox workers.
     *
     * @param lease how long a claimed item stays with the node that claimed it before another may retry it
     * @param webhookPatience how long a webhook call is retried (API.md: 24 h)
     * @param replyPatience how long an answer's reply SMS is retried
     * @param smsSenders how many SMS of a claimed batch go out at once: each waits for its submit_sm_resp, so one at
     *     a time caps a node at one round trip per part whatever the send rate (SMPP 3.4 allows a window of
     *     outstanding requests); the send rate still spaces the parts. One by default: with the embedded centre on
     *     the same two cores, four made the load run slower (docs/performance.md); raise it for a distant centre
     */
    record Delivery(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
            @DefaultValue("2m") Duration lease, @DefaultValue("2s") Duration backoffBase,
            @DefaultValue("10m") Duration backoffMax, @DefaultValue("24h") Duration webhookPatience,
            @DefaultValue("24h") Duration replyPatience, @DefaultValue("10s") Duration webhookTimeout,
            @DefaultValue("1") int smsSenders) {

        Delivery {
            if (smsSenders < 1) {
                throw new IllegalArgumentException("kelisim.notification.delivery.sms-senders must be at least 1");
            }
        }

        /** Exponential: base, 2 × base, 4 × base, …, never more than the maximum. */
        Duration backoff(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 30);
            Duration delay = backoffBase.multipliedBy(1L << doublings);
            return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
        }
    }

    /**
     * How long finished outbox items are kept ({@link OutboxRetention}).
     *
     * @param keep a delivered or given-up item, its webhook attempts and the SMS receipts stay this long after the
     *     item's last chance of delivery
     * @param interval how often the clean-up runs (read by {@code @Scheduled} from the same key)
     * @param batchSize rows deleted per transaction, so that no run holds its locks for long
     */
    record Retention(@DefaultValue("30d") Duration keep, @DefaultValue("1h") Duration interval,
            @DefaultValue("500") int batchSize) {

        Retention {
            if (keep.isNegative() || keep.isZero()) {
                throw new IllegalArgumentException("kelisim.notification.retention.keep must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("kelisim.notification.retention.batch-size must be positive");
            }
        }
    }
}
