package org.kelisim.certificate;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of issuance and verification (environment variables in brackets).
 *
 * @param tsaUrl an RFC 3161 time-stamping authority ({@code KELISIM_CERTIFICATE_TSA_URL}), for example
 *     {@code http://tsp.pki.gov.kz/}; empty: the embedded TSA in demo mode, no time-stamp (PAdES-BASELINE-B) otherwise
 * @param tsaTimeout how long to wait for the TSA ({@code KELISIM_CERTIFICATE_TSA_TIMEOUT})
 * @param maxUploadSize the largest file verification accepts ({@code KELISIM_CERTIFICATE_MAX_UPLOAD_SIZE})
 * @param maxAttempts tries to issue before the request is FAILED ({@code KELISIM_CERTIFICATE_MAX_ATTEMPTS})
 * @param firstRetry the wait after the first failed try; it doubles with each further one
 *     ({@code KELISIM_CERTIFICATE_FIRST_RETRY})
 * @param longestRetry the longest wait between tries ({@code KELISIM_CERTIFICATE_LONGEST_RETRY})
 * @param pollInterval how often each node looks for queued issuance ({@code KELISIM_CERTIFICATE_POLL_INTERVAL})
 */
@ConfigurationProperties("kelisim.certificate")
record CertificateProperties(URI tsaUrl, Duration tsaTimeout, DataSize maxUploadSize, Integer maxAttempts,
        Duration firstRetry, Duration longestRetry, Duration pollInterval) {

    CertificateProperties {
        tsaTimeout = tsaTimeout == null ? Duration.ofSeconds(10) : tsaTimeout;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(5) : maxUploadSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        longestRetry = longestRetry == null ? Duration.ofMinutes(30) : longestRetry;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("kelisim.certificate.max-attempts must be at least 1");
        }
    }

    /** The wait before try number {@code attempt + 1}: first retry, doubled each time, capped. */
    Duration backoff(int attempt) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
