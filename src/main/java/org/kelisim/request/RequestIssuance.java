package org.kelisim.request;

import java.util.UUID;

/**
 * How the certificate module reports the outcome of issuing an approved request (APPROVED → ISSUED or FAILED).
 * Both calls are idempotent: reporting the same outcome twice changes nothing.
 */
public interface RequestIssuance {

    void issued(UUID requestId, String documentNumber);

    void failed(UUID requestId);
}
