package org.kelisim.web;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.kelisim.request.CertificateType;
import org.kelisim.request.DraftCreated;
import org.kelisim.request.Registration;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestView;
import org.kelisim.request.ThirdPartyRequests;
import org.kelisim.shared.DomainException;
import org.kelisim.signature.Party;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The third party's three steps (DESIGN.md): «Запросы» (check the IIN, choose a certificate), «Подписание услуги»
 * (sign with NCALayer), «Статус»; then «История получения услуг» and «Входящие». The IIN travels in POST bodies only.
 * Every call goes to {@link ThirdPartyRequests}, which shows a party its own requests only.
 */
@Controller
class RequestPages {

    private final ThirdPartyRequests requests;

    RequestPages(ThirdPartyRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/requests")
    String step1(Model model) {
        model.addAttribute("iin", "");
        return "requests/step1";
    }

    @PostMapping("/requests/check")
    String check(@AuthenticationPrincipal Party party, @RequestParam(defaultValue = "") String iin, Model model) {
        model.addAttribute("here", "/requests");
        model.addAttribute("iin", iin.strip());
        try {
            Registration registration = requests.checkRegistration(party, iin);
            model.addAttribute("registration", registration);
            model.addAttribute("certificates", CertificateType.values());
        } catch (DomainException refused) {
            model.addAttribute("iinError", "error." + refused.code());
        }
        return "requests/step1";
    }

    @PostMapping("/requests/draft")
    String draft(@AuthenticationPrincipal Party party, @RequestParam(defaultValue = "") String iin,
            @RequestParam(defaultValue = "") String certificate, Model model) {
        model.addAttribute("here", "/requests");
        model.addAttribute("iin", iin.strip());
        try {
            DraftCreated draft = requests.draft(party, iin, certificate);
            model.addAttribute("draft", draft);
            model.addAttribute("certificate", CertificateType.valueOf(certificate));
            model.addAttribute("dataToSign", Base64.getEncoder().encodeToString(draft.dataToSign()));
            return "requests/step2";
        } catch (DomainException refused) {
            model.addAttribute("iinError", "error." + refused.code());
            return "requests/step1";
        }
    }

    @PostMapping("/requests/submit")
    String submit(@AuthenticationPrincipal Party party, @RequestParam UUID draftId,
            @RequestParam(defaultValue = "") String cms, Model model) {
        try {
            RequestView request = requests.submit(party, draftId, Base64.getMimeDecoder().decode(cms));
            return "redirect:/requests/" + request.id();
        } catch (DomainException | IllegalArgumentException refused) {
            model.addAttribute("here", "/requests");
            model.addAttribute("iin", "");
            model.addAttribute("iinError", refused instanceof DomainException domain
                    ? "error." + domain.code() : "error.signature_invalid");
            return "requests/step1";
        }
    }

    @GetMapping("/requests/{id}")
    String step3(@AuthenticationPrincipal Party party, @PathVariable UUID id, Model model) {
        model.addAttribute("request", requests.find(party, id));
        return "requests/step3";
    }

    /** What the status page's script polls, so the status changes without reloading. */
    @GetMapping("/requests/{id}/status")
    @ResponseBody
    Map<String, Object> status(@AuthenticationPrincipal Party party, @PathVariable UUID id) {
        RequestView request = requests.find(party, id);
        return Map.of("status", request.status().name(), "final", request.status().isFinal());
    }

    @GetMapping("/history")
    String history(@AuthenticationPrincipal Party party, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        RequestStatus chosen = null;
        for (RequestStatus candidate : RequestStatus.values()) {
            chosen = candidate.name().equals(status) ? candidate : chosen;
        }
        model.addAttribute("page", requests.history(party, chosen, page));
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("chosen", chosen == null ? "" : chosen.name());
        return "requests/history";
    }

    @GetMapping("/inbox")
    String inbox() {
        return "requests/inbox";
    }
}
