package org.kelisim.signature;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.kelisim.shared.DomainException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a certificate is trusted at a moment: valid then, chained by the JDK's PKIX builder to an anchor of
 * the profile (Kazakh GOST signatures checked through {@link KazakhGostProvider}), and not revoked then, as the first
 * revocation source that can tell says. Built paths are kept per certificate (validity is re-checked for each moment);
 * revocation answers are kept by the sources.
 */
final class CertificateTrust {

    private static final Logger log = LoggerFactory.getLogger(CertificateTrust.class);

    static {
        KazakhGostProvider.install();
    }

    private final TrustProfile profile;
    private final Map<String, List<X509Certificate>> paths = new ConcurrentHashMap<>();

    CertificateTrust(TrustProfile profile) {
        this.profile = profile;
    }

    TrustProfile profile() {
        return profile;
    }

    /**
     * @param carried certificates that travelled with the signature, candidates for intermediates
     * @return the chain, the certificate first and the anchor last, and the revocation answer that decided
     * @throws SignatureRejectedException {@code certificate_expired}, {@code untrusted_issuer},
     *     {@code certificate_revoked} or {@code revocation_unknown}, of kind {@code kind}
     */
    Verdict check(X509Certificate certificate, List<X509Certificate> carried, Instant moment, Kind kind) {
        try {
            certificate.checkValidity(Date.from(moment));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SignatureRejectedException("certificate_expired", kind);
        }
        if (!profile.acceptsTestIdentifiers() && !wellFormedIdentifiers(SigningCertificate.of(certificate))) {
            throw new SignatureRejectedException("untrusted_issuer", kind);
        }

        List<X509Certificate> chain = chain(certificate, carried, moment, kind);
        X509Certificate issuer = chain.get(1);
        // TODO(#3): only the end-entity certificate is asked about; intermediates' revocation is not checked yet.
        RevocationAnswer answer = revocation(certificate, issuer, moment)
                .orElseThrow(() -> new SignatureRejectedException("revocation_unknown", kind));
        if (answer.revoked()) {
            throw new SignatureRejectedException("certificate_revoked", kind);
        }
        return new Verdict(chain, answer);
    }

    /** A trusted certificate's chain and the revocation answer that cleared it. */
    record Verdict(List<X509Certificate> chain, RevocationAnswer revocation) {

        Verdict {
            chain = List.copyOf(chain);
        }
    }

    Optional<RevocationAnswer> revocation(X509Certificate certificate, X509Certificate issuer, Instant moment) {
        for (RevocationSource source : profile.revocation()) {
            Optional<RevocationAnswer> answer = source.check(certificate, issuer, moment);
            if (answer.isPresent()) {
                return answer;
            }
        }
        log.warn("No revocation source could tell about certificate {}", certificate.getSerialNumber().toString(16));
        return Optional.empty();
    }

    private List<X509Certificate> chain(X509Certificate certificate, List<X509Certificate> carried, Instant moment,
            Kind kind) {
        String key = fingerprint(certificate);
        List<X509Certificate> chain = paths.get(key);
        if (chain == null) {
            chain = build(certificate, carried, moment, kind);
            if (paths.size() > 10_000) {
                paths.clear();
            }
            paths.put(key, chain);
        }
        for (X509Certificate link : chain.subList(1, chain.size() - 1)) {
            try {
                link.checkValidity(Date.from(moment));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new SignatureRejectedException("untrusted_issuer", kind);
            }
        }
        return chain;
    }

    private List<X509Certificate> build(X509Certificate certificate, List<X509Certificate> carried, Instant moment,
            Kind kind) {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate anchor : profile.anchors().get()) {
            anchors.add(new TrustAnchor(anchor, null));
        }
        if (anchors.isEmpty()) {
            throw new SignatureRejectedException("untrusted_issuer", kind);
        }
        try {
            var selector = new X509CertSelector();
            selector.setCertificate(certificate);
            var parameters = new PKIXBuilderParameters(anchors, selector);
            List<X509Certificate> pool = new ArrayList<>(profile.intermediates().get());
            pool.addAll(carried);
            pool.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            parameters.setDate(Date.from(moment));
            // Revocation is asked below, of sources that can say "could not tell" rather than fail the path.
            parameters.setRevocationEnabled(false);
            var result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);

            List<X509Certificate> chain = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(link -> chain.add((X509Certificate) link));
            chain.add(result.getTrustAnchor().getTrustedCert());
            return chain;
        } catch (CertPathBuilderException e) {
            log.info("No trusted path for certificate {}: {}", certificate.getSerialNumber().toString(16),
                    e.getMessage());
            throw new SignatureRejectedException("untrusted_issuer", kind, e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new SignatureRejectedException("untrusted_issuer", kind, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX unavailable", e);
        }
    }

    private static boolean wellFormedIdentifiers(SigningCertificate profile) {
        return (profile.iin() == null || Iin.isValid(profile.iin()))
                && (profile.bin() == null || Bin.isValid(profile.bin()));
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
