package org.dangjian.platform.api.input;

import jakarta.ws.rs.WebApplicationException;

/**
 * A query parameter that cannot be read as its declared type (or holds a forbidden character): 400
 * INVALID_PARAMETER naming it, instead of the 404 the JAX-RS specification prescribes, which a client
 * cannot tell from "no such resource" or "out of your scope".
 *
 * @param fieldCode {@code INVALID_VALUE} or {@code INVALID_CHARACTERS}
 */
public class InvalidParameter extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String fieldCode;

    public InvalidParameter(String parameter, String fieldCode, Throwable cause) {
        super(cause, 400);
        this.parameter = parameter;
        this.fieldCode = fieldCode;
    }

    public String parameter() {
        return parameter;
    }

    public String fieldCode() {
        return fieldCode;
    }
}
