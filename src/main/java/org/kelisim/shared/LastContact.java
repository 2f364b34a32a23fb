package org.kelisim.shared;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When an outside party (a registry, an OCSP responder, a CRL's address) last answered this node and last failed
 * it, and why it failed: what a health indicator reports. The reason names a cause (an HTTP status, an exception's
 * class, a short code), never anyone's data.
 */
public record LastContact(Instant lastAnswer, Instant lastFailure, String reason) {

    public static LastContact answered(Instant at) {
        return new LastContact(at, null, null);
    }

    public static LastContact failed(Instant at, String reason) {
        return new LastContact(null, at, reason);
    }

    /** This contact updated by a newer one: each moment is the latest known. */
    public LastContact then(LastContact next) {
        return new LastContact(next.lastAnswer != null ? next.lastAnswer : lastAnswer,
                next.lastFailure != null ? next.lastFailure : lastFailure,
                next.reason != null ? next.reason : reason);
    }

    /** Whether the last attempt failed. */
    public boolean failing() {
        return lastFailure != null && (lastAnswer == null || lastFailure.isAfter(lastAnswer));
    }

    /** For a health indicator's details: {@code state} (answering or failing), the moments, the reason. */
    public Map<String, Object> describe() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("state", failing() ? "failing" : "answering");
        if (lastAnswer != null) {
            detail.put("lastAnswer", lastAnswer.toString());
        }
        if (lastFailure != null) {
            detail.put("lastFailure", lastFailure.toString());
            detail.put("reason", reason);
        }
        return detail;
    }
}
