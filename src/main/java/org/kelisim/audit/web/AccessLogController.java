package org.kelisim.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kelisim.audit.AuditRecord;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** «Who asked about me»: every touch of the signed-in person's data, newest first (DESIGN.md, rules). */
@RestController
@Tag(name = "User")
class AccessLogController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final MessageSource messages;

    AccessLogController(AuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    @GetMapping("/api/v1/me/access-log")
    @Operation(summary = "Every touch of my data: who, what, when, with what outcome")
    @ApiResponse(responseCode = "200", description = "One page of the access log, newest first")
    AccessLogJson accessLog(Principal me, @RequestParam(defaultValue = "0") int page,
            Locale locale) {
        Iin subject = Iin.of(me.getName());
        // AuditTrail pages by int offsets: a page past the last one is empty, never an overflow.
        int from = Math.min(Math.max(page, 0), Integer.MAX_VALUE / PAGE_SIZE);

        var entries = trail.about(subject.value(), from * PAGE_SIZE, PAGE_SIZE).stream()
                .map(entry -> EntryJson.of(entry, describe(entry.action(), locale)))
                .toList();
        return new AccessLogJson(entries, from, PAGE_SIZE, trail.countAbout(subject.value()));
    }

    private String describe(String action, Locale locale) {
        return messages.getMessage("audit.action." + action, null, action, locale);
    }

    /**
     * @param actor who did it: {@code null} when the service itself did (an expiry, an issue)
     * @param action what was done, a stable code such as {@code registration.checked}
     * @param description the action in the caller's language
     */
    record EntryJson(long sequence, Instant at, ActorJson actor, String action, String description,
            UUID requestId, String outcome) {

        static EntryJson of(AuditRecord entry, String description) {
            var actor = entry.actorId() == null && entry.actorName() == null ? null
                    : new ActorJson(entry.actorId(), entry.actorName());
            return new EntryJson(entry.sequence(), entry.at(), actor, entry.action(), description, entry.requestId(),
                    entry.outcome());
        }

        @Override
        public String toString() {
            return "EntryJson[" + sequence + ", " + action + "]";
        }
    }

    /** @param id the IIN or BIN of who did it */
    record ActorJson(String id, String name) {

        @Override
        public String toString() {
            return "ActorJson[***]";
        }
    }

    record AccessLogJson(List<EntryJson> items, int page, int size, long total) {
    }
}
