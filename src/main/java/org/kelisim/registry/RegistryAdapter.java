package org.kelisim.registry;

import java.util.List;
import java.util.Optional;
import org.kelisim.identity.Iin;
import org.springframework.boot.health.contributor.Health;

/** What an adapter to the registries answers: the four ports in one place, embedded or over HTTP. */
interface RegistryAdapter {

    Optional<Person> find(Iin iin);

    List<RealEstateObject> objectsOf(Iin iin);

    boolean isRegistered(Iin iin);

    Optional<String> phoneOf(Iin iin);

    /** The adapter's own view of the registries' health, for {@link RegistryHealthIndicator}. */
    Health health();
}
