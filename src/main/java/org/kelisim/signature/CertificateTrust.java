package org.kelisim.signature;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
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

    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    private final TrustProfile profile;
    private final Clock clock;
    /**
     * Built paths by certificate (the JDK compares certificates by their exact encoding). PKIX building is the dearest
     * part of a check after the signature; what it proves besides validity in time (signatures, names, CA key usage)
     * does not change, and validity is re-checked for every moment.
     */
    private final Map<X509Certificate, BuiltPath> paths = new ConcurrentHashMap<>();

    CertificateTrust(TrustProfile profile) {
        this(profile, Clock.systemUTC());
    }

    /** @param clock decides when a kept path has expired */
    CertificateTrust(TrustProfile profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
    }

    TrustProfile profile() {
        return profile;
    }

    /**
     * @param carried certificates that travelled with the signature, candidates for intermediates
     * @return the chain, the certificate first and the anchor last, and the revocation answer that decided
     * @throws SignatureRejectedException {@code certificate_expired}, {@code untrusted_issuer},
     *     {@code issuer_revoked} (a CA certificate of the chain is revoked), {@code certificate_revoked} or
     *     {@code revocation_unknown}, of kind {@code kind}
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
        checkAuthorities(chain, moment, kind);
        RevocationAnswer answer = revocation(certificate, issuer, moment)
                .orElseThrow(() -> new SignatureRejectedException("revocation_unknown", kind));
        if (answer.revoked()) {
            throw new SignatureRejectedException("certificate_revoked", kind);
        }
        return new Verdict(chain, answer);
    }

    /**
     * Checks a time-stamping authority's certificate: valid at the time it stamped, meant for time-stamping (EKU
     * id-kp-timeStamping) and chained by PKIX to an anchor of the profile at that time.
     *
     * @param carried certificates that travelled with the time-stamp token, candidates for intermediates
     * @throws SignatureRejectedException {@code timestamp_untrusted} otherwise
     */
    void checkTimeStampingAuthority(X509Certificate tsa, List<X509Certificate> carried, Instant stampedAt) {
        Kind kind = Kind.UNPROCESSABLE;
        try {
            tsa.checkValidity(Date.from(stampedAt));
            List<String> usages = tsa.getExtendedKeyUsage();
            if (usages == null || !usages.contains(TIME_STAMPING)) {
                throw new SignatureRejectedException("timestamp_untrusted", kind);
            }
            chain(tsa, carried, stampedAt, kind);
        } catch (CertificateExpiredException | CertificateNotYetValidException | CertificateParsingException e) {
            throw new SignatureRejectedException("timestamp_untrusted", kind, e);
        } catch (SignatureRejectedException e) {
            throw e.code().equals("timestamp_untrusted")
                    ? e
                    : new SignatureRejectedException("timestamp_untrusted", kind, e);
        }
    }

    /**
     * Asks about each CA certificate below the anchor by its issuer's CRL. NCA RK's root publishes a CRL for its
     * issuing CAs, but its OCSP responder answers for end-entity certificates only, so the sources here are CRLs.
     */
    private void checkAuthorities(List<X509Certificate> chain, Instant moment, Kind kind) {
        var authorities = profile.authorities();
        for (int i = 1; i < chain.size() - 1; i++) {
            X509Certificate authority = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            Optional<RevocationAnswer> answer = Optional.empty();
            for (RevocationSource source : authorities.sources()) {
                answer = source.check(authority, issuer, moment);
                if (answer.isPresent()) {
                    break;
                }
            }
            if (answer.isPresent() && answer.get().revoked()) {
                throw new SignatureRejectedException("issuer_revoked", kind);
            }
            if (answer.isEmpty() && authorities.required()) {
                log.warn("No revocation source could tell about CA certificate {}",
                        authority.getSerialNumber().toString(16));
                throw new SignatureRejectedException("revocation_unknown", kind);
            }
        }
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
        List<X509Certificate> anchors = profile.anchors().get();
        List<X509Certificate> intermediates = profile.intermediates().get();
        BuiltPath path = paths.get(certificate);
        if (path == null || !path.holdsFor(anchors, intermediates, clock.instant())) {
            path = BuiltPath.of(build(certificate, carried, anchors, intermediates, moment, kind), anchors,
                    intermediates);
            if (paths.size() > 10_000) {
                paths.clear();
            }
            paths.put(certificate, path);
        }
        List<X509Certificate> chain = path.chain();
        for (X509Certificate link : chain.subList(1, chain.size() - 1)) {
            try {
                link.checkValidity(Date.from(moment));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new SignatureRejectedException("untrusted_issuer", kind);
            }
        }
        return chain;
    }

    /**
     * A path PKIX built, kept while the trust profile still has the anchors and intermediates it was built from, and
     * never past the first expiry of the certificates it validated (the anchor's is not checked by PKIX).
     */
    private record BuiltPath(List<X509Certificate> chain, List<X509Certificate> anchors,
            List<X509Certificate> intermediates, Instant expires) {

        static BuiltPath of(List<X509Certificate> chain, List<X509Certificate> anchors,
                List<X509Certificate> intermediates) {
            Instant expires = chain.subList(0, chain.size() - 1).stream()
                    .map(link -> link.getNotAfter().toInstant())
                    .min(Instant::compareTo).orElseThrow();
            return new BuiltPath(List.copyOf(chain), List.copyOf(anchors), List.copyOf(intermediates), expires);
        }

        boolean holdsFor(List<X509Certificate> currentAnchors, List<X509Certificate> currentIntermediates,
                Instant now) {
            return now.isBefore(expires) && anchors.equals(currentAnchors)
                    && intermediates.equals(currentIntermediates);
        }
    }

    private List<X509Certificate> build(X509Certificate certificate, List<X509Certificate> carried,
            List<X509Certificate> trusted, List<X509Certificate> intermediates, Instant moment, Kind kind) {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate anchor : trusted) {
            anchors.add(new TrustAnchor(anchor, null));
        }
        if (anchors.isEmpty()) {
            throw new SignatureRejectedException("untrusted_issuer", kind);
        }
        try {
            var selector = new X509CertSelector();
            selector.setCertificate(certificate);
            var parameters = new PKIXBuilderParameters(anchors, selector);
            List<X509Certificate> pool = new ArrayList<>(intermediates);
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
}
