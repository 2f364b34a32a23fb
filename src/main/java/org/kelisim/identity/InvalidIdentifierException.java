package org.kelisim.identity;

import org.kelisim.shared.DomainException;

/** An IIN or BIN that is not twelve digits with a valid control digit. Carries no part of the rejected value. */
public class InvalidIdentifierException extends DomainException {

    InvalidIdentifierException(String code) {
        super(code, Kind.INVALID);
    }
}
