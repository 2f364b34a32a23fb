package org.kelisim.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Builds the trust profiles that {@code kelisim.signature.trust} names. */
final class TrustProfiles {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    private TrustProfiles() {
    }

    /**
     * NCA RK's test contour, from the stored files: its CAs (intermediates whose roots are not published with them,
     * so they are the anchors), their CRLs and recorded OCSP answers. Accepts the test IINs that fail the checksum.
     */
    static TrustProfile ncaTest(Clock clock) {
        List<X509Certificate> anchors = certificates(resources("classpath:signature/nca-test/ca/*"));
        CrlSource crls = CrlSource.preloaded(bytes(resources("classpath:signature/nca-test/crl/*")), clock);
        // The test CAs are the anchors (their roots are not published with them): no CA sits below an anchor.
        return new TrustProfile(TrustProfile.NCA_TEST, () -> anchors, () -> List.of(), List.of(
                new RecordedOcspSource(bytes(resources("classpath:signature/nca-test/ocsp/*"))), crls), true,
                new TrustProfile.AuthorityRevocation(List.of(crls), false));
    }

    /** NCA RK production: anchors and intermediates from configured locations, OCSP then CRL over HTTP. */
    static TrustProfile ncaProduction(SignatureProperties properties, Clock clock, RevocationHealth health) {
        var trust = properties.ncaProduction();
        List<X509Certificate> anchors = certificates(locations(trust.anchors()));
        List<X509Certificate> intermediates = certificates(locations(trust.intermediates()));
        URI ocsp = trust.ocspUrl().toString().isBlank() ? null : trust.ocspUrl();
        // NCA RK's issuing CAs are listed, if ever revoked, in the root's CRL that their distribution points name.
        var authorities = new TrustProfile.AuthorityRevocation(
                List.of(CrlSource.online(List.of(), properties.timeout(), clock, health)), true);
        return new TrustProfile(TrustProfile.NCA_PRODUCTION, () -> anchors, () -> intermediates,
                online(ocsp, trust.crlUrls(), trust.deltaCrlUrls(), properties, clock, health), false, authorities);
    }

    /** The demo certification authority: its root as the anchor, its own OCSP responder and CRL over HTTP. */
    static TrustProfile demo(Supplier<List<X509Certificate>> anchors, Supplier<List<X509Certificate>> intermediates,
            SignatureProperties properties, Clock clock, RevocationHealth health) {
        // The demo root publishes no CRL of its own: its only issuing CA is created with it and never revoked.
        var authorities = new TrustProfile.AuthorityRevocation(
                List.of(CrlSource.online(List.of(), properties.timeout(), clock, health)), false);
        return new TrustProfile(TrustProfile.DEMO, anchors, intermediates,
                online(null, List.of(), List.of(), properties, clock, health), false, authorities);
    }

    /**
     * OCSP, then CRLs. A delta CRL that the base CRL, the certificate or the configuration names is required: when
     * none is usable the CRL cannot tell, so the answer is {@code revocation_unknown} unless OCSP answered.
     */
    private static List<RevocationSource> online(URI ocsp, List<URI> crls, List<URI> deltas,
            SignatureProperties properties, Clock clock, RevocationHealth health) {
        return List.of(
                new OcspSource(ocsp, properties.timeout(), properties.ocspMaxAge(), properties.ocspCacheFor(), clock,
                        health),
                CrlSource.online(crls, deltas, properties.timeout(), clock, health));
    }

    static List<X509Certificate> certificates(List<Resource> resources) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    certificates.add((X509Certificate) factory.generateCertificate(in));
                }
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalStateException("Unreadable trust certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Resource> resources(String pattern) {
        try {
            return Arrays.stream(RESOURCES.getResources(pattern))
                    .sorted(Comparator.comparing(Resource::getDescription))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Resource> locations(List<String> locations) {
        return locations.stream().map(RESOURCES::getResource).toList();
    }

    private static List<byte[]> bytes(List<Resource> resources) {
        List<byte[]> contents = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                contents.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return contents;
    }
}
