package org.kelisim.web;

import java.util.List;
import org.kelisim.registry.DemoPeople;
import org.kelisim.registry.DemoPeople.DemoPerson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Embedded mode only: the demo people with their keys, «sign in as», and a phone per person showing the SMS it got,
 * with a box to answer, so the whole flow can be tried in one browser.
 */
@Controller
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoPages {

    private final ObjectProvider<DemoPeople> people;

    DemoPages(ObjectProvider<DemoPeople> people) {
        this.people = people;
    }

    @GetMapping("/demo")
    String demo(Model model) {
        DemoPeople demoPeople = people.orderedStream().findFirst().orElse(null);
        List<DemoPerson> featured = demoPeople == null ? List.of()
                : demoPeople.persons().stream().filter(DemoPerson::featured).toList();
        model.addAttribute("persons", featured);
        model.addAttribute("organisations", demoPeople == null ? List.of() : demoPeople.organisations());
        return "demo";
    }
}
