package org.kelisim.request;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.identity.Iin;

/**
 * Published on every transition, the first (to AWAITING_CONSENT) included: webhooks, inboxes and issuance follow
 * from it. Issuance starts on {@link RequestStatus#APPROVED}.
 */
public record RequestStatusChanged(UUID requestId, Requester requester, Iin subject, CertificateType certificate,
        RequestStatus status, Instant at) {
}
