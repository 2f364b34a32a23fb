package org.kelisim.registry;

import java.util.List;
import org.kelisim.identity.Iin;

/** The real-estate register of the Ministry of Justice. */
public interface RealEstateRegister {

    /**
     * The objects on which the person holds a right, each with all its rights and encumbrances; empty when none.
     *
     * @throws RegistryUnavailableException when the register does not answer in time
     */
    List<RealEstateObject> objectsOf(Iin iin);
}
