package org.kelisim.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;

/**
 * How the OCSP responders and the CRL distribution points answered this node lately, per address: the last good
 * answer, the last failure and its reason. It is gathered from the checks made for real, never by probing: an OCSP
 * request names somebody's certificate. The view is this node's own (each node reaches the CA over its own network
 * path) and decides nothing; a failing responder already makes the check answer {@code revocation_unknown}.
 */
final class RevocationHealth {

    /** The two ways of asking about revocation. */
    enum Kind { OCSP, CRL }

    /** Addresses come from certificates issued under a trusted anchor; a cap still keeps a bad CA from growing this. */
    private static final int MAX_ADDRESSES = 64;

    private final Clock clock;
    private final Map<Kind, Map<String, Outcome>> outcomes = new EnumMap<>(Kind.class);

    RevocationHealth(Clock clock) {
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            outcomes.put(kind, new ConcurrentHashMap<>());
        }
    }

    void answered(Kind kind, String address) {
        note(kind, address, new Outcome(clock.instant(), null, null, false));
    }

    void failed(Kind kind, String address, String reason) {
        note(kind, address, new Outcome(null, clock.instant(), reason, true));
    }

    /** UNKNOWN until asked; DOWN while any address's last attempt failed; UP otherwise. */
    Health health(Kind kind) {
        Map<String, Outcome> seen = new TreeMap<>(outcomes.get(kind));
        if (seen.isEmpty()) {
            return Health.unknown().withDetail("reason", "not_asked_yet").build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean failing = false;
        for (var entry : seen.entrySet()) {
            failing |= entry.getValue().failing;
            details.put(entry.getKey(), entry.getValue().describe());
        }

        return (failing ? Health.down() : Health.up()).withDetails(details).build();
    }

    private void note(Kind kind, String address, Outcome outcome) {
        Map<String, Outcome> byAddress = outcomes.get(kind);
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            return;
        }
        byAddress.merge(address, outcome, Outcome::then);
    }

    /**
     * @param failing whether the last note was a failure: by order, not by time, since a CRL that answers and is then
     *     refused (unsigned, out of scope) notes both within the same instant
     */
    private record Outcome(Instant lastAnswer, Instant lastFailure, String reason, boolean failing) {

        Outcome then(Outcome next) {
            return new Outcome(next.lastAnswer != null ? next.lastAnswer : lastAnswer,
                    next.lastFailure != null ? next.lastFailure : lastFailure,
                    next.reason != null ? next.reason : reason, next.failing);
        }

        Map<String, Object> describe() {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", failing ? "failing" : "answering");
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
}
