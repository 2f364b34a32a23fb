package org.kelisim.request;

import org.kelisim.shared.DomainException;

/**
 * A request, draft or answer refused by the lifecycle. The codes (API.md): {@code already_decided},
 * {@code deadline_passed}, {@code not_approved}, {@code request_not_found}, {@code draft_not_found},
 * {@code draft_used}, {@code draft_expired}, {@code user_not_registered}, {@code unknown_certificate},
 * {@code too_many_checks}.
 */
public class RequestRefusedException extends DomainException {

    RequestRefusedException(String code, Kind kind) {
        super(code, kind);
    }

    public static RequestRefusedException alreadyDecided() {
        return new RequestRefusedException("already_decided", Kind.CONFLICT);
    }

    public static RequestRefusedException deadlinePassed() {
        return new RequestRefusedException("deadline_passed", Kind.CONFLICT);
    }

    public static RequestRefusedException notFound() {
        return new RequestRefusedException("request_not_found", Kind.NOT_FOUND);
    }

    static RequestRefusedException notApproved() {
        return new RequestRefusedException("not_approved", Kind.CONFLICT);
    }

    static RequestRefusedException notOverdue() {
        return new RequestRefusedException("not_overdue", Kind.CONFLICT);
    }
}
