package org.kelisim.request;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.kelisim.shared.DomainException;
import org.kelisim.shared.DomainException.Kind;
import org.kelisim.signature.Party;
import org.kelisim.signature.RequestSignatureVerifier;
import org.kelisim.signature.SignatureRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The third party's side of a request (DESIGN.md, steps 1 to 3): the registration check, the draft to sign, the
 * signed request, its status, the history and withdrawal. A third party sees only the requests it made itself.
 * <p>
 * Refusals that touched personal data are recorded in the audit trail and committed before the refusal is thrown.
 */
@Service
public class ThirdPartyRequests {

    private static final Logger log = LoggerFactory.getLogger(ThirdPartyRequests.class);

    /** How long a request code stays reserved for its person after the request, so that a late SMS is not misread. */
    private static final Duration CODE_QUARANTINE = Duration.ofDays(1);

    private final Requests requests;
    private final Drafts drafts;
    private final Transitions transitions;
    private final PortalAccounts portalAccounts;
    private final MobileCitizens mobileCitizens;
    private final RequestSignatureVerifier signatures;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RequestProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ThirdPartyRequests(Requests requests, Drafts drafts, Transitions transitions, PortalAccounts portalAccounts,
            MobileCitizens mobileCitizens, RequestSignatureVerifier signatures, AuditTrail audit,
            ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            RequestProperties properties, Clock clock) {
        this.requests = requests;
        this.drafts = drafts;
        this.transitions = transitions;
        this.portalAccounts = portalAccounts;
        this.mobileCitizens = mobileCitizens;
        this.signatures = signatures;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Whether the person can be asked at all («Проверить пользователя на наличие регистрации»).
     *
     * @throws org.kelisim.identity.InvalidIdentifierException {@code invalid_iin}
     * @throws RequestRefusedException {@code too_many_checks} past the party's checks per minute
     */
    public Registration checkRegistration(Party party, String iin) {
        Iin subject = Iin.of(iin);
        countCheck(party);

        var registration = registrationOf(subject);
        audit.record(new AuditEvent("registration.checked", party.actingId(), party.actingName(),
                subject.value(), null, registration.outcome()));
        return registration;
    }

    /**
     * Counts per party and minute in PostgreSQL, so the limit holds however many nodes answer. The count commits on
     * its own: the counter's row lock is not held while the registries answer.
     */
    private void countCheck(Party party) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Integer checks = transactions.execute(status -> jdbc.sql("""
                INSERT INTO registration_check_counts (party_id, minute, checks) VALUES (?, ?, 1)
                ON CONFLICT (party_id, minute) DO UPDATE SET checks = registration_check_counts.checks + 1
                RETURNING checks""")
                .params(party.actingId(), Timestamp.from(minute))
                .query(Integer.class)
                .single());
        if (checks == null || checks > properties.registrationChecksPerMinute()) {
            throw new RequestRefusedException("too_many_checks", Kind.TOO_MANY);
        }
    }

    private Registration registrationOf(Iin subject) {
        return new Registration(subject, portalAccounts.isRegistered(subject),
                mobileCitizens.phoneOf(subject).isPresent());
    }

    /**
     * The data the party must sign to ask for {@code certificate} about the person («Подписать и запросить»).
     *
     * @throws org.kelisim.identity.InvalidIdentifierException {@code invalid_iin}
     * @throws RequestRefusedException {@code unknown_certificate}; {@code user_not_registered} when neither the
     *     portal nor BMG knows the person
     */
    public DraftCreated draft(Party party, String iin, String certificate) {
        Iin subject = Iin.of(iin);
        CertificateType type = certificateType(certificate);
        Requester requester = requesterOf(party);

        return committedOrRefused(() -> {
            if (!registrationOf(subject).canBeAsked()) {
                audit.record(new AuditEvent("draft.created", requester.id(), requester.name(), subject.value(),
                        null, "not_registered"));
                return new RequestRefusedException("user_not_registered", Kind.UNPROCESSABLE);
            }
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            Instant expiresAt = now.plus(properties.draftLifetime());
            byte[] data = DataToSign.of(id, nonce, requester, subject, type, now, expiresAt);
            drafts.add(new Draft(id, requester, subject, type, data, now, expiresAt, null));
            audit.record(new AuditEvent("draft.created", requester.id(), requester.name(), subject.value(), null,
                    "ok"));
            return new DraftCreated(id, data, expiresAt);
        });
    }

    private static CertificateType certificateType(String certificate) {
        try {
            return CertificateType.valueOf(certificate == null ? "" : certificate.strip());
        } catch (IllegalArgumentException unknown) {
            throw new RequestRefusedException("unknown_certificate", Kind.INVALID);
        }
    }

    private static Requester requesterOf(Party party) {
        return new Requester(party.actingId(), party.actingName(), party.isLegalEntity());
    }

    /**
     * Turns a signed draft into a request that awaits the user's consent, and notifies through
     * {@link RequestSubmitted} and {@link RequestStatusChanged}.
     *
     * @param cms the party's CMS over the draft's data to sign
     * @throws RequestRefusedException {@code draft_not_found} (also for another party's draft), {@code draft_used},
     *     {@code draft_expired}
     * @throws SignatureRejectedException when the signature breaks a rule; the code says which
     */
    public RequestView submit(Party party, UUID draftId, byte[] cms) {
        Draft draft = drafts.find(draftId)
                .filter(found -> found.requester().id().equals(party.actingId()))
                .orElseThrow(() -> new RequestRefusedException("draft_not_found", Kind.NOT_FOUND));
        Instant now = clock.instant();
        requireUsable(draft, now);
        verifySignature(party, draft, cms, now);

        return committedOrRefused(() -> {
            Draft locked = drafts.lock(draftId).orElseThrow();
            if (locked.isUsed()) {
                return new RequestRefusedException("draft_used", Kind.UNPROCESSABLE);
            }
            drafts.markUsed(draftId, now);
            requests.lockCodesOf(draft.subject());
            String code = freeCode(requests.codesInUse(draft.subject(), now.minus(CODE_QUARANTINE)));
            String phone = mobileCitizens.phoneOf(draft.subject()).map(Phones::normalize).orElse(null);
            var request = CertificateRequest.submit(draftId, code, draft.requester(), draft.subject(),
                    draft.certificate(), phone, cms, now, properties.consentWindow());
            requests.add(request);
            events.publishEvent(new RequestSubmitted(request.id(), code, request.subject(), request.certificate(),
                    request.requester(), request.deadline()));
            events.publishEvent(request.statusChanged(now));
            audit.record(new AuditEvent("request.created", party.actingId(), party.actingName(),
                    draft.subject().value(), request.id(), "ok"));
            log.info("Request {} awaits consent until {}", request.id(), request.deadline());
            return request.view();
        });
    }

    private static void requireUsable(Draft draft, Instant now) {
        if (draft.isUsed()) {
            throw new RequestRefusedException("draft_used", Kind.UNPROCESSABLE);
        }
        if (draft.isExpired(now)) {
            throw new RequestRefusedException("draft_expired", Kind.UNPROCESSABLE);
        }
    }

    private void verifySignature(Party party, Draft draft, byte[] cms, Instant now) {
        try {
            signatures.verify(cms, draft.dataToSign(), party, now);
        } catch (SignatureRejectedException rejected) {
            audit.record(new AuditEvent("request.created", party.actingId(), party.actingName(),
                    draft.subject().value(), null, rejected.code()));
            throw rejected;
        }
    }

    /** A four-digit code (API.md: 4-6 digits) that none of the person's recent or pending requests carries. */
    private String freeCode(Set<String> inUse) {
        String code;
        do {
            code = Integer.toString(1000 + random.nextInt(9000));
        } while (inUse.contains(code));
        return code;
    }

    /**
     * The party's own request («Обновить статус»).
     *
     * @throws RequestRefusedException {@code request_not_found} also when another party made it
     */
    public RequestView find(Party party, UUID id) {
        return requests.find(id)
                .filter(request -> request.requester().id().equals(party.actingId()))
                .map(CertificateRequest::view)
                .orElseThrow(RequestRefusedException::notFound);
    }

    /** The party's requests, newest first («История получения услуг»), optionally of one status only. */
    public RequestPage history(Party party, RequestStatus status, int page) {
        int size = properties.pageSize();
        int from = Math.max(page, 0);

        var items = requests.ofRequester(party.actingId(), status, (long) from * size, size).stream()
                .map(CertificateRequest::view)
                .toList();
        return new RequestPage(items, from, size, requests.countOfRequester(party.actingId(), status));
    }

    /**
     * Takes back a request that still awaits consent. An overdue one is expired instead.
     *
     * @throws RequestRefusedException {@code request_not_found}; {@code already_decided} once it left
     *     AWAITING_CONSENT
     */
    public RequestView withdraw(Party party, UUID id) {
        return committedOrRefused(() -> {
            var request = requests.lock(id)
                    .filter(found -> found.requester().id().equals(party.actingId()))
                    .orElse(null);
            if (request == null) {
                return RequestRefusedException.notFound();
            }
            Instant now = clock.instant();
            if (request.status() == RequestStatus.AWAITING_CONSENT && request.isOverdue(now)) {
                transitions.expire(request, now);
            }
            if (request.status() != RequestStatus.AWAITING_CONSENT) {
                audit.record(new AuditEvent("request.withdrawn", party.actingId(), party.actingName(),
                        request.subject().value(), id, "already_decided"));
                return RequestRefusedException.alreadyDecided();
            }
            request.withdraw(now);
            transitions.changed(request, now, "request.withdrawn", party.actingId(), party.actingName());
            return request.view();
        });
    }

    /**
     * Runs {@code work} in a transaction that commits in either case; a refusal it returns is thrown afterwards, so
     * that the audit entry of a refused attempt stays.
     */
    @SuppressWarnings("unchecked")
    private <T> T committedOrRefused(Supplier<Object> work) {
        Object result = transactions.execute(status -> work.get());
        if (result instanceof DomainException refusal) {
            throw refusal;
        }
        return (T) result;
    }
}
