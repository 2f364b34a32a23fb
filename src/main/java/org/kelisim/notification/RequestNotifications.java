package org.kelisim.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.request.RequestSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the request's events into notifications. Each listener runs after the causing transaction, in a transaction
 * of its own, and Spring Modulith keeps the event until the listener has committed: what it queues is never lost,
 * and a repeated event queues nothing twice (idempotency keys, unique rows).
 */
@Component
class RequestNotifications {

    /** The outcomes the third party's inbox tells of (DESIGN.md, step 3: refusals, expiries, failures; and issues). */
    static final Set<RequestStatus> INBOX = EnumSet.of(RequestStatus.DENIED, RequestStatus.EXPIRED,
            RequestStatus.FAILED, RequestStatus.ISSUED);

    private static final Logger log = LoggerFactory.getLogger(RequestNotifications.class);

    private final MobileCitizens mobileCitizens;
    private final PortalAccounts portalAccounts;
    private final NotificationTexts texts;
    private final Outbox outbox;
    private final Webhooks webhooks;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestNotifications(MobileCitizens mobileCitizens, PortalAccounts portalAccounts, NotificationTexts texts,
            Outbox outbox, Webhooks webhooks, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.mobileCitizens = mobileCitizens;
        this.portalAccounts = portalAccounts;
        this.texts = texts;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Asks the user: two SMS (Kazakh, Russian) to the BMG phone, and a cabinet message when on the portal. */
    @ApplicationModuleListener
    void on(RequestSubmitted event) {
        var phone = mobileCitizens.phoneOf(event.subject());
        boolean portal = portalAccounts.isRegistered(event.subject());

        phone.ifPresent(number -> {
            for (var locale : List.of(NotificationTexts.KAZAKH, NotificationTexts.RUSSIAN)) {
                outbox.enqueue("request:" + event.requestId() + ":" + locale.getLanguage(), Outbox.Channel.SMS,
                        number, texts.request(event, locale), event.requestId(), event.deadline());
            }
        });
        if (portal) {
            addCabinetMessage(event);
        }
        String outcome = phone.isPresent() ? (portal ? "sms_and_cabinet" : "sms") : (portal ? "cabinet" : "none");
        audit.record(new AuditEvent("notification.request", null, null, event.subject().value(), event.requestId(),
                outcome));

        log.info("Request {} notified: {}", event.requestId(), outcome);
    }

    /** Tells the third party: an inbox message for outcomes, a webhook call for every change. */
    @ApplicationModuleListener
    void on(RequestStatusChanged event) {
        if (INBOX.contains(event.status())) {
            jdbc.sql("""
                    INSERT INTO inbox_messages (id, party_id, request_id, subject_iin, certificate, status, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, status) DO NOTHING""")
                    .params(UUID.randomUUID(), event.requester().id(), event.requestId(), event.subject().value(),
                            event.certificate().name(), event.status().name(), Timestamp.from(event.at()))
                    .update();
        }
        webhooks.enqueue(event);
    }

    private void addCabinetMessage(RequestSubmitted event) {
        jdbc.sql("""
                INSERT INTO cabinet_messages (id, subject_iin, request_id, request_code, certificate, requester_id,
                                              requester_name, legal_entity, deadline, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""")
                .params(UUID.randomUUID(), event.subject().value(), event.requestId(), event.code(),
                        event.certificate().name(), event.requester().id(), event.requester().name(),
                        event.requester().legalEntity(), Timestamp.from(event.deadline()),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
