package org.kelisim.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an OCSP response (RFC 6960) for one certificate: the response must be signed by the issuer or by a responder
 * the issuer delegated (EKU id-kp-OCSPSigning), echo the nonce when one was sent, and be fresh; otherwise it tells
 * nothing.
 */
final class OcspAnswers {

    private static final Logger log = LoggerFactory.getLogger(OcspAnswers.class);

    private static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(CmsVerifier.BC).build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private OcspAnswers() {
    }

    /** The id of a request: SHA-256, as NCA RK's responder answers. */
    static CertificateID certificateId(X509Certificate issuer, BigInteger serial) {
        try {
            return new CertificateID(DIGESTS.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)), new X509CertificateHolder(
                    issuer.getEncoded()), serial);
        } catch (OCSPException | OperatorCreationException | IOException
                | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("OCSP certificate id", e);
        }
    }

    /** Whether a stored response speaks about this certificate id at all. */
    static boolean mentions(byte[] encoded, X509Certificate certificate, X509Certificate issuer) {
        try {
            if (new OCSPResp(encoded).getResponseObject() instanceof BasicOCSPResp basic) {
                var issuerHolder = new X509CertificateHolder(issuer.getEncoded());
                for (SingleResp single : basic.getResponses()) {
                    if (concerns(single.getCertID(), certificate, issuerHolder)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | OCSPException | java.security.cert.CertificateEncodingException
                | RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean concerns(CertificateID id, X509Certificate certificate, X509CertificateHolder issuer)
            throws OCSPException {
        return id.getSerialNumber().equals(certificate.getSerialNumber()) && id.matchesIssuer(issuer, DIGESTS);
    }

    /**
     * @param nonce the nonce sent, or {@code null} for a stored answer (which cannot echo it)
     * @param now the real time, for freshness; {@code null} for a stored answer judged as of {@code moment}
     */
    static Optional<RevocationAnswer> read(byte[] encoded, X509Certificate certificate, X509Certificate issuer,
            Instant moment, byte[] nonce, Instant now, Duration maxAge, String origin) {
        try {
            OCSPResp response = new OCSPResp(encoded);
            if (response.getStatus() != OCSPResp.SUCCESSFUL
                    || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                log.warn("OCSP responder {} answered with status {}", origin, response.getStatus());
                return Optional.empty();
            }
            if (!signedByIssuerOrDelegate(basic, issuer)) {
                log.warn("OCSP response from {} is not signed by the issuer or its responder", origin);
                return Optional.empty();
            }
            if (nonce != null && !nonceMatches(basic, nonce)) {
                log.warn("OCSP response from {} does not echo the nonce", origin);
                return Optional.empty();
            }
            return answer(basic, certificate, new X509CertificateHolder(issuer.getEncoded()), moment, now, maxAge,
                    origin);
        } catch (IOException | OCSPException | java.security.cert.CertificateEncodingException
                | RuntimeException e) {
            log.warn("OCSP response from {} unreadable: {}", origin, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<RevocationAnswer> answer(BasicOCSPResp basic, X509Certificate certificate,
            X509CertificateHolder issuer, Instant moment, Instant now, Duration maxAge, String origin)
            throws OCSPException {
        for (SingleResp single : basic.getResponses()) {
            if (!concerns(single.getCertID(), certificate, issuer)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (now != null && !fresh(thisUpdate, nextUpdate, now, maxAge)) {
                log.warn("OCSP response from {} is stale (thisUpdate {})", origin, thisUpdate);
                return Optional.empty();
            }
            if (now == null && thisUpdate.isBefore(moment) && nextUpdate != null && nextUpdate.isBefore(moment)) {
                return Optional.empty();
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return Optional.of(RevocationAnswer.good(RevocationAnswer.Source.OCSP, origin));
            }
            if (status instanceof RevokedStatus revoked) {
                Instant at = revoked.getRevocationTime().toInstant();
                // NCA RK's test responder says "revoked at 1970-01-01" for a certificate it does not know.
                if (at.equals(Instant.EPOCH)) {
                    return Optional.empty();
                }
                return Optional.of(at.isAfter(moment)
                        ? RevocationAnswer.good(RevocationAnswer.Source.OCSP, origin)
                        : RevocationAnswer.revoked(at, RevocationAnswer.Source.OCSP, origin));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** RFC 6960 §3.2 and §4.2.2.1: not from the future, and not past nextUpdate (or older than maxAge without one). */
    static boolean fresh(Instant thisUpdate, Instant nextUpdate, Instant now, Duration maxAge) {
        Duration skew = Duration.ofMinutes(5);
        if (thisUpdate.isAfter(now.plus(skew))) {
            return false;
        }
        return nextUpdate != null ? !nextUpdate.isBefore(now.minus(skew)) : !thisUpdate.isBefore(now.minus(maxAge));
    }

    private static boolean nonceMatches(BasicOCSPResp basic, byte[] nonce) {
        var extension = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (extension == null) {
            return false;
        }
        byte[] value = extension.getExtnValue().getOctets();
        byte[] echoed;
        try {
            echoed = ASN1OctetString.getInstance(value).getOctets();
        } catch (IllegalArgumentException rawNonce) {
            echoed = value;
        }
        return Arrays.equals(echoed, nonce) || Arrays.equals(value, nonce);
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer)
            throws OCSPException, IOException {
        X509CertificateHolder issuerHolder;
        try {
            issuerHolder = new X509CertificateHolder(issuer.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
        if (basic.isSignatureValid(CmsVerifier.verifierProvider(issuerHolder))) {
            return true;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            if (responder.getIssuer().equals(issuerHolder.getSubject())
                    && responder.isValidOn(basic.getProducedAt())
                    && delegated(responder)
                    && signedBy(responder, issuerHolder)
                    && basic.isSignatureValid(CmsVerifier.verifierProvider(responder))) {
                return true;
            }
        }
        return false;
    }

    private static boolean delegated(X509CertificateHolder responder) {
        var usage = org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        return usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(CmsVerifier.verifierProvider(issuer));
        } catch (org.bouncycastle.cert.CertException e) {
            return false;
        }
    }
}
