package org.kelisim.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * «Проверка документа», for anyone: by the PDF itself, or by the number and the IIN/BIN; the QR code of a certificate
 * opens {@code /verify/<documentNumber>}. The page's script asks {@code /api/v1/verification}, so the verdict is the
 * certificate module's own.
 */
@Controller
class VerificationPages {

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("number", "");
        return "verify";
    }

    @GetMapping("/verify/{documentNumber}")
    String byQrCode(@PathVariable String documentNumber, Model model) {
        model.addAttribute("number", documentNumber.length() > 64 ? "" : documentNumber);
        model.addAttribute("here", "/verify");
        return "verify";
    }
}
