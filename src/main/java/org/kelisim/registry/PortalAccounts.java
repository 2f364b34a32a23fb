package org.kelisim.registry;

import org.kelisim.identity.Iin;

/** Accounts of the e-government portal: whether the person can be asked in the personal cabinet. */
public interface PortalAccounts {

    boolean isRegistered(Iin iin);
}
