package org.kelisim.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kelisim.notification.SmsQueue;
import org.kelisim.request.RequestCounts;
import org.kelisim.request.RequestStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The operator's page (operators are the IINs in {@code kelisim.web.operators}): requests by status, the SMS queue
 * and this node's SMPP session, and the health of each part the service leans on (database, registries, OCSP, CRL,
 * SMS centre), with what each indicator says about it. Numbers and addresses only: nothing about anyone.
 */
@Controller
class OperatorPages {

    /** The parts the service cannot work without come first, in the order a request meets them. */
    private static final List<String> FIRST = List.of("db", "registries", "ocsp", "crl", "smsCentre");

    private final ObjectProvider<HealthContributorRegistry> health;
    private final RequestCounts requests;
    private final SmsQueue sms;
    private final PageTimes times;

    OperatorPages(ObjectProvider<HealthContributorRegistry> health, RequestCounts requests, SmsQueue sms,
            PageTimes times) {
        this.health = health;
        this.requests = requests;
        this.sms = sms;
        this.times = times;
    }

    /** One part's state ({@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE} or {@code UNKNOWN}) and its details. */
    record PartHealth(String name, String status, List<Fact> facts) {
    }

    /** One line of an indicator's details: about what (a registry, an address, or the part itself), and what. */
    record Fact(String subject, List<Map.Entry<String, String>> values) {
    }

    @GetMapping("/operator")
    String operator(Model model) {
        model.addAttribute("parts", parts());
        model.addAttribute("requests", requests.byStatus());
        model.addAttribute("sms", sms.counts());
        model.addAttribute("smsBound", sms.bound());
        return "operator";
    }

    /**
     * What the page's script refreshes every few seconds, and what a monitoring script may read with an operator's
     * token: counts and states, no details.
     */
    @GetMapping(path = "/api/v1/operator/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Summary summary() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts().forEach(part -> parts.put(part.name(), part.status()));
        var counts = sms.counts();
        return new Summary(requests.byStatus(), new SmsSummary(counts.pending(), counts.sent(), counts.gaveUp(),
                sms.bound()), parts);
    }

    /** Requests by status, the SMS queue, and each part's state by name. */
    record Summary(Map<RequestStatus, Long> requests, SmsSummary sms, Map<String, String> parts) {
    }

    record SmsSummary(long pending, long sent, long gaveUp, boolean bound) {
    }

    private List<PartHealth> parts() {
        List<PartHealth> parts = new ArrayList<>();
        HealthContributorRegistry registry = health.getIfAvailable();
        if (registry != null) {
            registry.stream()
                    .filter(entry -> entry.contributor() instanceof HealthIndicator)
                    .forEach(entry -> parts.add(part(entry.name(), ((HealthIndicator) entry.contributor()).health())));
        }
        parts.sort(Comparator.comparingInt((PartHealth part) -> rank(part.name())).thenComparing(PartHealth::name));
        return parts;
    }

    private static int rank(String name) {
        int index = FIRST.indexOf(name);
        return index < 0 ? FIRST.size() : index;
    }

    private PartHealth part(String name, Health health) {
        List<Fact> facts = new ArrayList<>();
        List<Map.Entry<String, String>> own = new ArrayList<>();
        health.getDetails().forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                List<Map.Entry<String, String>> values = new ArrayList<>();
                nested.forEach((k, v) -> values.add(Map.entry(String.valueOf(k), shown(String.valueOf(k), v))));
                facts.add(new Fact(key, values));
            } else {
                own.add(Map.entry(key, shown(key, value)));
            }
        });
        if (!own.isEmpty()) {
            facts.add(0, new Fact("", own));
        }
        return new PartHealth(name, health.getStatus().getCode(), facts);
    }

    /** Moments ({@code lastAnswer}, {@code lastFailure}, ...) in the page's zone; everything else as it came. */
    private String shown(String key, Object value) {
        String text = String.valueOf(value);
        if (!key.startsWith("last")) {
            return text;
        }
        try {
            return times.format(Instant.parse(text));
        } catch (DateTimeParseException notAMoment) {
            return text;
        }
    }
}
