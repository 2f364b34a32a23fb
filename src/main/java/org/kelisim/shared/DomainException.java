package org.kelisim.shared;

import java.util.Objects;

/**
 * A refusal the domain can explain: a stable {@link #code()} that clients rely on, the {@link Kind} of refusal
 * and the arguments of its localized message ({@code error.<code>} in the message bundles).
 * <p>
 * The exception message is the code only, so that no personal data reaches a log through it; the arguments
 * must not carry personal data either.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the web layer maps it to an HTTP status, the domain knows nothing of HTTP. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE, UNAUTHENTICATED, FORBIDDEN, TOO_MANY, UNAVAILABLE
    }

    private final String code;
    private final Kind kind;
    private final transient Object[] arguments;

    public DomainException(String code, Kind kind, Object... arguments) {
        this(code, kind, null, arguments);
    }

    public DomainException(String code, Kind kind, Throwable cause, Object... arguments) {
        super(Objects.requireNonNull(code, "code"), cause);
        this.code = code;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
