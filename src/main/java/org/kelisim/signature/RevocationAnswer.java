package org.kelisim.signature;

import java.time.Instant;
import java.util.Objects;

/**
 * What a revocation source said about a certificate as of a moment.
 *
 * @param revoked whether the certificate was revoked at or before the moment asked about
 * @param revokedAt when it was revoked, or {@code null}
 * @param source which kind of source decided
 * @param origin where the answer came from (a URL, or "recorded" for the stored answers of the nca-test profile)
 */
public record RevocationAnswer(boolean revoked, Instant revokedAt, Source source, String origin) {

    /** The kinds of revocation source. */
    public enum Source { OCSP, CRL }

    public RevocationAnswer {
        Objects.requireNonNull(source, "source");
    }

    static RevocationAnswer good(Source source, String origin) {
        return new RevocationAnswer(false, null, source, origin);
    }

    static RevocationAnswer revoked(Instant at, Source source, String origin) {
        return new RevocationAnswer(true, at, source, origin);
    }
}
