package org.kelisim.request;

import org.kelisim.identity.Iin;

/**
 * Whether a person can be asked (DESIGN.md, step 1): on the portal, in BMG, both, or neither.
 * {@link #toString()} is masked.
 */
public record Registration(Iin iin, boolean portal, boolean mobile) {

    public boolean canBeAsked() {
        return portal || mobile;
    }

    String outcome() {
        if (portal && mobile) {
            return "portal_and_mobile";
        }
        return portal ? "portal" : mobile ? "mobile" : "not_registered";
    }

    @Override
    public String toString() {
        return "Registration[" + iin.masked() + ", portal " + portal + ", mobile " + mobile + "]";
    }
}
