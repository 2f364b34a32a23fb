package org.kelisim.notification;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The actuator's {@code smsCentre} part: UP while this node holds a bound SMPP session, DOWN otherwise. The queue's
 * backlog goes along, since SMS wait in PostgreSQL for whichever node is bound.
 */
@Component("smsCentreHealthIndicator")
class SmsCentreHealthIndicator implements HealthIndicator {

    private final SmsQueue queue;

    SmsCentreHealthIndicator(SmsQueue queue) {
        this.queue = queue;
    }

    @Override
    public Health health() {
        var health = queue.bound() ? Health.up() : Health.down().withDetail("session", "unbound");
        return health.withDetail("pending", queue.pending()).build();
    }
}
