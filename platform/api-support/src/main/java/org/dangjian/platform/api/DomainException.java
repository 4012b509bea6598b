package org.dangjian.platform.api;

/**
 * A refused request, carrying a stable machine code (for example
 * {@code ORGANIZATION_PARENT_TYPE_NOT_ALLOWED}), the HTTP status and the arguments of its message.
 * The wording lives in the service's {@code messages} bundles, keyed by the code.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final int status;
    private final transient Object[] args;

    public DomainException(int status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(404, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(409, code, args);
    }

    /** A well-formed request that breaks a domain rule. */
    public static DomainException unprocessable(String code, Object... args) {
        return new DomainException(422, code, args);
    }

    public static DomainException badRequest(String code, Object... args) {
        return new DomainException(400, code, args);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Object[] args() {
        return args.clone();
    }
}
