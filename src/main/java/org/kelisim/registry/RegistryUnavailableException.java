package org.kelisim.registry;

import org.kelisim.shared.DomainException;

/** A state registry did not answer, or answered with something that cannot be read. */
public class RegistryUnavailableException extends DomainException {

    public RegistryUnavailableException(String registry, Throwable cause) {
        super("registry_unavailable", Kind.UNAVAILABLE, cause, registry);
    }
}
