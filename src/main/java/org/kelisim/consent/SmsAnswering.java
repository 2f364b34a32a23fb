package org.kelisim.consent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.request.Phones;
import org.kelisim.request.RequestDecisions;
import org.kelisim.request.RequestDecisions.Channel;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestView;
import org.springframework.stereotype.Service;

/**
 * Reply SMS to requests (DESIGN.md, rules): an answer counts only from the phone BMG holds for the request's person,
 * for that person's pending request, before the deadline. The request is found by the phone its SMS went to and the
 * code the answer repeats; without a code, only when exactly one request of that phone is pending.
 */
@Service
class SmsAnswering implements SmsAnswers {

    private final RequestDecisions decisions;
    private final MobileCitizens mobileCitizens;
    private final AuditTrail audit;

    SmsAnswering(RequestDecisions decisions, MobileCitizens mobileCitizens, AuditTrail audit) {
        this.decisions = decisions;
        this.mobileCitizens = mobileCitizens;
        this.audit = audit;
    }

    @Override
    public Outcome answer(String phone, String text, Instant receivedAt) {
        var candidates = requestsOfThisPhone(phone);
        if (candidates.isEmpty()) {
            audit.record(new AuditEvent("consent.sms", null, null, null, null, "unknown_phone"));
            return new Outcome(Result.UNKNOWN_PHONE, null);
        }
        var answer = SmsAnswer.parse(text);
        if (answer.isEmpty()) {
            recordForEachPerson(candidates, "consent.sms", "not_understood");
            return new Outcome(Result.NOT_UNDERSTOOD, null);
        }
        String action = answer.get().allow() ? "consent.sms.allow" : "consent.sms.deny";
        var target = answer.get().code() == null ? onlyPending(candidates) : withCode(candidates, answer.get().code());
        if (target.isEmpty()) {
            recordForEachPerson(candidates, action,
                    answer.get().code() == null ? "code_required" : "unknown_code");
            return new Outcome(Result.UNKNOWN_CODE, null);
        }

        RequestView request = target.get();
        var decision = decisions.decide(request.id(), request.subject(), answer.get().allow(), Channel.SMS,
                receivedAt);
        return new Outcome(switch (decision.result()) {
            case ALLOWED -> Result.ALLOWED;
            case REFUSED -> Result.REFUSED;
            case ALREADY_DECIDED -> Result.ALREADY_DECIDED;
            case DEADLINE_PASSED -> Result.TOO_LATE;
            case NOT_FOUND -> Result.UNKNOWN_CODE;
        }, request.code());
    }

    /** Requests whose SMS went to this phone, and whose person BMG still links to it. */
    private List<RequestView> requestsOfThisPhone(String phone) {
        String from = Phones.normalize(phone);
        if (from == null) {
            return List.of();
        }
        Map<Iin, Boolean> holdsPhone = new HashMap<>();

        return decisions.smsSentTo(from).stream()
                .filter(request -> holdsPhone.computeIfAbsent(request.subject(),
                        subject -> mobileCitizens.phoneOf(subject).map(Phones::normalize)
                                .filter(from::equals).isPresent()))
                .toList();
    }

    /** A pending request with this code; else the newest with it, so a late or repeated answer is told so. */
    private static Optional<RequestView> withCode(List<RequestView> candidates, String code) {
        var withCode = candidates.stream().filter(request -> request.code().equals(code)).toList();

        return withCode.stream().filter(request -> request.status() == RequestStatus.AWAITING_CONSENT).findFirst()
                .or(() -> withCode.stream().findFirst());
    }

    /**
     * The one pending request when the code was left out; the newest request when none is pending, so that an
     * answer to an expired or decided one is told so; nothing when several are pending.
     */
    private static Optional<RequestView> onlyPending(List<RequestView> candidates) {
        var pending = candidates.stream().filter(request -> request.status() == RequestStatus.AWAITING_CONSENT)
                .toList();

        if (pending.size() == 1) {
            return Optional.of(pending.get(0));
        }
        return pending.isEmpty() ? candidates.stream().findFirst() : Optional.empty();
    }

    private void recordForEachPerson(List<RequestView> candidates, String action, String outcome) {
        Set<Iin> people = candidates.stream().map(RequestView::subject).collect(Collectors.toSet());
        people.forEach(person -> audit.record(new AuditEvent(action, person.value(), null, person.value(), null,
                outcome)));
    }
}
