package org.kelisim.consent;

import java.time.Clock;
import java.util.UUID;
import org.kelisim.identity.Iin;
import org.kelisim.request.RequestDecisions;
import org.kelisim.request.RequestDecisions.Channel;
import org.kelisim.request.RequestPage;
import org.kelisim.request.RequestRefusedException;
import org.kelisim.request.RequestView;
import org.springframework.stereotype.Service;

/** The user's personal cabinet: the requests about them, and their answer to one. */
@Service
public class Cabinet {

    private final RequestDecisions decisions;
    private final Clock clock;

    Cabinet(RequestDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Requests about the person, newest first. */
    public RequestPage requestsAbout(Iin me, int page) {
        return decisions.about(me, page);
    }

    /**
     * Allows or refuses a request about the person; the answer is recorded in the audit trail even when refused.
     *
     * @return the request with its new status
     * @throws RequestRefusedException {@code request_not_found} also when the request is about someone else;
     *     {@code already_decided}; {@code deadline_passed} (the request is then EXPIRED)
     */
    public RequestView decide(Iin me, UUID requestId, boolean allow) {
        var decision = decisions.decide(requestId, me, allow, Channel.CABINET, clock.instant());

        return switch (decision.result()) {
            case ALLOWED, REFUSED -> decision.request();
            case ALREADY_DECIDED -> throw RequestRefusedException.alreadyDecided();
            case DEADLINE_PASSED -> throw RequestRefusedException.deadlinePassed();
            case NOT_FOUND -> throw RequestRefusedException.notFound();
        };
    }
}
