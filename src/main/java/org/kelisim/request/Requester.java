package org.kelisim.request;

import org.kelisim.identity.Masks;

/**
 * Who asks: an individual (by IIN) or a legal entity (by BIN), with the name from the signing certificate.
 * {@link #toString()} is masked.
 *
 * @param id the IIN or BIN the request was made under
 */
public record Requester(String id, String name, boolean legalEntity) {

    @Override
    public String toString() {
        return "Requester[" + Masks.identifier(id) + "]";
    }
}
