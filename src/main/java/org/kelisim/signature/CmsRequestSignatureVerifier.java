package org.kelisim.signature;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.kelisim.shared.DomainException.Kind;
import org.springframework.stereotype.Component;

/**
 * The {@link RequestSignatureVerifier} of DESIGN.md's rules, in the order API.md lists the refusals: the CMS must
 * verify over exactly the expected content; one signer must be the signed-in party (IIN, and BIN for a legal
 * entity); that signer's key must be a signing key; a legal entity's signer needs the first-head or signing-right
 * role; the certificate must chain to the trust profile and be valid and not revoked at the moment.
 */
@Component
class CmsRequestSignatureVerifier implements RequestSignatureVerifier {

    private final CmsVerifier cms;
    private final CertificateTrust trust;

    CmsRequestSignatureVerifier(CmsVerifier cms, CertificateTrust trust) {
        this.cms = cms;
        this.trust = trust;
    }

    @Override
    public void verify(byte[] signature, byte[] expectedContent, Party signedIn, Instant moment) {
        Objects.requireNonNull(expectedContent, "expectedContent");
        Objects.requireNonNull(signedIn, "signedIn");
        Objects.requireNonNull(moment, "moment");

        var verified = cms.verify(signature, expectedContent);
        if (!Arrays.equals(verified.content(), expectedContent)) {
            throw new SignatureRejectedException("signature_invalid", Kind.UNPROCESSABLE);
        }
        SignerEvidence signer = verified.signers().stream()
                .filter(evidence -> signedIn.iin().equals(evidence.signer().iin())
                        && Objects.equals(signedIn.bin(), evidence.signer().bin()))
                .findFirst()
                .orElseThrow(() -> new SignatureRejectedException("signer_mismatch", Kind.UNPROCESSABLE));
        SigningCertificate certificate = signer.signer();
        if (!certificate.canSign()) {
            throw new SignatureRejectedException("wrong_key_usage", Kind.UNPROCESSABLE);
        }
        if (certificate.isLegalEntity() && !certificate.roles().contains(Role.FIRST_HEAD)
                && !certificate.roles().contains(Role.SIGNING_RIGHT)) {
            throw new SignatureRejectedException("no_signing_right", Kind.UNPROCESSABLE);
        }

        trust.check(certificate.certificate(), signer.carriedCertificates(), moment, Kind.UNPROCESSABLE);
    }
}
