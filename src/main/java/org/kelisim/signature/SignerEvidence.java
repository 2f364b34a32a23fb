package org.kelisim.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One signer of a verified signature: the signer's certificate profile, the certificates the signature carried (for
 * building the chain), the signing time it claims and the time an RFC 3161 signature time-stamp proves, when present.
 */
public record SignerEvidence(SigningCertificate signer, List<X509Certificate> carriedCertificates,
        Optional<Instant> signingTime, Optional<Instant> timeStamp) {

    public SignerEvidence {
        Objects.requireNonNull(signer, "signer");
        carriedCertificates = List.copyOf(carriedCertificates);
    }

    /** The moment the signature is known to have existed: the time-stamp, else the claimed signing time. */
    public Optional<Instant> provenTime() {
        return timeStamp.or(() -> signingTime);
    }

    @Override
    public String toString() {
        return "SignerEvidence[" + signer + ", " + signingTime + ", " + timeStamp + "]";
    }
}
