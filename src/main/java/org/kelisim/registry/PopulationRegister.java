package org.kelisim.registry;

import java.util.Optional;
import org.kelisim.identity.Iin;

/** The population register of the Ministry of Internal Affairs: people and their registered addresses. */
public interface PopulationRegister {

    /**
     * @throws RegistryUnavailableException when the register does not answer in time
     */
    Optional<Person> find(Iin iin);
}
