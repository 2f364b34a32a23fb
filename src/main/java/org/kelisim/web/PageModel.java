package org.kelisim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.kelisim.signature.Party;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows around its content: who is signed in, where NCALayer is, the page's own address. */
@ControllerAdvice(assignableTypes = {SignInPages.class, RequestPages.class, CabinetPages.class,
    VerificationPages.class, DemoPages.class, OperatorPages.class})
class PageModel {

    static final String DEMO_PERSON = "kelisim.demoPerson";

    private final WebProperties properties;
    private final boolean demo;

    PageModel(WebProperties properties, Environment environment) {
        this.properties = properties;
        this.demo = environment.getProperty("kelisim.demo.enabled", Boolean.class, true);
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("party", party());
        model.addAttribute("operator", isOperator());
        model.addAttribute("demo", demo);
        model.addAttribute("here", request.getRequestURI());
        model.addAttribute("timeZone", properties.timeZone().getId());
        model.addAttribute("ncalayerUrl", ncalayerUrl());
        model.addAttribute("ncalayerInstallUrl", properties.ncalayerInstallUrl().toString());
        HttpSession session = request.getSession(false);
        Object person = session == null ? null : session.getAttribute(DEMO_PERSON);
        model.addAttribute("demoPerson", person == null ? "" : person);
    }

    /** In embedded mode the application's own NCALayer-compatible signer, unless a real NCALayer is configured. */
    String ncalayerUrl() {
        if (properties.ncalayerUrl() != null) {
            return properties.ncalayerUrl().toString();
        }
        return demo ? "/demo/ncalayer" : WebProperties.NCALAYER.toString();
    }

    static Party party() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Party party ? party : null;
    }

    private static boolean isOperator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority()));
    }
}
