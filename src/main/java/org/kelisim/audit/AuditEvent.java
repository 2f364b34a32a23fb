package org.kelisim.audit;

import java.util.Objects;
import java.util.UUID;
import org.kelisim.identity.Masks;

/**
 * One touch of personal data, to be appended to the trail.
 *
 * @param action what was done, for example {@code registration.checked}, {@code request.created},
 *     {@code consent.given}, {@code certificate.downloaded}
 * @param actorId IIN or BIN of who did it; {@code null} for the service itself or an anonymous verifier
 * @param actorName name of who did it, as shown to the user in "who asked about me"
 * @param subjectIin IIN of the person whose data was touched
 * @param requestId the request it belongs to, or {@code null}
 * @param outcome how it ended, for example {@code ok}, {@code refused}, {@code not_registered}
 */
public record AuditEvent(String action, String actorId, String actorName, String subjectIin, UUID requestId,
        String outcome) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String toString() {
        return "AuditEvent[" + action + ", actor " + Masks.identifier(actorId) + ", subject "
                + Masks.identifier(subjectIin) + ", request " + requestId + ", " + outcome + "]";
    }
}
