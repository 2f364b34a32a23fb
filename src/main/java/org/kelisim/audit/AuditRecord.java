package org.kelisim.audit;

import java.time.Instant;
import java.util.UUID;
import org.kelisim.identity.Masks;

/** An entry of the trail as it is read back: its place in the chain, its time and what happened. */
public record AuditRecord(long sequence, Instant at, String action, String actorId, String actorName,
        String subjectIin, UUID requestId, String outcome) {

    @Override
    public String toString() {
        return "AuditRecord[" + sequence + ", " + action + ", subject " + Masks.identifier(subjectIin) + "]";
    }
}
