package org.dangjian.member.importing;

import org.dangjian.platform.api.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.dangjian.member.importing.MemberImport.Mode;
import org.dangjian.member.importing.MemberImport.Report;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.access.BulkOperation;
import org.dangjian.platform.api.Messages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/member-imports")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "党员档案: member records")
public class MemberImportResource {

    /** SpreadsheetML, what Excel and WPS save as .xlsx. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    MemberImport importer;

    @POST
    @BulkOperation
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.INTEGRATION})
    @Operation(summary = "Register member records from a CSV file (批量导入)",
            description = "UTF-8 CSV with a header row naming the RegisterMember fields (name, gender, ethnicity, nationalId, "
                    + "category, orgId, stage required; birthDate, phone, education, workUnit, groupId, grid and the stage "
                    + "dates optional). Each row is validated exactly like POST /members. mode=ALL_OR_NOTHING (default) "
                    + "commits only a file without errors; SKIP_BAD_ROWS commits the good rows. The report lists every row. "
                    + "A file over the limits (dangjian.member.import.*) is refused whole, nothing registered: "
                    + "413 IMPORT_TOO_MANY_ROWS (5,000 non-blank rows), 422 IMPORT_TOO_MANY_COLUMNS (64), "
                    + "IMPORT_CELL_TOO_LONG (1,000 characters), IMPORT_LINE_TOO_LONG (4,096 characters).")
    public Report importCsv(InputStream body, @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") Mode mode,
            @Context HttpHeaders headers) {
        return importer.csv(body, mode, Messages.negotiate(headers.getAcceptableLanguages()));
    }

    @POST
    @BulkOperation
    @Consumes(XLSX)
    @RolesAllowed({Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY, Caller.INTEGRATION})
    @Operation(summary = "Register member records from an Excel workbook (批量导入, .xlsx)",
            description = "The first worksheet, laid out like the CSV import: a header row of RegisterMember field names, "
                    + "one member per row. Dates may be date cells or text (2005-03-01); keep national IDs as text cells, "
                    + "since a number cell cannot hold 18 digits exactly. Same validation, modes and report as the CSV "
                    + "import; 400 IMPORT_FILE_UNREADABLE when the body is not a workbook. The workbook (a zip archive) is "
                    + "checked part by part as it unpacks, before it is read: 413 IMPORT_ARCHIVE_TOO_MANY_ENTRIES (1,000 "
                    + "parts), IMPORT_ARCHIVE_ENTRY_TOO_LARGE (16 MB unpacked per part), IMPORT_ARCHIVE_TOO_LARGE (32 MB "
                    + "in all), IMPORT_ARCHIVE_RATIO_TOO_HIGH (100:1); 422 IMPORT_ARCHIVE_NESTED (an archive inside), "
                    + "IMPORT_ARCHIVE_MARKUP_REFUSED (a DTD or an over-long tag), and the CSV import's row, column, cell "
                    + "and row-length limits.")
    public Report importXlsx(InputStream body, @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") Mode mode,
            @Context HttpHeaders headers) {
        return importer.xlsx(body, mode, Messages.negotiate(headers.getAcceptableLanguages()));
    }
}
