package org.kelisim.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request lifecycle's settings ({@code kelisim.request.*}, each overridable by an environment variable such as
 * {@code KELISIM_REQUEST_CONSENTWINDOW}: dots become underscores, dashes go).
 *
 * @param consentWindow how long the user has to answer: the deadline is the submission time plus this (DESIGN.md: 2 h)
 * @param draftLifetime how long a draft's data to sign may be signed and submitted
 * @param registrationChecksPerMinute registration checks one party may make per minute, across all nodes
 * @param sweepInterval how often overdue requests are expired in the background; keep it in step with
 *     {@code kelisim.request.sweep-interval} in the scheduler's placeholder (same default)
 * @param sweepBatchSize requests expired per transaction by the sweep
 * @param pageSize items per page of the lists
 */
@ConfigurationProperties("kelisim.request")
record RequestProperties(Duration consentWindow, Duration draftLifetime, Integer registrationChecksPerMinute,
        Duration sweepInterval, Integer sweepBatchSize, Integer pageSize) {

    RequestProperties {
        consentWindow = consentWindow == null ? Duration.ofHours(2) : consentWindow;
        draftLifetime = draftLifetime == null ? Duration.ofMinutes(10) : draftLifetime;
        registrationChecksPerMinute = registrationChecksPerMinute == null ? 60 : registrationChecksPerMinute;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        sweepBatchSize = sweepBatchSize == null ? 100 : sweepBatchSize;
        pageSize = pageSize == null ? 20 : pageSize;
        if (consentWindow.isNegative() || consentWindow.isZero() || draftLifetime.isNegative()
                || draftLifetime.isZero()) {
            throw new IllegalArgumentException("kelisim.request: consent-window and draft-lifetime must be positive");
        }
        if (registrationChecksPerMinute < 1 || sweepBatchSize < 1 || pageSize < 1) {
            throw new IllegalArgumentException("kelisim.request: limits, batch and page sizes must be positive");
        }
    }
}
