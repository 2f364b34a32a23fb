package org.kelisim.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CRLReason;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate revocation lists (RFC 5280 §6.3): downloaded from the certificate's distribution points (or configured
 * ones), checked to be signed by the issuer, kept until their nextUpdate. A CRL that is corrupt, unsigned or past its
 * nextUpdate at the moment asked about never says "not revoked"; a listed revocation counts whatever the CRL's age.
 * Profiles without network (nca-test) give the CRLs up front instead.
 *
 * <p>Delta CRLs (RFC 5280 §5.2.4, §6.3.3) are read from the configured delta addresses, the base CRL's freshest CRL
 * extension and the certificate's, in that order; the first usable one is combined with the base. A delta is usable
 * when it is signed by the issuer, carries the delta CRL indicator, has the base's scope (issuer and issuing
 * distribution point), names a base CRL number not above the base's CRL number, and is fresh for the moment asked
 * about. A delta whose CRL number is not above the base's adds nothing (the base is newer). Any entry of a usable or
 * merely stale delta revokes, except removeFromCRL, which releases a certificate hold of the base (only a fresh
 * delta releases). For a source that fetches its CRLs, a named delta is required: when none is usable, the source
 * cannot tell (unless the certificate is listed), never "not revoked" from the base alone.
 */
final class CrlSource implements RevocationSource {

    private static final Logger log = LoggerFactory.getLogger(CrlSource.class);

    private static final String PRELOADED = "preloaded";

    private final HttpClient http;
    private final Duration timeout;
    private final List<URI> configured;
    private final List<URI> configuredDeltas;
    private final List<X509CRL> preloaded;
    private final Clock clock;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();
    /** CRLs whose signature has been checked, by identity: a CRL is checked once, not at every lookup. */
    private final Map<X509CRL, PublicKey> verified = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Where fetched CRLs report how their addresses answered; {@code null} for preloaded ones. */
    private final RevocationHealth health;

    private CrlSource(List<URI> configured, List<URI> configuredDeltas, List<X509CRL> preloaded, Duration timeout,
            Clock clock, RevocationHealth health) {
        this.health = health;
        this.configured = List.copyOf(configured);
        this.configuredDeltas = List.copyOf(configuredDeltas);
        this.preloaded = List.copyOf(preloaded);
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** CRLs fetched over HTTP: the configured URLs, else the certificate's distribution points. */
    static CrlSource online(List<URI> configured, Duration timeout, Clock clock, RevocationHealth health) {
        return online(configured, List.of(), timeout, clock, health);
    }

    /**
     * CRLs fetched over HTTP, with delta CRLs from {@code deltas} besides those the base CRL and the certificate
     * name.
     */
    static CrlSource online(List<URI> configured, List<URI> deltas, Duration timeout, Clock clock,
            RevocationHealth health) {
        return new CrlSource(configured, deltas, List.of(), timeout, clock, health);
    }

    /**
     * A fixed set of CRLs, for a profile that cannot reach its CA. Delta CRLs among them are combined with their
     * base; as nothing can be fetched, a delta the base or the certificate names but that is not given is not
     * demanded.
     */
    static CrlSource preloaded(List<byte[]> crls, Clock clock) {
        List<X509CRL> parsed = new ArrayList<>();
        for (byte[] crl : crls) {
            parse(crl, PRELOADED).ifPresent(parsed::add);
        }
        return new CrlSource(List.of(), List.of(), parsed, Duration.ofSeconds(1), clock, null);
    }

    @Override
    public Optional<RevocationAnswer> check(X509Certificate certificate, X509Certificate issuer, Instant moment) {
        if (!preloaded.isEmpty()) {
            List<Named> deltas = preloaded.stream().filter(CrlExtensions::isDelta)
                    .map(delta -> new Named(PRELOADED, () -> Optional.of(delta))).toList();
            for (X509CRL crl : preloaded) {
                if (CrlExtensions.isDelta(crl)) {
                    continue;
                }
                var reading = read(crl, PRELOADED, certificate, issuer, moment, deltas, true);
                if (reading.answer().isPresent()) {
                    return reading.answer();
                }
            }
            return Optional.empty();
        }
        for (URI uri : configured.isEmpty() ? CrlExtensions.distributionPoints(certificate) : configured) {
            var base = fetch(uri, false);
            if (base.isEmpty()) {
                continue;
            }
            var reading = read(base.get(), uri.toString(), certificate, issuer, moment,
                    deltas(base.get(), certificate), false);
            if (reading.needsNewerBase()) {
                // A delta built on a newer base than the cached one: the CA has issued a base before nextUpdate.
                // Should that fetch fail, the cached base still answers what it can (a listed revocation).
                X509CRL again = fetch(uri, true).orElse(base.get());
                reading = read(again, uri.toString(), certificate, issuer, moment, deltas(again, certificate), true);
            }
            if (reading.answer().isPresent()) {
                return reading.answer();
            }
        }
        return Optional.empty();
    }

    /** A candidate delta CRL and where it comes from; the CRL is fetched only when reached. */
    private record Named(String origin, Supplier<Optional<X509CRL>> crl) {
    }

    private List<Named> deltas(X509CRL base, X509Certificate certificate) {
        Set<URI> addresses = new LinkedHashSet<>(configuredDeltas);
        addresses.addAll(CrlExtensions.freshest(base));
        addresses.addAll(CrlExtensions.freshest(certificate));
        return addresses.stream().map(uri -> new Named(uri.toString(), () -> fetch(uri, false))).toList();
    }

    /** What a base CRL, combined with its delta if one is named, said; or that a newer base is needed. */
    private record Reading(Optional<RevocationAnswer> answer, boolean needsNewerBase) {

        static final Reading NOTHING = new Reading(Optional.empty(), false);
        static final Reading NEWER_BASE = new Reading(Optional.empty(), true);

        static Reading of(RevocationAnswer answer) {
            return new Reading(Optional.of(answer), false);
        }
    }

    private Reading read(X509CRL base, String origin, X509Certificate certificate, X509Certificate issuer,
            Instant moment, List<Named> deltas, boolean lastTry) {
        if (!base.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Reading.NOTHING;
        }
        if (!signedBy(base, issuer, origin)) {
            return Reading.NOTHING;
        }
        if (CrlExtensions.isDelta(base)) {
            log.warn("CRL from {} is a delta CRL where a complete one was expected", origin);
            failed(origin, "delta_as_base");
            return Reading.NOTHING;
        }

        X509CRLEntry listed = listed(base, certificate, moment);
        if (listed != null && listed.getRevocationReason() != CRLReason.CERTIFICATE_HOLD) {
            // Only a hold can be released by a delta: no need to read one.
            return Reading.of(RevocationAnswer.revoked(listed.getRevocationDate().toInstant(),
                    RevocationAnswer.Source.CRL, origin));
        }
        Delta delta = deltas.isEmpty() ? Delta.NOT_NAMED : delta(base, issuer, deltas, moment, lastTry);
        if (delta.state() == Delta.State.NEEDS_NEWER_BASE) {
            return Reading.NEWER_BASE;
        }
        X509CRLEntry inDelta = delta.crl() == null ? null : listed(delta.crl(), certificate, moment);
        if (listed != null) {
            boolean released = inDelta != null && removal(inDelta) && delta.state() == Delta.State.USABLE
                    && fresh(base, moment);
            return released
                    ? Reading.of(RevocationAnswer.good(RevocationAnswer.Source.CRL, origin + " + " + delta.origin()))
                    : Reading.of(RevocationAnswer.revoked(listed.getRevocationDate().toInstant(),
                            RevocationAnswer.Source.CRL, origin));
        }
        if (inDelta != null && !removal(inDelta)) {
            return Reading.of(RevocationAnswer.revoked(inDelta.getRevocationDate().toInstant(),
                    RevocationAnswer.Source.CRL, delta.origin()));
        }
        if (!fresh(base, moment)) {
            log.warn("CRL from {} is stale for the moment asked about", origin);
            return Reading.NOTHING;
        }
        return switch (delta.state()) {
            case NOT_NAMED, SUPERSEDED -> Reading.of(RevocationAnswer.good(RevocationAnswer.Source.CRL, origin));
            case USABLE -> Reading.of(RevocationAnswer.good(RevocationAnswer.Source.CRL,
                    origin + " + " + delta.origin()));
            case UNAVAILABLE -> {
                if (!preloaded.isEmpty()) {
                    // Preloaded: nothing can be fetched, so the base alone answers (as before deltas were read).
                    yield Reading.of(RevocationAnswer.good(RevocationAnswer.Source.CRL, origin));
                }
                log.warn("CRL from {} names a delta CRL, and none is usable", origin);
                yield Reading.NOTHING;
            }
            case STALE -> {
                log.warn("The delta CRL {} is stale for the moment asked about", delta.origin());
                yield Reading.NOTHING;
            }
            case NEEDS_NEWER_BASE -> Reading.NEWER_BASE;
        };
    }

    /** The delta CRL to combine with a base, and how it stands. */
    private record Delta(State state, X509CRL crl, String origin) {

        enum State {
            /** No delta is named for this base. */
            NOT_NAMED,
            /** Signed, in scope, built on this base or an older one, newer than the base, fresh. */
            USABLE,
            /** Usable but past its nextUpdate at the moment: its revocations count, its silence does not. */
            STALE,
            /** Every delta read is older than the base: the base already holds what they say. */
            SUPERSEDED,
            /** Named, but none could be fetched or passed the checks. */
            UNAVAILABLE,
            /** A delta is built on a newer base than this one. */
            NEEDS_NEWER_BASE
        }

        static final Delta NOT_NAMED = new Delta(State.NOT_NAMED, null, null);
    }

    private Delta delta(X509CRL base, X509Certificate issuer, List<Named> candidates, Instant moment,
            boolean lastTry) {
        Delta stale = null;
        boolean superseded = false;
        for (Named candidate : candidates) {
            Optional<X509CRL> fetched = candidate.crl().get();
            if (fetched.isEmpty() || !fetched.get().getIssuerX500Principal()
                    .equals(issuer.getSubjectX500Principal())) {
                // Configured delta addresses serve several CAs: another CA's delta is simply not this one's.
                continue;
            }
            X509CRL delta = fetched.get();
            String origin = candidate.origin();
            if (!signedBy(delta, issuer, origin)) {
                continue;
            }
            if (!CrlExtensions.isDelta(delta)) {
                refused(origin, "not_a_delta");
                continue;
            }
            if (!CrlExtensions.sameScope(base, delta)) {
                refused(origin, "scope_mismatch");
                continue;
            }
            BigInteger baseNumber = CrlExtensions.number(base);
            BigInteger deltaBase = CrlExtensions.baseNumber(delta);
            BigInteger deltaNumber = CrlExtensions.number(delta);
            if (baseNumber == null || deltaBase == null || deltaNumber == null) {
                refused(origin, "no_crl_number");
                continue;
            }
            if (deltaBase.compareTo(baseNumber) > 0) {
                if (!lastTry) {
                    return new Delta(Delta.State.NEEDS_NEWER_BASE, null, origin);
                }
                refused(origin, "base_crl_outdated");
                continue;
            }
            if (deltaNumber.compareTo(baseNumber) <= 0) {
                superseded = true;
                continue;
            }
            if (!fresh(delta, moment)) {
                stale = stale == null ? new Delta(Delta.State.STALE, delta, origin) : stale;
                continue;
            }
            return new Delta(Delta.State.USABLE, delta, origin);
        }
        if (stale != null) {
            return stale;
        }
        return new Delta(superseded ? Delta.State.SUPERSEDED : Delta.State.UNAVAILABLE, null, null);
    }

    private boolean signedBy(X509CRL crl, X509Certificate issuer, String origin) {
        if (issuer.getPublicKey().equals(verified.get(crl))) {
            return true;
        }
        try {
            crl.verify(issuer.getPublicKey());
            verified.put(crl, issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("CRL from {} is not signed by its issuer: {}", origin, e.toString());
            failed(origin, "not_signed_by_issuer");
            return false;
        }
    }

    /** The entry for the certificate if it was revoked at or before the moment, else {@code null}. */
    private static X509CRLEntry listed(X509CRL crl, X509Certificate certificate, Instant moment) {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        return entry != null && !entry.getRevocationDate().toInstant().isAfter(moment) ? entry : null;
    }

    private static boolean removal(X509CRLEntry entry) {
        return entry.getRevocationReason() == CRLReason.REMOVE_FROM_CRL;
    }

    private static boolean fresh(X509CRL crl, Instant moment) {
        return crl.getNextUpdate() != null && !crl.getNextUpdate().toInstant().isBefore(moment);
    }

    private void refused(String origin, String reason) {
        log.warn("Delta CRL from {} not used: {}", origin, reason);
        failed(origin, reason);
    }

    private Optional<X509CRL> fetch(URI uri, boolean again) {
        Instant now = clock.instant();
        X509CRL cached = cache.get(uri);
        if (!again && cached != null && cached.getNextUpdate() != null
                && cached.getNextUpdate().toInstant().isAfter(now)) {
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
}
