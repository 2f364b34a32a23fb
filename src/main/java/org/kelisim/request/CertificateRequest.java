package org.kelisim.request;

import static org.kelisim.request.RequestStatus.APPROVED;
import static org.kelisim.request.RequestStatus.AWAITING_CONSENT;
import static org.kelisim.request.RequestStatus.DENIED;
import static org.kelisim.request.RequestStatus.EXPIRED;
import static org.kelisim.request.RequestStatus.FAILED;
import static org.kelisim.request.RequestStatus.ISSUED;
import static org.kelisim.request.RequestStatus.WITHDRAWN;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kelisim.identity.Iin;

/**
 * The request aggregate (DESIGN.md, request lifecycle): AWAITING_CONSENT, then APPROVED and ISSUED or FAILED, or
 * DENIED, EXPIRED, WITHDRAWN. Every change is a method here that checks the current state and refuses with the
 * reason; the repository stores the result under optimistic locking ({@link #version()}).
 */
final class CertificateRequest {

    private final UUID id;
    private final UUID draftId;
    private final String code;
    private final Requester requester;
    private final Iin subject;
    private final CertificateType certificate;
    private final String smsPhone;
    private final byte[] signature;
    private final Instant createdAt;
    private final Instant deadline;
    private long version;
    private RequestStatus status;
    private Instant decidedAt;
    private Instant completedAt;
    private String documentNumber;

    CertificateRequest(UUID id, UUID draftId, String code, Requester requester, Iin subject,
            CertificateType certificate, String smsPhone, byte[] signature, Instant createdAt, Instant deadline,
            long version, RequestStatus status, Instant decidedAt, Instant completedAt, String documentNumber) {
        this.id = Objects.requireNonNull(id, "id");
        this.draftId = Objects.requireNonNull(draftId, "draftId");
        this.code = Objects.requireNonNull(code, "code");
        this.requester = Objects.requireNonNull(requester, "requester");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.smsPhone = smsPhone;
        this.signature = Objects.requireNonNull(signature, "signature").clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        this.decidedAt = decidedAt;
        this.completedAt = completedAt;
        this.documentNumber = documentNumber;
    }

    /** A signed request that now awaits the user's consent until {@code submittedAt + consentWindow}. */
    static CertificateRequest submit(UUID draftId, String code, Requester requester, Iin subject,
            CertificateType certificate, String smsPhone, byte[] signature, Instant submittedAt,
            Duration consentWindow) {
        return new CertificateRequest(UUID.randomUUID(), draftId, code, requester, subject, certificate, smsPhone,
                signature, submittedAt, submittedAt.plus(consentWindow), 0, AWAITING_CONSENT, null, null, null);
    }

    /** The deadline has come: an answer at or after it is not counted (DESIGN.md, rules). */
    boolean isOverdue(Instant at) {
        return !at.isBefore(deadline);
    }

    void approve(Instant at) {
        requireAnswerable(at);

        status = APPROVED;
        decidedAt = at;
    }

    void deny(Instant at) {
        requireAnswerable(at);

        status = DENIED;
        decidedAt = at;
    }

    void withdraw(Instant at) {
        requireAnswerable(at);

        status = WITHDRAWN;
        decidedAt = at;
    }

    void expire(Instant at) {
        if (status != AWAITING_CONSENT) {
            throw RequestRefusedException.alreadyDecided();
        }
        if (!isOverdue(at)) {
            throw RequestRefusedException.notOverdue();
        }

        status = EXPIRED;
        decidedAt = at;
    }

    /**
     * @return whether anything changed: issuing again with the same number changes nothing
     */
    boolean issue(String number, Instant at) {
        Objects.requireNonNull(number, "number");
        if (status == ISSUED && number.equals(documentNumber)) {
            return false;
        }
        if (status != APPROVED) {
            throw RequestRefusedException.notApproved();
        }

        status = ISSUED;
        documentNumber = number;
        completedAt = at;
        return true;
    }

    /**
     * @return whether anything changed: failing twice changes nothing
     */
    boolean fail(Instant at) {
        if (status == FAILED) {
            return false;
        }
        if (status != APPROVED) {
            throw RequestRefusedException.notApproved();
        }

        status = FAILED;
        completedAt = at;
        return true;
    }

    private void requireAnswerable(Instant at) {
        if (status == EXPIRED || status == AWAITING_CONSENT && isOverdue(at)) {
            throw RequestRefusedException.deadlinePassed();
        }
        if (status != AWAITING_CONSENT) {
            throw RequestRefusedException.alreadyDecided();
        }
    }

    RequestView view() {
        return new RequestView(id, code, requester, subject, certificate, status, createdAt, deadline, decidedAt,
                documentNumber);
    }

    RequestStatusChanged statusChanged(Instant at) {
        return new RequestStatusChanged(id, requester, subject, certificate, status, at);
    }

    UUID id() {
        return id;
    }

    UUID draftId() {
        return draftId;
    }

    String code() {
        return code;
    }

    Requester requester() {
        return requester;
    }

    Iin subject() {
        return subject;
    }

    CertificateType certificate() {
        return certificate;
    }

    String smsPhone() {
        return smsPhone;
    }

    byte[] signature() {
        return signature.clone();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant deadline() {
        return deadline;
    }

    long version() {
        return version;
    }

    /** The repository stored a change: the row's version moved on. */
    void stored() {
        version++;
    }

    RequestStatus status() {
        return status;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    String documentNumber() {
        return documentNumber;
    }

    @Override
    public String toString() {
        return "CertificateRequest[" + id + ", " + status + "]";
    }
}
