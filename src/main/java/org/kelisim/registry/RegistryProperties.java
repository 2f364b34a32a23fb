package org.kelisim.registry;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which registries Kelisim reads: its own tables ({@code embedded}, the default) or the real registries over HTTP
 * ({@code http}, see {@code docs/registry-http-contract.md}). Every value has an environment variable, for example
 * {@code KELISIM_REGISTRY_MODE}, {@code KELISIM_REGISTRY_BASE_URL}, {@code KELISIM_REGISTRY_READ_TIMEOUT}.
 *
 * @param mode {@code embedded} or {@code http}
 * @param baseUrl root of the registry gateway, required in {@code http} mode
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a whole answer
 * @param retries how many times a failed call (timeout, connection error, 5xx) is tried again
 * @param retryBackoff the wait before the first retry; doubled before each further one
 * @param breakerWindow how many recent calls the circuit breaker judges
 * @param breakerFailureRate the share of failed calls in percent that opens the breaker
 * @param breakerOpenFor how long an open breaker refuses calls before it lets a few through again
 */
@ConfigurationProperties("kelisim.registry")
public record RegistryProperties(Mode mode, URI baseUrl, Duration connectTimeout, Duration readTimeout, Integer retries,
        Duration retryBackoff, Integer breakerWindow, Integer breakerFailureRate, Duration breakerOpenFor) {

    public enum Mode { EMBEDDED, HTTP }

    public RegistryProperties {
        mode = mode == null ? Mode.EMBEDDED : mode;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        retries = retries == null ? 2 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        breakerWindow = breakerWindow == null ? 20 : breakerWindow;
        breakerFailureRate = breakerFailureRate == null ? 50 : breakerFailureRate;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
        if (mode == Mode.HTTP && baseUrl == null) {
            throw new IllegalArgumentException(
                    "kelisim.registry.base-url (KELISIM_REGISTRY_BASE_URL) is required when the registry mode is http");
        }
        if (baseUrl != null && !"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("kelisim.registry.base-url (KELISIM_REGISTRY_BASE_URL) must be an "
                    + "http or https address");
        }
        if (retries < 0 || breakerWindow < 1 || breakerFailureRate < 1 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("kelisim.registry: retries >= 0, breaker-window >= 1 and "
                    + "breaker-failure-rate within 1..100 are required");
        }
    }
}
