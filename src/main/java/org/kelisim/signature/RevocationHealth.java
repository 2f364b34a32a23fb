package org.kelisim.signature;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.kelisim.shared.LastContact;
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
    private final Map<Kind, Map<String, LastContact>> contacts = new EnumMap<>(Kind.class);

    RevocationHealth(Clock clock) {
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            contacts.put(kind, new ConcurrentHashMap<>());
        }
    }

    void answered(Kind kind, String address) {
        note(kind, address, LastContact.answered(clock.instant()));
    }

    void failed(Kind kind, String address, String reason) {
        note(kind, address, LastContact.failed(clock.instant(), reason));
    }

    /** UNKNOWN until asked; DOWN while any address's last attempt failed; UP otherwise. */
    Health health(Kind kind) {
        Map<String, LastContact> seen = new TreeMap<>(contacts.get(kind));
        if (seen.isEmpty()) {
            return Health.unknown().withDetail("reason", "not_asked_yet").build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean failing = false;
        for (var entry : seen.entrySet()) {
            failing |= entry.getValue().failing();
            details.put(entry.getKey(), entry.getValue().describe());
        }

        return (failing ? Health.down() : Health.up()).withDetails(details).build();
    }

    private void note(Kind kind, String address, LastContact contact) {
        Map<String, LastContact> byAddress = contacts.get(kind);
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            return;
        }
        byAddress.merge(address, contact, LastContact::then);
    }
}
