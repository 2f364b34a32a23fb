package org.kelisim.certificate;

import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.certificate.DocumentVerifier.Verification;
import org.kelisim.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification for anyone: by the file itself, or by document number plus the IIN/BIN of its subject or requester.
 * Each verification of a known document goes to the audit trail, so the user sees that their certificate was checked.
 */
@Service
class CertificateVerification {

    private final DocumentVerifier verifier;
    private final IssuedDocuments documents;
    private final AuditTrail audit;

    CertificateVerification(DocumentVerifier verifier, IssuedDocuments documents, AuditTrail audit) {
        this.verifier = verifier;
        this.documents = documents;
        this.audit = audit;
    }

    @Transactional
    VerificationAnswer verify(byte[] file) {
        var verification = verifier.verify(file);

        recordIfKnown(verification, "upload");
        return VerificationAnswer.of(verification);
    }

    /**
     * @param identifier the IIN of the subject or the IIN/BIN of the requester; anything else is answered as if the
     *     number did not exist, so numbers cannot be probed without knowing whom they concern
     */
    @Transactional
    VerificationAnswer verify(String documentNumber, String identifier) {
        String number = DocumentNumbers.normalize(documentNumber);
        String id = identifier == null ? "" : identifier.strip();
        var document = number == null ? null : documents.findByNumber(number)
                .filter(known -> known.subjectIin().equals(id) || known.requesterId().equals(id))
                .orElse(null);
        if (document == null) {
            throw new DomainException("document_not_found", DomainException.Kind.NOT_FOUND);
        }

        var verification = verifier.verify(documents.pdf(document.requestId()));
        recordIfKnown(verification, "number");
        return VerificationAnswer.of(verification);
    }

    private void recordIfKnown(Verification verification, String how) {
        verification.document().ifPresent(document -> audit.record(new AuditEvent("certificate.verified", null,
                null, document.subjectIin(), document.requestId(), verification.finding().code() + "_" + how)));
    }
}
