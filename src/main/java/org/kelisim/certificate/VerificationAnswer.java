package org.kelisim.certificate;

import java.time.Instant;
import org.kelisim.certificate.DocumentVerifier.Verification;
import org.kelisim.identity.Masks;
import org.kelisim.request.CertificateType;

/**
 * What a verifier learns (API.md, verification): whether the file is authentic and why; for an authentic one, which
 * document it is, whose seal is on it, and the subject's IIN masked. Nothing about a file that is not authentic.
 */
record VerificationAnswer(boolean authentic, String reason, String documentNumber, CertificateType certificate,
        Instant issuedAt, String signer, String subjectIin) {

    static VerificationAnswer of(Verification verification) {
        if (!verification.authentic() || verification.document().isEmpty()) {
            return new VerificationAnswer(false, verification.finding().code(), null, null, null, null, null);
        }
        var document = verification.document().get();
        return new VerificationAnswer(true, verification.finding().code(), document.documentNumber(),
                document.type(), document.issuedAt(), verification.signer(),
                Masks.identifier(document.subjectIin()));
    }
}
