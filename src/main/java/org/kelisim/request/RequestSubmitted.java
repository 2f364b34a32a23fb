package org.kelisim.request;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.identity.Iin;

/**
 * A signed request now awaits the user's consent: the cabinet and SMS notifications follow from it.
 *
 * @param code the short code the user repeats in an SMS answer
 */
public record RequestSubmitted(UUID requestId, String code, Iin subject, CertificateType certificate,
        Requester requester, Instant deadline) {
}
