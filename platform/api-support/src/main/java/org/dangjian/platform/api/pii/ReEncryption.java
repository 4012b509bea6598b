package org.dangjian.platform.api.pii;

import org.dangjian.platform.api.idempotency.Idempotent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.access.BulkOperation;
import org.dangjian.platform.api.audit.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Key rotation (ARCHITECTURE.md §4): after a new key is configured as active, operations call this
 * until {@code remaining} is 0, then retire the old key. Each call re-seals up to {@code limit}
 * values, batch by batch, each batch its own transaction with its rows locked ({@code skip
 * locked}), so replicas and repeated calls share the work and an interruption loses nothing.
 */
@Path("/admin/personal-data/re-encryption")
@Idempotent
@Tag(name = "Operations", description = "运维: operations endpoints")
public class ReEncryption {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    PersonalDataProtection protection;

    @Inject
    PiiConfig config;

    @Inject
    AuditTrail audit;

    public record Progress(String activeKey, Map<String, Long> reencrypted, long remaining) {
    }

    @POST
    @BulkOperation
    @RolesAllowed(Caller.PLATFORM_ADMIN)
    @Operation(summary = "Re-encrypt personal data with the active key (密钥轮换)",
            description = "Re-seals up to `limit` values sealed with an older key; call again until remaining is 0. "
                    + "Recorded in the audit trail.")
    public Progress reencrypt(@QueryParam("limit") @DefaultValue("10000") @Min(1) @Max(1_000_000) int limit) {
        Map<String, Long> done = new LinkedHashMap<>();
        long budget = limit;
        for (String column : columns()) {
            long count = 0;
            int batch;
            do {
                int size = (int) Math.min(BATCH, budget - count);
                batch = size <= 0 ? 0 : QuarkusTransaction.requiringNew().call(() -> reencryptBatch(column, size));
                count += batch;
            } while (batch == BATCH && count < budget);
            done.put(column, count);
            budget -= count;
        }
        long remaining = QuarkusTransaction.requiringNew().call(this::remaining);
        QuarkusTransaction.requiringNew().run(() -> audit.write("PERSONAL_DATA_REENCRYPTED", "personal-data", null,
                null, Map.of("reencrypted", done, "remaining", remaining)));
        return new Progress(protection.activePrefix().split(":")[1], done, remaining);
    }

    private int reencryptBatch(String column, int size) {
        String[] tc = column.split("\\.");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, " + tc[1] + " from " + tc[0] + " where " + tc[1]
                + " is not null and " + tc[1] + " not like ?1 limit ?2 for update skip locked")
                .setParameter(1, protection.activePrefix() + "%").setParameter(2, size).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update " + tc[0] + " set " + tc[1] + " = ?1 where id = ?2")
                    .setParameter(1, protection.reencrypt((String) row[1])).setParameter(2, (UUID) row[0])
                    .executeUpdate();
        }
        return rows.size();
    }

    private long remaining() {
        long remaining = 0;
        for (String column : columns()) {
            String[] tc = column.split("\\.");
            remaining += ((Number) em.createNativeQuery("select count(*) from " + tc[0] + " where " + tc[1]
                    + " is not null and " + tc[1] + " not like ?1")
                    .setParameter(1, protection.activePrefix() + "%").getSingleResult()).longValue();
        }
        return remaining;
    }

    /** Configured names only, checked to be plain identifiers: they are spliced into SQL. */
    private List<String> columns() {
        List<String> columns = config.encryptedColumns().orElse(List.of());
        for (String column : columns) {
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new IllegalStateException("dangjian.pii.encrypted-columns: not a table.column name: " + column);
            }
        }
        return columns;
    }
}
