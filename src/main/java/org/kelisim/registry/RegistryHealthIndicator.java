package org.kelisim.registry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The registries' health as the actuator and the operator page show it, under the name {@code registries}: the
 * embedded registries answer a count; the HTTP ones are judged by the calls this node made and its circuit breakers.
 */
@Component("registriesHealthIndicator")
class RegistryHealthIndicator implements HealthIndicator {

    private final RegistryAdapter adapter;

    RegistryHealthIndicator(RegistryAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public Health health() {
        return adapter.health();
    }
}
