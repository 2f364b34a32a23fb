package org.kelisim.signature;

import org.kelisim.shared.DomainException;

/**
 * A signature or its certificate was refused. The code says why (API.md): {@code signature_invalid},
 * {@code certificate_expired}, {@code certificate_revoked}, {@code untrusted_issuer}, {@code wrong_key_usage},
 * {@code no_signing_right}, {@code signer_mismatch}, {@code revocation_unknown}.
 */
public class SignatureRejectedException extends DomainException {

    public SignatureRejectedException(String code, Kind kind) {
        super(code, kind);
    }

    public SignatureRejectedException(String code, Kind kind, Throwable cause) {
        super(code, kind, cause);
    }
}
