package org.kelisim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.kelisim.signature.AccessTokens;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with EDS for the pages. The page's script asks the API for a challenge, has NCALayer sign it with the
 * person's AUTH key, and trades the CMS for an access token at {@code /api/v1/auth/token}, where the signature
 * module verifies it (chain, validity, revocation, key usage, the nonce counted once). The token is then handed in
 * here, over POST with the CSRF token, and the party it acts for is kept in a fresh session. Opening the session is
 * an entry of the audit trail of its own ({@code signin.session}, the key holder as actor, no subject: it touches
 * nobody else's data and stays out of the holder's "who asked about me"); the token's sign-in has one already.
 */
@Controller
class SignInPages {

    private static final Logger log = LoggerFactory.getLogger(SignInPages.class);

    private final AccessTokens tokens;
    private final PartySessions sessions;
    private final HttpSessionCsrfTokenRepository csrfTokens;
    private final WebProperties properties;
    private final AuditTrail audit;

    SignInPages(AccessTokens tokens, PartySessions sessions, HttpSessionCsrfTokenRepository csrfTokens,
            WebProperties properties, AuditTrail audit) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.properties = properties;
        this.audit = audit;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/signin")
    String signInPage(@RequestParam(required = false) String person, Model model) {
        model.addAttribute("chosenPerson", person == null ? "" : person);
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String accessToken,
            @RequestParam(required = false) String demoPerson, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Party party = tokens.party(accessToken).orElse(null);
        if (party == null) {
            model.addAttribute("error", "web.signin.failed");
            model.addAttribute("chosenPerson", demoPerson == null ? "" : demoPerson);
            return "signin";
        }

        // A new session id and a new CSRF token: whatever was known of the anonymous session opens nothing now.
        request.getSession();
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PartyAuthentication(party, properties.isOperator(party.iin())));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        if (demoPerson != null && demoPerson.matches("[a-z0-9-]{1,40}")) {
            request.getSession().setAttribute(PageModel.DEMO_PERSON, demoPerson);
        }
        // Spring Session writes the session when the response is committed, outside any transaction of ours: the
        // entry cannot share one with it, and is written first.
        audit.record(new AuditEvent("signin.session", party.iin(), party.name(), null, null, "ok"));
        log.info("Page session opened for {}", party);
        return party.isLegalEntity() ? "redirect:/requests" : "redirect:/cabinet";
    }
}
