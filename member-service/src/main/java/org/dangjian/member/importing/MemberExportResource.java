package org.dangjian.member.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.platform.api.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

@Path("/member-exports")
@Tag(name = "Members", description = "党员档案: member records")
public class MemberExportResource {

    static final int CHUNK = 500;
    static final String HEADER = "id,memberNumber,name,gender,ethnicity,birthDate,nationalId,phone,education,category,workUnit,"
            + "orgId,groupId,grid,stage,appliedOn,activistOn,candidateOn,admittedOn,fullOn,registeredOn,transferredOutOn,endedOn";

    @Inject
    MemberRepository members;

    @Inject
    MemberService service;

    @Inject
    MemberAccess access;

    @GET
    @Produces("text/csv")
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.INTEGRATION})
    @Operation(summary = "Export the member records of your scope as CSV (批量导出)",
            description = "Streamed in id order, chunk by chunk, so a province's records never sit in memory. National ID "
                    + "and phone are always masked: full values are read one record at a time, audited.")
    public Response export() {
        // Resolved now, while the request's caller is at hand; the stream is written afterwards.
        String prefix = access.subtreePrefix();
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(HEADER);
            writer.write("\r\n");
            UUID after = new UUID(0, 0);
            List<MemberView> chunk;
            do {
                UUID from = after;
                chunk = QuarkusTransaction.requiringNew().call(() ->
                        members.chunkAfter(prefix, from, CHUNK).stream().map(service::maskedView).toList());
                for (MemberView m : chunk) {
                    writer.write(line(m));
                }
                writer.flush();
                if (!chunk.isEmpty()) {
                    after = chunk.get(chunk.size() - 1).id();
                }
            } while (chunk.size() == CHUNK);
            writer.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    private static String line(MemberView m) {
        return String.join(",", Stream.of(m.id(), m.memberNumber(), m.name(), m.gender(), m.ethnicity(), m.birthDate(),
                m.nationalId(), m.phone(), m.education(), m.category(), m.workUnit(), m.orgId(), m.groupId(), m.grid(), m.stage(),
                m.appliedOn(), m.activistOn(), m.candidateOn(), m.admittedOn(), m.fullOn(), m.registeredOn(),
                m.transferredOutOn(), m.endedOn()).map(MemberExportResource::cell).toList()) + "\r\n";
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate it. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
