package org.dangjian.organization.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.dangjian.organization.organization.OrganizationDtos.Page;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Csv;
import org.dangjian.platform.api.access.BulkOperation;
import org.dangjian.platform.api.scope.Condition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "审计: every write of this service, for auditors")
public class AuditResource {

    private static final int EXPORT_PAGE = 200;

    @Inject
    AuditQuery query;

    @GET
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.AUDITOR})
    @Operation(summary = "The audit log of your subtree, newest first (keyset pages)",
            description = "Entries about organizations, units, grids, pairings and assessments of your subtree. "
                    + "from/to are civil dates (Asia/Shanghai), both included. Pass nextCursor as `after`.")
    public Page<AuditQuery.EntryView> search(
            @QueryParam("targetType") @Pattern(regexp = "[a-z-]{1,32}") String targetType,
            @QueryParam("targetId") UUID targetId,
            @QueryParam("action") @Pattern(regexp = "[A-Z_]{1,64}") String action,
            @QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("after") UUID after,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return query.search(new AuditQuery.Filter(targetType, targetId, action, actor, from, to), after, size);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @BulkOperation
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.AUDITOR})
    @Operation(summary = "Export the audit log of your subtree as CSV (审计日志导出)",
            description = "Same filters as the list; streamed newest first, page by page.")
    public Response export(
            @QueryParam("targetType") @Pattern(regexp = "[a-z-]{1,32}") String targetType,
            @QueryParam("targetId") UUID targetId,
            @QueryParam("action") @Pattern(regexp = "[A-Z_]{1,64}") String action,
            @QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        AuditQuery.Filter filter = new AuditQuery.Filter(targetType, targetId, action, actor, from, to);
        // Resolved now, while the request's caller is at hand; the stream is written afterwards.
        Condition subtree = query.callerSubtree();
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("id,occurredAt,actor,action,targetType,targetId,before,after\r\n");
            Page<AuditQuery.EntryView> page = query.search(subtree, filter, null, EXPORT_PAGE);
            while (true) {
                for (AuditQuery.EntryView e : page.items()) {
                    writer.write(String.join(",", Csv.cell(e.id()), Csv.cell(e.occurredAt()), Csv.cell(e.actor()),
                            Csv.cell(e.action()), Csv.cell(e.targetType()), Csv.cell(e.targetId()), Csv.cell(e.before()),
                            Csv.cell(e.after())) + "\r\n");
                }
                writer.flush();
                if (page.nextCursor() == null) {
                    break;
                }
                page = query.search(subtree, filter, page.items().get(page.items().size() - 1).id(), EXPORT_PAGE);
            }
            writer.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"audit-entries.csv\"").build();
    }
}
