package org.dangjian.platform.api.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (on the class: all its writes) or one method as safe to retry with an {@code Idempotency-Key}
 * header; every resource that changes state carries it (ServiceConventionsContract checks). Reads ignore the key: the first request's effect and response are committed together with the key, a repeat of
 * the same request by the same caller gets that response again (header {@code Idempotent-Replayed:
 * true}) and changes nothing, the same key with a different request is refused with 422
 * IDEMPOTENCY_KEY_REUSED. Without the header the method behaves as before.
 *
 * <p>The service needs the {@code idempotent_request} table (DDL in platform/api-support/README.md).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    String HEADER = "Idempotency-Key";
    String REPLAYED_HEADER = "Idempotent-Replayed";
    /** For the operation's OpenAPI description. */
    String DOC = " Send an Idempotency-Key header (8–100 visible ASCII characters, e.g. a UUID) to retry safely: "
            + "the same key and request return the first response with Idempotent-Replayed: true and change "
            + "nothing; the same key with another request 422 IDEMPOTENCY_KEY_REUSED.";
}
