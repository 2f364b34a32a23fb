package org.kelisim.signature;

import java.util.Set;
import org.kelisim.identity.Masks;

/**
 * Who is signed in, as the signing-in certificate says. With a BIN, the party acts for that legal entity.
 * {@link #toString()} is masked.
 *
 * @param iin IIN of the certificate holder (in the {@code nca-test} profile, possibly one that fails the checksum)
 * @param bin BIN of the legal entity, or {@code null} for an individual
 * @param name the holder's full name
 * @param organization the legal entity's name, or {@code null}
 */
public record Party(String iin, String bin, String name, String organization, Set<Role> roles) {

    public Party {
        roles = Set.copyOf(roles);
    }

    public boolean isLegalEntity() {
        return bin != null;
    }

    /** The IIN or BIN the party acts under: requests, documents and webhooks belong to it. */
    public String actingId() {
        return isLegalEntity() ? bin : iin;
    }

    /** The name the party acts under: the organisation for a legal entity, the person otherwise. */
    public String actingName() {
        return isLegalEntity() && organization != null ? organization : name;
    }

    @Override
    public String toString() {
        return "Party[" + Masks.identifier(iin) + (bin == null ? "" : ", " + Masks.identifier(bin)) + ", " + roles
                + "]";
    }
}
