package org.kelisim;

import java.util.List;
import org.kelisim.audit.AuditRecord;

/**
 * The audit entries a module's own tests reason about: without those that the notification and certificate modules
 * write on their own, asynchronously, in reaction to the same request.
 */
public final class ModuleTrail {

    private ModuleTrail() {
    }

    public static List<AuditRecord> own(List<AuditRecord> entries) {
        return entries.stream()
                .filter(entry -> !entry.action().startsWith("notification.")
                        && !entry.action().startsWith("certificate."))
                .toList();
    }

    /** The newest {@code limit} of the module's own entries, when read newest first. */
    public static List<AuditRecord> own(List<AuditRecord> entries, int limit) {
        var own = own(entries);
        return own.subList(0, Math.min(limit, own.size()));
    }
}
