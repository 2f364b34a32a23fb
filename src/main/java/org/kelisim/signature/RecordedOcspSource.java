package org.kelisim.signature;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored answers of NCA RK's test OCSP responder (the nca-test profile). Their signature and certificate id are
 * checked like a live answer's; the nonce cannot be, and freshness is judged as of the moment asked about, since the
 * test contour is not reachable from here.
 */
final class RecordedOcspSource implements RevocationSource {

    private final List<byte[]> responses;

    RecordedOcspSource(List<byte[]> responses) {
        this.responses = List.copyOf(responses);
    }

    @Override
    public Optional<RevocationAnswer> check(X509Certificate certificate, X509Certificate issuer, Instant moment) {
        for (byte[] response : responses) {
            if (!OcspAnswers.mentions(response, certificate, issuer)) {
                continue;
            }
            var answer = OcspAnswers.read(response, certificate, issuer, moment, null, null, Duration.ZERO,
                    "recorded");
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }
}
