package org.dangjian.platform.api.schema;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * api-support's tables in every service database: {@code audit_entry} ({@code audit.AuditTrail}) and
 * {@code idempotent_request} ({@code idempotency.@Idempotent}), from {@code db/platform/api-support}.
 */
@Dependent
public class ApiSupportSchema {

    public static final PlatformSchema PART = new PlatformSchema("api-support", 10, ApiSupportSchema.class,
            List.of("audit_entry", "idempotent_request"),
            List.of("V1__audit_entry_and_idempotent_request.sql"));

    @Produces
    @Singleton
    static PlatformSchema part() {
        return PART;
    }
}
