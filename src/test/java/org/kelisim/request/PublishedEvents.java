package org.kelisim.request;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Records the request events as they are published, from any thread. */
@TestComponent
public class PublishedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(RequestSubmitted event) {
        events.add(event);
    }

    @EventListener
    void on(RequestStatusChanged event) {
        events.add(event);
    }

    public List<RequestStatusChanged> statusChangesOf(UUID requestId) {
        return events.stream()
                .filter(RequestStatusChanged.class::isInstance)
                .map(RequestStatusChanged.class::cast)
                .filter(event -> event.requestId().equals(requestId))
                .toList();
    }

    public List<RequestSubmitted> submissionsOf(UUID requestId) {
        return events.stream()
                .filter(RequestSubmitted.class::isInstance)
                .map(RequestSubmitted.class::cast)
                .filter(event -> event.requestId().equals(requestId))
                .toList();
    }
}
