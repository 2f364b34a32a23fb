package org.kelisim.web;

import java.util.ArrayList;
import java.util.List;
import org.kelisim.notification.SmsQueue;
import org.kelisim.request.RequestCounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator's page (operators are the IINs in {@code kelisim.web.operators}): requests by status, the SMS queue
 * and this node's SMPP session, and the health of each part the service leans on, as their health indicators report
 * it. Numbers only: nothing about anyone.
 */
@Controller
class OperatorPages {

    private final ObjectProvider<HealthContributorRegistry> health;
    private final RequestCounts requests;
    private final SmsQueue sms;

    OperatorPages(ObjectProvider<HealthContributorRegistry> health, RequestCounts requests, SmsQueue sms) {
        this.health = health;
        this.requests = requests;
        this.sms = sms;
    }

    /** One part's state: {@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE} or {@code UNKNOWN}. */
    record PartHealth(String name, String status) {
    }

    @GetMapping("/operator")
    String operator(Model model) {
        List<PartHealth> parts = new ArrayList<>();
        HealthContributorRegistry registry = health.getIfAvailable();
        if (registry != null) {
            registry.stream()
                    .filter(entry -> entry.contributor() instanceof HealthIndicator)
                    .forEach(entry -> parts.add(new PartHealth(entry.name(),
                            ((HealthIndicator) entry.contributor()).health(false).getStatus().getCode())));
        }
        model.addAttribute("parts", parts);
        model.addAttribute("requests", requests.byStatus());
        model.addAttribute("sms", sms.counts());
        model.addAttribute("smsBound", sms.bound());
        return "operator";
    }
}
