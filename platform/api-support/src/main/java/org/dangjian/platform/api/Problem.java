package org.dangjian.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail, extended with a stable {@code code} and field {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is (a JSON-pointer-like path), its code and a message. */
    public record FieldError(String field, String code, String message) {
    }

    public static String typeOf(String code) {
        return "urn:dangjian:problem:" + code;
    }
}
