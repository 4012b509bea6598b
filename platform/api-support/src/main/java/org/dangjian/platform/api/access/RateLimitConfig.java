package org.dangjian.platform.api.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/**
 * Allowances per caller (the token's subject: a user or a service account) and per service
 * instance. Reads are not limited here: they are cheap and scoped; writes and bulk operations are
 * what a runaway client or a stolen token would abuse.
 */
@ConfigMapping(prefix = "dangjian.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Write requests (POST, PUT, PATCH, DELETE) per minute, also the burst. */
    @WithDefault("600")
    int writesPerMinute();

    /** Bulk operations ({@link BulkOperation}) per minute, also the burst. */
    @WithDefault("10")
    int bulkPerMinute();

    /** Other allowances for named callers, e.g. an integration service account that syncs nightly. */
    Map<String, Allowance> callers();

    interface Allowance {
        Optional<Integer> writesPerMinute();

        Optional<Integer> bulkPerMinute();
    }
}
