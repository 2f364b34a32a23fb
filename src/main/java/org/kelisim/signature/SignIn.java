package org.kelisim.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.kelisim.shared.DomainException;
import org.kelisim.shared.DomainException.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

/**
 * Sign-in by signed challenge (API.md): the client signs a nonce it was given, with an AUTH key that chains to the
 * trust profile and is neither expired nor revoked now; the nonce counts once; the answer is an access token acting
 * for the party in the certificate.
 */
@Service
class SignIn {

    private final CmsVerifier cms;
    private final XmlVerifier xml;
    private final CertificateTrust trust;
    private final Challenges challenges;
    private final AccessTokens tokens;
    private final SignInTrail trail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignIn(CmsVerifier cms, XmlVerifier xml, CertificateTrust trust, Challenges challenges, AccessTokens tokens,
            SignInTrail trail, TransactionTemplate transactions, Clock clock) {
        this.cms = cms;
        this.xml = xml;
        this.trust = trust;
        this.challenges = challenges;
        this.tokens = tokens;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
    }

    record SignedIn(AccessTokens.Issued token, Party party) {
    }

    /** Exactly one of {@code cmsBase64} and {@code xmlDocument}. */
    SignedIn signIn(String cmsBase64, String xmlDocument) {
        if ((cmsBase64 == null) == (xmlDocument == null)) {
            throw new DomainException("malformed_request", Kind.INVALID);
        }

        Answer answer = unauthenticated(() -> cmsBase64 != null ? fromCms(cmsBase64) : fromXml(xmlDocument));
        SigningCertificate signer = answer.signer().signer();
        if (!signer.canSignIn()) {
            throw new SignatureRejectedException("wrong_key_usage", Kind.UNAUTHENTICATED);
        }
        Party party = signer.party();
        Instant now = clock.instant();
        try {
            trust.check(signer.certificate(), answer.signer().carriedCertificates(), now, Kind.UNAUTHENTICATED);
        } catch (SignatureRejectedException refusal) {
            trail.refused(party, refusal);
            throw refusal;
        }

        try {
            AccessTokens.Issued token = transactions.execute(status -> {
                challenges.consume(answer.nonce());
                trail.signedIn(party);
                return tokens.issue(party);
            });
            return new SignedIn(token, party);
        } catch (SignatureRejectedException refusal) {
            trail.refused(party, refusal);
            throw refusal;
        }
    }

    private record Answer(String nonce, SignerEvidence signer) {
    }

    private Answer fromCms(String cmsBase64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(cmsBase64);
        } catch (IllegalArgumentException notBase64) {
            throw new SignatureRejectedException("signature_invalid", Kind.UNAUTHENTICATED, notBase64);
        }
        var verified = cms.verify(der, null);
        if (verified.signers().size() != 1) {
            throw new SignatureRejectedException("signature_invalid", Kind.UNAUTHENTICATED);
        }
        return new Answer(nonce(verified.content()), verified.signers().get(0));
    }

    /**
     * The nonce's bytes, as API.md says; a client that signed the base64 text of the nonce instead (some scripts do)
     * is understood too.
     */
    private static String nonce(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        if (content.length != 32 && text.matches("[A-Za-z0-9+/=]{40,64}")) {
            return text;
        }
        return Base64.getEncoder().encodeToString(content);
    }

    private Answer fromXml(String document) {
        var verified = xml.verify(document);
        Element root = verified.document().getDocumentElement();
        var nonces = root.getElementsByTagName("nonce");
        if (!"login".equals(root.getLocalName()) || nonces.getLength() != 1 || verified.signers().size() != 1) {
            throw new SignatureRejectedException("signature_invalid", Kind.UNAUTHENTICATED);
        }
        return new Answer(nonces.item(0).getTextContent().strip(), verified.signers().get(0));
    }

    private static <T> T unauthenticated(java.util.function.Supplier<T> verification) {
        try {
            return verification.get();
        } catch (SignatureRejectedException e) {
            throw e.kind() == Kind.UNAUTHENTICATED ? e
                    : new SignatureRejectedException(e.code(), Kind.UNAUTHENTICATED, e);
        }
    }
}
