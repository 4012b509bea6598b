package org.dangjian.platform.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Csv;
import org.dangjian.platform.api.access.BulkOperation;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's audit trail for auditors (审计), the same in every service: every write and every unmasked read of
 * personal data, newest first, as a {@link ListPage} and as a streamed CSV export. Read-only by construction: the
 * table itself refuses updates and deletes. Auditors see the entries of records in their subtree (the entry's
 * {@code org_id}, kept by {@link AuditTrail}, looked up in the service's organizations); entries of no organization
 * only the unrestricted platform-admin sees.
 */
@Path("/audit-entries")
@Tag(name = "Audit", description = "审计日志: who changed or saw what, when and why")
public class AuditEntriesResource {

    private static final int EXPORT_CHUNK = 1000;
    private static final String CSV_HEADER = "id,occurredAt,actor,action,targetType,targetId,details";
    private static final String FILTERS = "Filters, all optional and combined: actor (the token subject), action "
            + "(e.g. READ_UNMASKED), targetType (e.g. member), targetId, from/to (civil dates in Asia/Shanghai, both "
            + "included). ";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CallerScope scope;

    @Inject
    BusinessClock clock;

    @Schema(name = "AuditEntry", description = "one audited write (details: before/after) or unmasked read (details: "
            + "fields/reason); personal data in the details is masked")
    public record AuditEntryView(UUID id, OffsetDateTime occurredAt, @Schema(maxLength = 200) String actor,
            @Schema(maxLength = 64) String action, @Schema(maxLength = 32) String targetType,
            @Schema(nullable = true) UUID targetId, JsonNode details) {
    }

    /** What to look for, all optional, combined with and; {@code inScope} the entries' organizations in the caller's scope. */
    record Filter(String actor, String action, String targetType, UUID targetId, OffsetDateTime from,
            OffsetDateTime until, Condition inScope) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.AUDITOR, Caller.PLATFORM_ADMIN})
    @Operation(summary = "Audit entries of this service in your subtree, newest first (审计日志查询)",
            description = FILTERS + "Sort: -occurredAt only. Pass nextCursor back as cursor for the next page.")
    public ListPage<AuditEntryView> list(@QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("action") @Pattern(regexp = "^[A-Z_]{1,64}$") String action,
            @QueryParam("targetType") @Pattern(regexp = "^[a-z_-]{1,32}$") String targetType,
            @QueryParam("targetId") UUID targetId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @BeanParam ListQuery query) {
        SortOrder newestFirst = query.sort("-occurredAt");
        Filter filter = filter(actor, action, targetType, targetId, from, to);
        Object[] after = query.after().map(c -> new Object[] {c.dateTime(0), c.uuid(1)}).orElse(null);
        List<AuditEntryView> rows = QuarkusTransaction.requiringNew()
                .call(() -> page(filter, newestFirst, after, query.limit()));
        return ListPage.of(rows, query, e -> Cursor.at(e.occurredAt(), e.id()));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @BulkOperation
    @RolesAllowed({Caller.AUDITOR, Caller.PLATFORM_ADMIN})
    @Operation(summary = "Export the audit entries of your subtree as CSV (审计日志导出)",
            description = FILTERS + "Streamed newest first, chunk by chunk; columns "
                    + "id,occurredAt,actor,action,targetType,targetId,details (JSON).")
    public Response export(@QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("action") @Pattern(regexp = "^[A-Z_]{1,64}$") String action,
            @QueryParam("targetType") @Pattern(regexp = "^[a-z_-]{1,32}$") String targetType,
            @QueryParam("targetId") UUID targetId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        // Resolved now, while the request's caller is at hand; the stream is written afterwards.
        Filter filter = filter(actor, action, targetType, targetId, from, to);
        SortOrder newestFirst = ListQuery.of(null, null, null).sort("-occurredAt");
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            writer.write("\r\n");
            Object[] after = null;
            List<AuditEntryView> chunk;
            do {
                Object[] position = after;
                chunk = QuarkusTransaction.requiringNew().call(() -> page(filter, newestFirst, position, EXPORT_CHUNK));
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

    /** from/to are civil dates of the business zone, both included: [start of from, start of the day after to). */
    private Filter filter(String actor, String action, String targetType, UUID targetId, LocalDate from, LocalDate to) {
        return new Filter(actor, action, targetType, targetId,
                from == null ? null : from.atStartOfDay(clock.zone()).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.zone()).toOffsetDateTime(),
                scope.orgCondition("org_id"));
    }

    private List<AuditEntryView> page(Filter filter, SortOrder order, Object[] after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor, action, target_type, target_id, cast(details as text)
                from audit_entry where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(sql, params, "actor = :actor", "actor", filter.actor());
        condition(sql, params, "action = :action", "action", filter.action());
        condition(sql, params, "target_type = :targetType", "targetType", filter.targetType());
        condition(sql, params, "target_id = :targetId", "targetId", filter.targetId());
        condition(sql, params, "occurred_at >= :from", "from", filter.from());
        condition(sql, params, "occurred_at < :until", "until", filter.until());
        sql.append(" and ").append(filter.inScope().sql());
        params.putAll(filter.inScope().parameters());
        if (after != null) {
            sql.append(" and ").append(order.after("occurred_at", "id"));
            params.put("cursor0", after[0]);
            params.put("cursor1", after[1]);
        }
        sql.append(" order by ").append(order.orderBy("occurred_at", "id")).append(" limit :limit");
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
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
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
}
