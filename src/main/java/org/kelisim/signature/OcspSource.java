package org.kelisim.signature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OCSP responder over HTTP (RFC 6960, POST), with a fresh nonce, quick timeouts and one retry; good answers
 * are kept for a short while so that a burst of sign-ins does not ask again. The responder is the one in the
 * certificate's AIA, unless the profile names one.
 */
final class OcspSource implements RevocationSource {

    private static final Logger log = LoggerFactory.getLogger(OcspSource.class);

    private final HttpClient http;
    private final URI configuredResponder;
    private final Duration timeout;
    private final Duration maxAge;
    private final Duration cacheFor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final RevocationHealth health;

    OcspSource(URI configuredResponder, Duration timeout, Duration maxAge, Duration cacheFor, Clock clock,
            RevocationHealth health) {
        this.health = health;
        this.configuredResponder = configuredResponder;
        this.timeout = timeout;
        this.maxAge = maxAge;
        this.cacheFor = cacheFor;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<RevocationAnswer> check(X509Certificate certificate, X509Certificate issuer, Instant moment) {
        URI responder = configuredResponder != null ? configuredResponder : responder(certificate);
        if (responder == null) {
            return Optional.empty();
        }
        String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber();
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until.isAfter(now)) {
            return Optional.of(cached.answer).map(answer -> asOf(answer, moment));
        }

        Optional<RevocationAnswer> answer = ask(responder, certificate, issuer, now);
        answer.ifPresent(found -> {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(key, new Cached(found, now.plus(cacheFor)));
        });
        return answer.map(found -> asOf(found, moment));
    }

    /** The answer as of now, read for the moment asked about: a revocation after it did not yet count then. */
    private static RevocationAnswer asOf(RevocationAnswer now, Instant moment) {
        return now.revoked() && now.revokedAt() != null && now.revokedAt().isAfter(moment)
                ? RevocationAnswer.good(now.source(), now.origin())
                : now;
    }

    private Optional<RevocationAnswer> ask(URI responder, X509Certificate certificate, X509Certificate issuer,
            Instant now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                byte[] request = request(certificate, issuer, nonce);
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(responder)
                        .timeout(timeout)
                        .header("Content-Type", "application/ocsp-request")
                        .header("Accept", "application/ocsp-response")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    log.warn("OCSP responder {} answered HTTP {}", responder, response.statusCode());
                    health.failed(RevocationHealth.Kind.OCSP, responder.toString(), "HTTP " + response.statusCode());
                    continue;
                }
                var answer = OcspAnswers.read(response.body(), certificate, issuer, now,
                        nonce, now, maxAge, responder.toString());
                if (answer.isPresent()) {
                    health.answered(RevocationHealth.Kind.OCSP, responder.toString());
                } else {
                    health.failed(RevocationHealth.Kind.OCSP, responder.toString(), "no_usable_answer");
                }
                return answer;
            } catch (IOException e) {
                log.warn("OCSP responder {} unreachable (attempt {}): {}", responder, attempt, e.toString());
                health.failed(RevocationHealth.Kind.OCSP, responder.toString(), e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] request(X509Certificate certificate, X509Certificate issuer, byte[] nonce)
            throws IOException {
        try {
            var builder = new OCSPReqBuilder().addRequest(
                    OcspAnswers.certificateId(issuer, certificate.getSerialNumber()));
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false, new DEROctetString(new DEROctetString(nonce)))));
            return builder.build().getEncoded();
        } catch (OCSPException e) {
            throw new IOException("OCSP request not built", e);
        }
    }

    static URI responder(X509Certificate certificate) {
        return accessLocations(certificate).stream()
                .filter(access -> access.getAccessMethod().equals(AccessDescription.id_ad_ocsp))
                .map(access -> uri(access.getAccessLocation()))
                .filter(uri -> uri != null)
                .findFirst().orElse(null);
    }

    static List<AccessDescription> accessLocations(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return List.of();
        }
        try {
            return List.of(AuthorityInformationAccess.getInstance(
                    DEROctetString.getInstance(value).getOctets()).getAccessDescriptions());
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    static URI uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return null;
        }
        try {
            URI uri = URI.create(name.getName().toString());
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? uri : null;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private record Cached(RevocationAnswer answer, Instant until) {
    }
}
