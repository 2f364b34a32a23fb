package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate revocation lists (RFC 5280 §6.3): downloaded from the certificate's distribution points (or configured
 * ones), checked to be signed by the issuer, kept until their nextUpdate. A CRL that is corrupt, unsigned or past its
 * nextUpdate at the moment asked about never says "not revoked"; a listed revocation counts whatever the CRL's age.
 * Profiles without network (nca-test) give the CRLs up front instead.
 */
final class CrlSource implements RevocationSource {

    private static final Logger log = LoggerFactory.getLogger(CrlSource.class);

    private final HttpClient http;
    private final Duration timeout;
    private final List<URI> configured;
    private final List<X509CRL> preloaded;
    private final Clock clock;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();
    /** CRLs whose signature has been checked, by identity: a CRL is checked once, not at every lookup. */
    private final Map<X509CRL, PublicKey> verified = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Where fetched CRLs report how their addresses answered; {@code null} for preloaded ones. */
    private final RevocationHealth health;

    private CrlSource(List<URI> configured, List<X509CRL> preloaded, Duration timeout, Clock clock,
            RevocationHealth health) {
        this.health = health;
        this.configured = List.copyOf(configured);
        this.preloaded = List.copyOf(preloaded);
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** CRLs fetched over HTTP: the configured URLs, else the certificate's distribution points. */
    static CrlSource online(List<URI> configured, Duration timeout, Clock clock, RevocationHealth health) {
        return new CrlSource(configured, List.of(), timeout, clock, health);
    }

    /** A fixed set of CRLs, for a profile that cannot reach its CA. */
    static CrlSource preloaded(List<byte[]> crls, Clock clock) {
        List<X509CRL> parsed = new ArrayList<>();
        for (byte[] crl : crls) {
            parse(crl, "preloaded").ifPresent(parsed::add);
        }
        return new CrlSource(List.of(), parsed, Duration.ofSeconds(1), clock, null);
    }

    @Override
    public Optional<RevocationAnswer> check(X509Certificate certificate, X509Certificate issuer, Instant moment) {
        if (!preloaded.isEmpty()) {
            for (X509CRL crl : preloaded) {
                var answer = read(crl, certificate, issuer, moment, "preloaded");
                if (answer.isPresent()) {
                    return answer;
                }
            }
            return Optional.empty();
        }
        for (URI uri : configured.isEmpty() ? distributionPoints(certificate) : configured) {
            var crl = fetch(uri);
            if (crl.isPresent()) {
                var answer = read(crl.get(), certificate, issuer, moment, uri.toString());
                if (answer.isPresent()) {
                    return answer;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<RevocationAnswer> read(X509CRL crl, X509Certificate certificate, X509Certificate issuer,
            Instant moment, String origin) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Optional.empty();
        }
        if (!issuer.getPublicKey().equals(verified.get(crl))) {
            try {
                crl.verify(issuer.getPublicKey());
                verified.put(crl, issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                log.warn("CRL from {} is not signed by its issuer: {}", origin, e.toString());
                failed(origin, "not_signed_by_issuer");
                return Optional.empty();
            }
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry != null && !entry.getRevocationDate().toInstant().isAfter(moment)) {
            return Optional.of(RevocationAnswer.revoked(entry.getRevocationDate().toInstant(),
                    RevocationAnswer.Source.CRL, origin));
        }
        if (crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(moment)) {
            log.warn("CRL from {} is stale for the moment asked about", origin);
            return Optional.empty();
        }
        return Optional.of(RevocationAnswer.good(RevocationAnswer.Source.CRL, origin));
    }

    private Optional<X509CRL> fetch(URI uri) {
        Instant now = clock.instant();
        X509CRL cached = cache.get(uri);
        if (cached != null && cached.getNextUpdate() != null && cached.getNextUpdate().toInstant().isAfter(now)) {
            return Optional.of(cached);
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("CRL {} answered HTTP {}", uri, response.statusCode());
                failed(uri.toString(), "HTTP " + response.statusCode());
                return Optional.empty();
            }
            Optional<X509CRL> crl = parse(response.body(), uri.toString());
            crl.ifPresentOrElse(fresh -> {
                X509CRL previous = cache.put(uri, fresh);
                if (previous != null) {
                    verified.remove(previous);
                }
                answered(uri.toString(), fresh, now);
            }, () -> failed(uri.toString(), "corrupt"));
            return crl;
        } catch (IOException e) {
            log.warn("CRL {} unreachable: {}", uri, e.toString());
            failed(uri.toString(), e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A CRL already past its nextUpdate when fetched is a failure of its publisher, not an answer. */
    private void answered(String address, X509CRL crl, Instant now) {
        if (crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isAfter(now)) {
            failed(address, "stale");
        } else if (health != null) {
            health.answered(RevocationHealth.Kind.CRL, address);
        }
    }

    private void failed(String address, String reason) {
        if (health != null) {
            health.failed(RevocationHealth.Kind.CRL, address, reason);
        }
    }

    private static Optional<X509CRL> parse(byte[] encoded, String origin) {
        try {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(encoded)));
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("CRL from {} is corrupt: {}", origin, e.toString());
            return Optional.empty();
        }
    }

    static List<URI> distributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return List.of();
        }
        List<URI> uris = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(DEROctetString.getInstance(value).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    URI uri = OcspSource.uri(general);
                    if (uri != null) {
                        uris.add(uri);
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
        return uris;
    }
}
