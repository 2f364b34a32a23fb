package org.kelisim.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.certificate.IssuanceQueue.Issuance;
import org.kelisim.certificate.IssuanceQueue.State;
import org.kelisim.certificate.TimeStamps.TimeStampUnavailableException;
import org.kelisim.identity.Iin;
import org.kelisim.registry.PopulationRegister;
import org.kelisim.registry.RealEstateObject;
import org.kelisim.registry.RealEstateRegister;
import org.kelisim.registry.RegistryUnavailableException;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestIssuance;
import org.kelisim.request.RequestStatusChanged;
import org.kelisim.signature.ServiceKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * APPROVED → ISSUED (DESIGN.md, request lifecycle): the approval is queued durably, and a worker on every node takes
 * queued requests one at a time, reads the registry, renders, seals, stores the PDF and reports the outcome.
 * A registry or TSA that does not answer is retried with exponential backoff; after the configured number of tries
 * the request is FAILED.
 * <p>
 * No ShedLock here on purpose: each queued request is claimed with {@code FOR UPDATE SKIP LOCKED}, so the nodes
 * share the queue instead of taking turns, and none issues a request another node holds.
 */
@Component
class CertificateIssuer {

    private static final Logger log = LoggerFactory.getLogger(CertificateIssuer.class);
    private static final int BATCH = 20;

    private final IssuanceQueue queue;
    private final IssuedDocuments documents;
    private final CertificateRenderer renderer;
    private final PadesSigner signer;
    private final DocumentNumbers numbers;
    private final ObjectProvider<PopulationRegister> population;
    private final ObjectProvider<RealEstateRegister> realEstate;
    private final ObjectProvider<RequestIssuance> requests;
    private final ObjectProvider<ServiceKeys> keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final CertificateProperties properties;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final String publicUrl;

    CertificateIssuer(IssuanceQueue queue, IssuedDocuments documents, CertificateRenderer renderer,
            PadesSigner signer, DocumentNumbers numbers, ObjectProvider<PopulationRegister> population,
            ObjectProvider<RealEstateRegister> realEstate, ObjectProvider<RequestIssuance> requests,
            ObjectProvider<ServiceKeys> keys, AuditTrail audit, Clock clock, CertificateProperties properties,
            PlatformTransactionManager transactions, @Value("${kelisim.public-url}") String publicUrl) {
        this.queue = queue;
        this.documents = documents;
        this.renderer = renderer;
        this.signer = signer;
        this.numbers = numbers;
        this.population = population;
        this.realEstate = realEstate;
        this.requests = requests;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Durable: Spring Modulith keeps the event until this listener has run, across restarts. */
    @ApplicationModuleListener
    void on(RequestStatusChanged event) {
        queue.note(event, clock.instant());
    }

    @Scheduled(fixedDelayString = "${kelisim.certificate.poll-interval:PT2S}")
    void issueDue() {
        for (int i = 0; i < BATCH && issueNext(); i++) {
            // each turn issues (or reschedules) one request in its own transaction
        }
    }

    /** @return whether a queued request was taken */
    boolean issueNext() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var next = queue.claimNext(clock.instant());
            next.ifPresent(this::attempt);
            return next.isPresent();
        }));
    }

    private void attempt(Issuance issuance) {
        try {
            // A savepoint, so that a failure half-way leaves nothing behind but the rescheduling below.
            savepoint.executeWithoutResult(status -> issue(issuance));
        } catch (SubjectUnknownException e) {
            fail(issuance, "subject_unknown");
        } catch (RegistryUnavailableException | TimeStampUnavailableException e) {
            retryOrFail(issuance, e instanceof RegistryUnavailableException ? "registry_unavailable"
                    : "tsa_unavailable", e);
        } catch (RuntimeException e) {
            log.error("Issuance of request {} failed unexpectedly", issuance.requestId(), e);
            retryOrFail(issuance, "issue_error", e);
        }
    }

    private void issue(Issuance issuance) {
        var iin = new Iin(issuance.subjectIin());
        var person = population.getObject().find(iin).orElseThrow(SubjectUnknownException::new);
        List<RealEstateObject> objects = issuance.type() == CertificateType.ADDRESS
                ? List.of() : realEstate.getObject().objectsOf(iin);
        String number = numbers.next();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var content = new CertificateContent(number, issuance.type(), issuedAt, person, objects,
                issuance.requester(), issuance.requestId(), issuance.approvedAt(),
                publicUrl + "/verify/" + number);
        byte[] sealed = signer.sign(renderer.render(content), keys.getObject().seal(), issuedAt);
        documents.add(new IssuedDocument(issuance.requestId(), number, issuance.type(), issuance.requester().id(),
                issuance.requester().name(), issuance.subjectIin(), issuedAt, PadesSigner.sha256(sealed)), sealed);
        audit.record(new AuditEvent("certificate.issued", null, "Kelisim", issuance.subjectIin(),
                issuance.requestId(), "ok"));
        queue.finish(issuance.requestId(), State.ISSUED, clock.instant());
        requests.getObject().issued(issuance.requestId(), number);
        log.info("Issued certificate {} for request {}", number, issuance.requestId());
    }

    private void retryOrFail(Issuance issuance, String reason, RuntimeException cause) {
        int attempt = issuance.attempts() + 1;
        if (attempt >= properties.maxAttempts()) {
            fail(issuance, reason);
            return;
        }
        Instant next = clock.instant().plus(properties.backoff(attempt));
        queue.retryAt(issuance.requestId(), next);
        log.warn("Issuance of request {} failed on try {} ({}: {}), next try at {}", issuance.requestId(), attempt,
                reason, cause.getMessage(), next);
    }

    private void fail(Issuance issuance, String reason) {
        queue.finish(issuance.requestId(), State.FAILED, clock.instant());
        audit.record(new AuditEvent("certificate.issue_failed", null, "Kelisim", issuance.subjectIin(),
                issuance.requestId(), reason));
        requests.getObject().failed(issuance.requestId());
        log.warn("Issuance of request {} FAILED: {}", issuance.requestId(), reason);
    }

    /** The population register does not know the subject: no retry will help. */
    private static final class SubjectUnknownException extends RuntimeException {

        SubjectUnknownException() {
            super("subject unknown to the population register", null, false, false);
        }
    }
}
