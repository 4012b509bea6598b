package org.dangjian.platform.orgtree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Csv;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.access.BulkOperation;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's audit trail for auditors (审计): every write and every unmasked read of personal
 * data, newest first, filtered and paged by cursor, and as a streamed CSV export. Read-only by
 * construction: the table itself refuses updates and deletes.
 * Auditors see the entries of records in their subtree (the entry's organization, kept by
 * AuditTrail); entries of no organization only the unrestricted platform-admin sees.
 */
@Path("/audit-entries")
@Tag(name = "Audit", description = "审计日志: who changed or saw what, when and why")
public class AuditEntriesResource {

    static final int MAX_SIZE = 200;
    private static final int EXPORT_CHUNK = 1000;
    private static final String CSV_HEADER = "id,occurredAt,actor,action,targetType,targetId,details";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CallerScope scope;

    public record AuditEntryView(UUID id, OffsetDateTime occurredAt, String actor, String action, String targetType,
            UUID targetId, JsonNode details) {
    }

    public record AuditPage(List<AuditEntryView> items, String nextCursor) {
    }

    /** What to look for; all optional, combined with and. */
    /** @param scope the entries' organizations in the caller's scope */
    record Filter(String actor, String action, String targetType, UUID targetId, OffsetDateTime from, OffsetDateTime to,
            Condition scope) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.AUDITOR, Caller.PLATFORM_ADMIN})
    @Operation(summary = "Audit entries of this service, newest first (审计日志查询)",
            description = "Filters: actor (token subject), action (e.g. READ_UNMASKED), targetType, targetId, "
                    + "from/to (ISO date-time, from inclusive, to exclusive). Pass nextCursor as after for the next page. "
                    + "Personal data in before/after is masked.")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") UUID targetId,
            @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
            @QueryParam("after") String cursor,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_SIZE) int size) {
        Filter filter = new Filter(actor, action, targetType, targetId, from, to, scope.orgCondition("org_id", "org_unit"));
        List<AuditEntryView> rows = QuarkusTransaction.requiringNew().call(() -> page(filter, decode(cursor), size + 1));
        boolean more = rows.size() > size;
        List<AuditEntryView> items = more ? rows.subList(0, size) : rows;
        return new AuditPage(items, more ? encode(items.get(items.size() - 1)) : null);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @BulkOperation
    @RolesAllowed({Caller.AUDITOR, Caller.PLATFORM_ADMIN})
    @Operation(summary = "Export audit entries as CSV (审计日志导出)",
            description = "Same filters as the list; streamed newest first, chunk by chunk.")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") UUID targetId,
            @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to) {
        // Resolved now, while the request's caller is at hand; the stream is written afterwards.
        Filter filter = new Filter(actor, action, targetType, targetId, from, to, scope.orgCondition("org_id", "org_unit"));
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            writer.write("\r\n");
            Object[] after = null;
            List<AuditEntryView> chunk;
            do {
                Object[] position = after;
                chunk = QuarkusTransaction.requiringNew().call(() -> page(filter, position, EXPORT_CHUNK));
                for (AuditEntryView e : chunk) {
                    writer.write(String.join(",", Csv.cell(e.id()), Csv.cell(e.occurredAt()), Csv.cell(e.actor()),
                            Csv.cell(e.action()), Csv.cell(e.targetType()), Csv.cell(e.targetId()),
                            Csv.cell(e.details())) + "\r\n");
                }
                writer.flush();
                if (!chunk.isEmpty()) {
                    AuditEntryView last = chunk.get(chunk.size() - 1);
                    after = new Object[] {last.occurredAt(), last.id()};
                }
            } while (chunk.size() == EXPORT_CHUNK);
            writer.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"audit-entries.csv\"").build();
    }

    private List<AuditEntryView> page(Filter filter, Object[] after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, action, target_type, target_id, cast(details as text)
                from audit_entry where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(sql, params, "actor = :actor", "actor", filter.actor());
        condition(sql, params, "action = :action", "action", filter.action());
        condition(sql, params, "target_type = :targetType", "targetType", filter.targetType());
        condition(sql, params, "target_id = :targetId", "targetId", filter.targetId());
        condition(sql, params, "occurred_at >= :from", "from", filter.from());
        condition(sql, params, "occurred_at < :to", "to", filter.to());
        sql.append(" and ").append(filter.scope().sql());
        params.putAll(filter.scope().parameters());
        if (after != null) {
            sql.append(" and (occurred_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", after[0]);
            params.put("afterId", after[1]);
        }
        sql.append(" order by occurred_at desc, id desc limit :limit");
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        List<AuditEntryView> views = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            views.add(new AuditEntryView((UUID) r[0], toOffset(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (UUID) r[5], readJson((String) r[6])));
        }
        return views;
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("audit details are not JSON", e);
        }
    }

    private static String encode(AuditEntryView last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (last.occurredAt().toInstant() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Object[] {OffsetDateTime.ofInstant(java.time.Instant.parse(parts[0]), ZoneOffset.UTC),
                    UUID.fromString(parts[1])};
        } catch (RuntimeException e) {
            throw DomainException.badRequest("CURSOR_INVALID");
        }
    }
}
