package org.kelisim.web;

import java.time.Clock;
import java.util.UUID;
import org.kelisim.audit.AuditTrail;
import org.kelisim.consent.Cabinet;
import org.kelisim.identity.Iin;
import org.kelisim.shared.DomainException;
import org.kelisim.signature.Party;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's cabinet: the requests about the signed-in person with allow and refuse, and «who asked about me» from
 * the audit trail. Only requests about the signed-in IIN are shown or decided ({@link Cabinet} checks it).
 */
@Controller
class CabinetPages {

    private static final int LOG_PAGE = 50;

    private final Cabinet cabinet;
    private final AuditTrail audit;
    private final Clock clock;

    CabinetPages(Cabinet cabinet, AuditTrail audit, Clock clock) {
        this.cabinet = cabinet;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/cabinet")
    String cabinet(@AuthenticationPrincipal Party party, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", cabinet.requestsAbout(Iin.of(party.iin()), page));
        // The countdown runs from the server's time: a wrong clock on the phone does not move the deadline.
        model.addAttribute("now", clock.instant());
        return "cabinet/requests";
    }

    @PostMapping("/cabinet/{id}/decision")
    String decide(@AuthenticationPrincipal Party party, @PathVariable UUID id, @RequestParam boolean allow,
            RedirectAttributes redirect) {
        try {
            var request = cabinet.decide(Iin.of(party.iin()), id, allow);
            redirect.addFlashAttribute("notice", "web.cabinet.decided." + request.status().name());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("failure", "error." + refused.code());
        }
        return "redirect:/cabinet";
    }

    @GetMapping("/cabinet/access-log")
    String accessLog(@AuthenticationPrincipal Party party, @RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.min(Math.max(page, 0), Integer.MAX_VALUE / LOG_PAGE);
        model.addAttribute("entries", audit.about(party.iin(), from * LOG_PAGE, LOG_PAGE));
        model.addAttribute("total", audit.countAbout(party.iin()));
        model.addAttribute("pageNumber", from);
        return "cabinet/access-log";
    }
}
