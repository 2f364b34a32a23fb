package org.kelisim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kelisim.shared.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a page is answered with a page in the reader's language, with the status of the API's problem
 * details (a request of another party is "not found", as in the API). Ordered before the API's problem details.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {RequestPages.class, CabinetPages.class})
class PageErrors {

    private final PageModel pages;

    PageErrors(PageModel pages) {
        this.pages = pages;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(ProblemDetailsAdvice.status(e.kind()).value());
        pages.common(model, request);
        model.addAttribute("message", "error." + e.code());
        model.addAttribute("code", e.code());
        model.addAttribute("here", "/");
        return "refused";
    }
}
