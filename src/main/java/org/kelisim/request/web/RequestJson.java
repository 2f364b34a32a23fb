package org.kelisim.request.web;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestView;

/** A request as the third party reads it (API.md, GET /api/v1/requests/{id}). */
record RequestJson(UUID id, RequestStatus status, CertificateType certificate, String iin, Instant createdAt,
        Instant deadline, Instant decidedAt, String documentNumber) {

    static RequestJson of(RequestView view) {
        return new RequestJson(view.id(), view.status(), view.certificate(), view.subject().value(),
                view.createdAt(), view.deadline(), view.decidedAt(), view.documentNumber());
    }

    @Override
    public String toString() {
        return "RequestJson[" + id + ", " + status + "]";
    }
}
