package org.kelisim.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins the parts of concatenated SMS as they arrive, in any order. The parts of one message arrive over one SMPP
 * session, so they are held in memory; a message whose parts stop coming is dropped after {@code patience}.
 */
final class Concatenation {

    private final Duration patience;
    private final Map<String, Pending> pending = new HashMap<>();

    Concatenation(Duration patience) {
        this.patience = patience;
    }

    /**
     * @param origin tells apart the messages of different senders (and receivers) that use the same reference
     * @return the whole text once the last missing part has arrived
     */
    synchronized Optional<String> add(String origin, ShortMessages.Segment segment, Instant now) {
        if (segment.whole()) {
            return Optional.of(segment.text());
        }
        pending.values().removeIf(message -> message.started.plus(patience).isBefore(now));

        String key = origin + "/" + segment.reference() + "/" + segment.total();
        var message = pending.computeIfAbsent(key, k -> new Pending(now));
        message.parts.put(segment.number(), segment.text());
        if (message.parts.size() < segment.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(String.join("", message.parts.values()));
    }

    private static final class Pending {
        final Instant started;
        final TreeMap<Integer, String> parts = new TreeMap<>();

        Pending(Instant started) {
            this.started = started;
        }
    }
}
