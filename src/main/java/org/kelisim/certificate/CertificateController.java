package org.kelisim.certificate;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.kelisim.identity.Masks;
import org.kelisim.signature.Party;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Downloads for the third party and the user, and verification for anyone (API.md). */
@RestController
class CertificateController {

    private final CertificateDocuments documents;
    private final CertificateVerification verification;
    private final CertificateProperties properties;
    private final MessageSource messages;

    CertificateController(CertificateDocuments documents, CertificateVerification verification,
            CertificateProperties properties, MessageSource messages) {
        this.documents = documents;
        this.verification = verification;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/requests/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> forRequester(@PathVariable UUID id, @AuthenticationPrincipal Party party) {
        return pdf(id, documents.forRequester(id, party));
    }

    @GetMapping(path = "/api/v1/me/requests/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> forSubject(@PathVariable UUID id, @AuthenticationPrincipal Party party) {
        return pdf(id, documents.forSubject(id, party));
    }

    /** The body is the PDF itself; a body larger than the configured limit is refused unread (413 too_large). */
    @PostMapping(path = "/api/v1/verification", consumes = MediaType.APPLICATION_PDF_VALUE)
    VerificationAnswer verify(HttpServletRequest request) throws IOException {
        long limit = properties.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new MaxUploadSizeExceededException(limit);
        }
        byte[] file = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (file.length > limit) {
            throw new MaxUploadSizeExceededException(limit);
        }

        return verification.verify(file);
    }

    /** Kept for integrators who use it; the POST below keeps the IIN/BIN out of URLs, and so out of access logs. */
    @GetMapping("/api/v1/verification/{documentNumber}")
    VerificationAnswer verify(@PathVariable String documentNumber, @RequestParam String iin) {
        return verification.verify(documentNumber, iin);
    }

    @PostMapping(path = "/api/v1/verification/{documentNumber}", consumes = MediaType.APPLICATION_JSON_VALUE)
    VerificationAnswer verify(@PathVariable String documentNumber, @RequestBody Identifier body) {
        return verification.verify(documentNumber, body == null ? null : body.iin());
    }

    /** The IIN or BIN of the document's subject or requester. */
    record Identifier(String iin) {

        @Override
        public String toString() {
            return "Identifier[" + Masks.identifier(iin) + "]";
        }
    }

    /**
     * Spring Boot's own problem-details handler (ordered first) would answer this without the {@code code}
     * property, so the controller answers it itself, in the shape of web/ProblemDetailsAdvice.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage("error.too_large", null, "too_large", locale));
        problem.setType(URI.create("https://kelisim.kz/problems/too-large"));
        problem.setProperty("code", "too_large");
        return problem;
    }

    private static ResponseEntity<byte[]> pdf(UUID id, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("kelisim-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
