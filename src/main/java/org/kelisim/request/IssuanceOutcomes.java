package org.kelisim.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** APPROVED becomes ISSUED or FAILED as the certificate module reports; a repeated report changes nothing. */
@Service
class IssuanceOutcomes implements RequestIssuance {

    private final Requests requests;
    private final Transitions transitions;
    private final Clock clock;

    IssuanceOutcomes(Requests requests, Transitions transitions, Clock clock) {
        this.requests = requests;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void issued(UUID requestId, String documentNumber) {
        Objects.requireNonNull(documentNumber, "documentNumber");
        var request = requests.lock(requestId).orElseThrow(RequestRefusedException::notFound);
        Instant now = clock.instant();

        if (request.issue(documentNumber, now)) {
            transitions.changed(request, now, "request.issued", null, null);
        }
    }

    @Override
    @Transactional
    public void failed(UUID requestId) {
        var request = requests.lock(requestId).orElseThrow(RequestRefusedException::notFound);
        Instant now = clock.instant();

        if (request.fail(now)) {
            transitions.changed(request, now, "request.failed", null, null);
        }
    }
}
