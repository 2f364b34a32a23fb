package org.kelisim.request;

/** The lifecycle of a request (DESIGN.md, request lifecycle). */
public enum RequestStatus {
    AWAITING_CONSENT, APPROVED, ISSUED, DENIED, EXPIRED, WITHDRAWN, FAILED;

    public boolean isFinal() {
        return this != AWAITING_CONSENT && this != APPROVED;
    }
}
