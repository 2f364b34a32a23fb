package org.kelisim.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** An OCSP responder or a CRL. Empty means "could not tell": unreachable, unsigned, stale, corrupt or silent. */
interface RevocationSource {

    Optional<RevocationAnswer> check(X509Certificate certificate, X509Certificate issuer, Instant moment);
}
