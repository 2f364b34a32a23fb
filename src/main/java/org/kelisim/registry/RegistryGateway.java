package org.kelisim.registry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.kelisim.shared.LastContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GET to a registry, done carefully: connect and read timeouts, retries with exponential backoff for timeouts,
 * connection failures and 5xx answers, and a circuit breaker per registry that stops calling a registry which keeps
 * failing (so that requests fail fast and the registry gets time to recover). The breaker's state is per node: it
 * only protects, it decides nothing that another node must know.
 * <p>
 * Paths carry the IIN, so neither paths nor answers are logged; a log line names the registry and the reason.
 */
class RegistryGateway {

    private static final Logger log = LoggerFactory.getLogger(RegistryGateway.class);

    private final RegistryProperties properties;
    private final HttpClient http;
    private final JsonMapper json;
    private final CircuitBreakerRegistry breakers;
    private final Clock clock;
    private final Map<String, LastContact> contacts = new ConcurrentHashMap<>();

    RegistryGateway(RegistryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerWindow())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /**
     * @return the mapped answer, or empty when the registry answered 404 (it does not know the person)
     * @throws RegistryUnavailableException on every failure, after the retries
     */
    <A, T> Optional<T> get(String registry, String path, Class<A> answerType, Function<A, T> mapping) {
        var breaker = breakers.circuitBreaker(registry);
        var request = HttpRequest.newBuilder(resolve(path))
                .timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        int attempts = properties.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                log.warn("Registry {} not called: its circuit breaker is open", registry);
                throw new RegistryUnavailableException(registry,
                        CallNotPermittedException.createCallNotPermittedException(breaker));
            }
            long started = System.nanoTime();
            try {
                var result = attempt(registry, request, answerType, mapping);
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                contacts.merge(registry, LastContact.answered(clock.instant()), LastContact::then);
                return result;
            } catch (Transient e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                log.warn("Registry {} failed on attempt {} of {}: {}", registry, attempt, attempts, e.getMessage());
                if (attempt >= attempts) {
                    contacts.merge(registry, LastContact.failed(clock.instant(), e.getMessage()), LastContact::then);
                    throw new RegistryUnavailableException(registry, e);
                }
                pause(registry, attempt);
            } catch (Unreadable e) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                log.warn("Registry {} answered what cannot be used: {}", registry, e.getMessage());
                contacts.merge(registry, LastContact.failed(clock.instant(), e.getMessage()), LastContact::then);
                throw new RegistryUnavailableException(registry, e);
            }
        }
    }

    /**
     * How the registries fared on this node, from the calls made for real: a registry is never probed with a made-up
     * IIN, as every call to it is a lawful read of somebody's data. DOWN when a breaker is open or a registry's last
     * call failed after its retries; UNKNOWN while none has been called; UP otherwise.
     */
    Health health(List<String> registries) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean called = false;
        boolean failing = false;
        for (String registry : registries) {
            var state = breakers.circuitBreaker(registry).getState();
            LastContact contact = contacts.get(registry);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("breaker", state.name());
            if (contact != null) {
                called = true;
                detail.putAll(contact.describe());
            }
            failing |= state != CircuitBreaker.State.CLOSED && state != CircuitBreaker.State.DISABLED
                    || contact != null && contact.failing();
            details.put(registry, detail);
        }

        var health = failing ? Health.down() : called ? Health.up() : Health.unknown();
        return health.withDetail("mode", "http").withDetails(details).build();
    }

    private <A, T> Optional<T> attempt(String registry, HttpRequest request, Class<A> answerType,
            Function<A, T> mapping) {
        HttpResponse<byte[]> response;
        // The request's own timeout ends when the headers arrive; waiting on the future bounds the body as well, so a
        // registry that trickles its answer cannot hold a thread longer than the read timeout.
        var exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            response = exchange.get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Transient("TimeoutException", e);
        } catch (ExecutionException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException) {
                throw new Transient(cause.getClass().getSimpleName(), cause);
            }
            throw new Unreadable(cause.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(registry, e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status >= 500) {
            throw new Transient("HTTP " + status, null);
        }
        if (status != 200) {
            throw new Unreadable("HTTP " + status, null);
        }
        try {
            return Optional.of(mapping.apply(json.readValue(response.body(), answerType)));
        } catch (RuntimeException e) {
            // Malformed JSON, a missing field, an unknown kind, an invalid IIN, an answer about someone else: the
            // registry is broken for this call, and guessing would put wrong data on an official document. The cause
            // is left out: a parser's message quotes the answer, which is personal data.
            throw new Unreadable(e.getClass().getSimpleName(), null);
        }
    }

    private void pause(String registry, int attempt) {
        Duration backoff = properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(registry, e);
        }
    }

    private URI resolve(String path) {
        var base = properties.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    /** Worth another try: a timeout, a refused connection, a 5xx. */
    private static final class Transient extends RuntimeException {

        Transient(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    /** Not worth another try: the registry answered, but not with something Kelisim can use. */
    private static final class Unreadable extends RuntimeException {

        Unreadable(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }
}
