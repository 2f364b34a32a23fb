package org.kelisim.request;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.identity.Iin;

/**
 * A request before its signature: the exact bytes the third party must sign ({@link DataToSign}), good once and
 * until {@code expiresAt}. {@link #toString()} is masked.
 */
record Draft(UUID id, Requester requester, Iin subject, CertificateType certificate, byte[] dataToSign,
        Instant createdAt, Instant expiresAt, Instant usedAt) {

    Draft {
        dataToSign = dataToSign.clone();
    }

    @Override
    public byte[] dataToSign() {
        return dataToSign.clone();
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpired(Instant at) {
        return !at.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Draft[" + id + ", " + requester + ", subject " + subject.masked() + "]";
    }
}
