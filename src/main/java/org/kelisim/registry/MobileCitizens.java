package org.kelisim.registry;

import java.util.Optional;
import org.kelisim.identity.Iin;

/** The mobile citizens database (БМГ / АМБ): the phone number a person registered for e-government SMS. */
public interface MobileCitizens {

    /** The phone in international form ({@code +77011234567}), when the person is registered. */
    Optional<String> phoneOf(Iin iin);
}
