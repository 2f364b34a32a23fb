package org.kelisim.certificate;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.identity.Masks;
import org.kelisim.request.CertificateType;

/**
 * An issued certificate as stored, without its bytes.
 *
 * @param requesterId IIN or BIN of the third party that asked
 * @param sha256 the SHA-256 of the sealed PDF, which verification compares byte for byte
 */
record IssuedDocument(UUID requestId, String documentNumber, CertificateType type, String requesterId,
        String requesterName, String subjectIin, Instant issuedAt, byte[] sha256) {

    @Override
    public String toString() {
        return "IssuedDocument[" + documentNumber + ", " + type + ", subject " + Masks.identifier(subjectIin) + "]";
    }
}
