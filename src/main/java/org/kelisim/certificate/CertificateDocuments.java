package org.kelisim.certificate;

import java.util.UUID;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.shared.DomainException;
import org.kelisim.signature.Party;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out issued certificates, only to the third party that asked and to the user it is about (DESIGN.md, rules);
 * each download is written to the audit trail. Anyone else learns nothing: not even that the request exists.
 */
@Service
class CertificateDocuments {

    private final IssuanceQueue queue;
    private final IssuedDocuments documents;
    private final AuditTrail audit;

    CertificateDocuments(IssuanceQueue queue, IssuedDocuments documents, AuditTrail audit) {
        this.queue = queue;
        this.documents = documents;
        this.audit = audit;
    }

    /** The certificate for the third party, who acts under {@link Party#actingId()}. */
    @Transactional
    byte[] forRequester(UUID requestId, Party party) {
        var issuance = queue.find(requestId)
                .filter(known -> known.requester().id().equals(party.actingId()))
                .orElseThrow(CertificateDocuments::notFound);

        return download(requestId, issuance.subjectIin(), party, "requester");
    }

    /** The certificate for the user it is about. */
    @Transactional
    byte[] forSubject(UUID requestId, Party party) {
        var issuance = queue.find(requestId)
                .filter(known -> known.subjectIin().equals(party.iin()))
                .orElseThrow(CertificateDocuments::notFound);

        return download(requestId, issuance.subjectIin(), party, "subject");
    }

    private byte[] download(UUID requestId, String subjectIin, Party party, String as) {
        if (documents.findByRequest(requestId).isEmpty()) {
            throw new DomainException("not_issued", DomainException.Kind.CONFLICT);
        }
        audit.record(new AuditEvent("certificate.downloaded", party.actingId(), party.actingName(), subjectIin,
                requestId, "ok_" + as));
        return documents.pdf(requestId);
    }

    private static DomainException notFound() {
        return new DomainException("request_not_found", DomainException.Kind.NOT_FOUND);
    }
}
