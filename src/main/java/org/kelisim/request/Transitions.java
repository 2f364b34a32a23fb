package org.kelisim.request;

import java.time.Instant;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows every state change, in the caller's transaction: the stored request, the
 * {@link RequestStatusChanged} event and the audit entry.
 */
@Component
class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);

    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    Transitions(Requests requests, ApplicationEventPublisher events, AuditTrail audit) {
        this.requests = requests;
        this.events = events;
        this.audit = audit;
    }

    /**
     * @param actorId IIN or BIN of who caused the change, {@code null} for the service itself
     */
    void changed(CertificateRequest request, Instant at, String action, String actorId, String actorName) {
        requests.update(request);
        events.publishEvent(request.statusChanged(at));
        audit.record(new AuditEvent(action, actorId, actorName, request.subject().value(), request.id(), "ok"));
        log.info("Request {} is now {}", request.id(), request.status());
    }

    /** The service expires an overdue request: by the sweep, or when a late answer arrives. */
    void expire(CertificateRequest request, Instant at) {
        request.expire(at);
        changed(request, at, "request.expired", null, null);
    }
}
