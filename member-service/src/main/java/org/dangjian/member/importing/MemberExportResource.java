package org.dangjian.member.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Csv;
import org.dangjian.platform.api.access.BulkOperation;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

@Path("/member-exports")
@Tag(name = "Members", description = "党员档案: member records")
public class MemberExportResource {

    static final int CHUNK = 500;
    static final List<String> COLUMNS = List.of("id", "memberNumber", "name", "gender", "ethnicity", "birthDate", "nationalId",
            "phone", "education", "category", "workUnit", "orgId", "groupId", "grid", "stage", "appliedOn", "activistOn",
            "candidateOn", "admittedOn", "fullOn", "registeredOn", "transferredOutOn", "endedOn");

    @Inject
    MemberRepository members;

    @Inject
    MemberService service;

    @Inject
    CallerScope scope;

    @GET
    @BulkOperation
    @Produces({"text/csv", MemberImportResource.XLSX})
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.INTEGRATION})
    @Operation(summary = "Export the member records of your scope as CSV or Excel (批量导出)",
            description = "Streamed in id order, chunk by chunk, so a province's records never sit in memory. National ID "
                    + "and phone are always masked: full values are read one record at a time, audited. The format is "
                    + "?format=csv|xlsx, else the Accept header (text/csv or the .xlsx media type), else CSV. The columns "
                    + "are the import's, so an edited export can be imported again.")
    public Response export(@Parameter(description = "csv or xlsx; wins over Accept") @QueryParam("format")
            @Pattern(regexp = "[cC][sS][vV]|[xX][lL][sS][xX]") String format, @Context HttpHeaders headers) {
        boolean xlsx = wantsXlsx(format, headers.getAcceptableMediaTypes());
        // Resolved now, while the request's caller is at hand; the stream is written afterwards.
        Scope inScope = scope.get();
        StreamingOutput body = out -> {
            try (Sink sink = xlsx ? new XlsxSink(out) : new CsvSink(out)) {
                sink.row(COLUMNS);
                UUID after = new UUID(0, 0);
                List<MemberView> chunk;
                do {
                    UUID from = after;
                    chunk = QuarkusTransaction.requiringNew().call(() ->
                            members.chunkAfter(inScope, from, CHUNK).stream().map(service::maskedView).toList());
                    for (MemberView m : chunk) {
                        sink.row(values(m));
                    }
                    sink.flush();
                    if (!chunk.isEmpty()) {
                        after = chunk.get(chunk.size() - 1).id();
                    }
                } while (chunk.size() == CHUNK);
            }
        };
        String file = xlsx ? "members.xlsx" : "members.csv";
        return Response.ok(body, xlsx ? MemberImportResource.XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    static boolean wantsXlsx(String format, List<MediaType> accepted) {
        if (format != null) {
            return "xlsx".equals(format.toLowerCase(Locale.ROOT));
        }
        // In the client's order of preference: the first concrete type decides; a wildcard leaves CSV.
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(MemberImportResource.XLSX))) {
                return true;
            }
            if (type.isCompatible(MediaType.valueOf("text/csv"))) {
                return false;
            }
        }
        return false;
    }

    private static List<String> values(MemberView m) {
        return Stream.of(m.id(), m.memberNumber(), m.name(), m.gender(), m.ethnicity(), m.birthDate(), m.nationalId(),
                m.phone(), m.education(), m.category(), m.workUnit(), m.orgId(), m.groupId(), m.grid(), m.stage(),
                m.appliedOn(), m.activistOn(), m.candidateOn(), m.admittedOn(), m.fullOn(), m.registeredOn(),
                m.transferredOutOn(), m.endedOn()).map(v -> v == null ? "" : v.toString()).toList();
    }

    /** Where the rows of an export go. */
    interface Sink extends AutoCloseable {
        void row(List<String> values) throws IOException;

        void flush() throws IOException;

        @Override
        void close() throws IOException;
    }

    static final class CsvSink implements Sink {
        private final Writer writer;

        CsvSink(OutputStream out) {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        @Override
        public void row(List<String> values) throws IOException {
            writer.write(Csv.record(values));
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }

    /**
     * One worksheet, written row by row and flushed each chunk. Inline strings instead of the shared
     * string table, which would otherwise hold every distinct value of the export in memory. Every cell
     * is text, so nothing a user typed is ever evaluated as a formula.
     */
    static final class XlsxSink implements Sink {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxSink(OutputStream out) {
            workbook = new Workbook(out, "dangjian-member-service", "1.0");
            sheet = workbook.newWorksheet("members");
        }

        @Override
        public void row(List<String> values) {
            for (int c = 0; c < values.size(); c++) {
                if (!values.get(c).isEmpty()) {
                    sheet.inlineString(row, c, values.get(c));
                }
            }
            row++;
        }

        @Override
        public void flush() throws IOException {
            sheet.flush();
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }
}
