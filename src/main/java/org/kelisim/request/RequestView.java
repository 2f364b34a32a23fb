package org.kelisim.request;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.identity.Iin;

/**
 * A request as the third party and the user see it. {@link #toString()} is masked.
 *
 * @param code the short code the user repeats in an SMS answer
 * @param decidedAt when the request left AWAITING_CONSENT (allowed, refused, expired, withdrawn), or {@code null}
 * @param documentNumber the number of the issued certificate, once ISSUED
 */
public record RequestView(UUID id, String code, Requester requester, Iin subject, CertificateType certificate,
        RequestStatus status, Instant createdAt, Instant deadline, Instant decidedAt, String documentNumber) {

    @Override
    public String toString() {
        return "RequestView[" + id + ", " + status + ", " + requester + ", subject " + subject.masked() + "]";
    }
}
