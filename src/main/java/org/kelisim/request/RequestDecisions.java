package org.kelisim.request;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's side of a request, for the consent module: the requests about a person and their answer. A request is
 * decided once: answers lock the request, the first valid one wins, later and late ones change nothing and are told
 * so. Every answer, counted or not, is recorded in the audit trail.
 */
@Service
public class RequestDecisions {

    /** How many of a phone's newest requests an SMS answer is matched against. */
    private static final int SMS_CANDIDATES = 50;

    private final Requests requests;
    private final Transitions transitions;
    private final AuditTrail audit;
    private final RequestProperties properties;

    RequestDecisions(Requests requests, Transitions transitions, AuditTrail audit, RequestProperties properties) {
        this.requests = requests;
        this.transitions = transitions;
        this.audit = audit;
        this.properties = properties;
    }

    /** Where an answer came from: the personal cabinet or a reply SMS. */
    public enum Channel {
        CABINET, SMS
    }

    /**
     * How an answer ended. {@link Result#NOT_FOUND} also when the request is about someone else; then
     * {@code request} is {@code null}.
     */
    public record Decision(Result result, RequestView request) {

        public Decision {
            Objects.requireNonNull(result, "result");
        }
    }

    public enum Result {
        ALLOWED, REFUSED, ALREADY_DECIDED, DEADLINE_PASSED, NOT_FOUND
    }

    /**
     * The person's answer to a request about them. An answer at or after the deadline expires the request.
     *
     * @param answerer the person answering: the request counts only when it is about them
     * @param at when the answer arrived, the moment the deadline is checked against
     */
    @Transactional
    public Decision decide(UUID requestId, Iin answerer, boolean allow, Channel channel, Instant at) {
        String action = "consent." + channel.name().toLowerCase(Locale.ROOT) + (allow ? ".allow" : ".deny");
        var request = requests.lock(requestId).orElse(null);
        if (request == null || !request.subject().equals(answerer)) {
            // Someone else's request: the attempt shows in that person's access log, the answerer learns nothing.
            audit.record(new AuditEvent(action, answerer.value(), null,
                    request == null ? null : request.subject().value(), requestId, "not_yours"));
            return new Decision(Result.NOT_FOUND, null);
        }
        if (request.status() == RequestStatus.AWAITING_CONSENT && request.isOverdue(at)) {
            transitions.expire(request, at);
        }

        try {
            if (allow) {
                request.approve(at);
            } else {
                request.deny(at);
            }
        } catch (RequestRefusedException refused) {
            audit.record(new AuditEvent(action, answerer.value(), null, answerer.value(), requestId,
                    refused.code()));
            return new Decision("deadline_passed".equals(refused.code()) ? Result.DEADLINE_PASSED
                    : Result.ALREADY_DECIDED, request.view());
        }
        transitions.changed(request, at, action, answerer.value(), null);
        return new Decision(allow ? Result.ALLOWED : Result.REFUSED, request.view());
    }

    /** Requests about the person, newest first («Входящие» of the cabinet). */
    @Transactional(readOnly = true)
    public RequestPage about(Iin subject, int page) {
        int size = properties.pageSize();
        int from = Math.max(page, 0);

        var items = requests.about(subject, (long) from * size, size).stream().map(CertificateRequest::view).toList();
        return new RequestPage(items, from, size, requests.countAbout(subject));
    }

    /**
     * The newest requests whose SMS went to this phone (as BMG held it when each was made), newest first. The caller
     * checks that BMG still holds this phone for each request's person.
     */
    @Transactional(readOnly = true)
    public List<RequestView> smsSentTo(String phone) {
        String normalized = Phones.normalize(phone);
        if (normalized == null) {
            return List.of();
        }

        return requests.withSmsPhone(normalized, SMS_CANDIDATES).stream().map(CertificateRequest::view).toList();
    }
}
