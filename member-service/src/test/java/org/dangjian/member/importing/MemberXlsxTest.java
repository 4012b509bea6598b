package org.dangjian.member.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Excel workbooks in and out, written and read by a real .xlsx library, as a spreadsheet user's file would be. */
@QuarkusTest
class MemberXlsxTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("name", "gender", "ethnicity", "nationalId", "phone", "category", "orgId", "stage",
            "appliedOn", "admittedOn", "fullOn", "birthDate");

    /** One member row; the phone as a number cell and the birth date as a date cell, the way Excel users type them. */
    record Person(String name, String gender, String nationalId, String phone, UUID orgId, LocalDate birthDate) {
    }

    static byte[] workbook(List<Person> people) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("党员");
        for (int c = 0; c < HEADER.size(); c++) {
            ws.value(0, c, HEADER.get(c));
        }
        for (int r = 0; r < people.size(); r++) {
            Person p = people.get(r);
            int row = r + 1;
            ws.value(row, 0, p.name());
            ws.value(row, 1, p.gender());
            ws.value(row, 2, "01");
            ws.value(row, 3, p.nationalId());
            ws.value(row, 4, Long.parseLong(p.phone()));
            ws.value(row, 5, "EMPLOYED");
            ws.value(row, 6, p.orgId().toString());
            ws.value(row, 7, "FULL");
            ws.value(row, 8, "2005-03-01");
            ws.value(row, 9, LocalDate.of(2007, 1, 10));
            ws.style(row, 9).format("yyyy-mm-dd").set();
            ws.value(row, 10, "2008-01-10");
            if (p.birthDate() != null) {
                ws.value(row, 11, p.birthDate());
                ws.style(row, 11).format("yyyy/m/d").set();
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    static LocalDate birthDateOf(String nationalId) {
        return LocalDate.parse(nationalId.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    static ValidatableResponse upload(String role, UUID orgId, byte[] xlsx, String mode) {
        return given().auth().oauth2(Tokens.issue(role, orgId)).contentType(XLSX).body(xlsx)
                .queryParam("mode", mode).post("/api/v1/member-imports").then();
    }

    @Test
    void workbookRowsAreValidatedLikeTheApiAndGoodOnesRegisteredWhenSkippingBadRows() throws IOException {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        String good = TestIds.nationalId();
        String phone = TestIds.phone();
        String other = TestIds.nationalId();
        byte[] file = workbook(List.of(
                new Person("王建国", "MALE", good, phone, branch, birthDateOf(good)),
                new Person("李秀英", "FEMALE", TestIds.withWrongCheck(TestIds.nationalId()), TestIds.phone(), branch, null),
                new Person("张伟", "MALE", other, TestIds.phone(), branch, birthDateOf(other).plusDays(1)),
                new Person("赵磊", "UNKNOWN", TestIds.nationalId(), TestIds.phone(), branch, null)));

        upload(Caller.ORG_ADMIN, committee.id(), file, "SKIP_BAD_ROWS").statusCode(200)
                .body("total", equalTo(4))
                .body("created", equalTo(1))
                .body("committed", equalTo(true))
                .body("rows.status", contains("CREATED", "REJECTED", "REJECTED", "REJECTED"))
                .body("rows[0].memberId", notNullValue())
                .body("rows[1].errors.field", contains("nationalId"))
                .body("rows[2].code", equalTo("MEMBER_BIRTH_DATE_MISMATCH"))
                .body("rows[3].errors.field", contains("gender"));

        String id = asPlatformAdmin().queryParam("nationalId", good).get("/api/v1/members").then()
                .body("items", hasSize(1)).extract().path("items[0].id");
        asPlatformAdmin().get("/api/v1/members/" + id).then()
                .body("phone", equalTo(phone))
                .body("admittedOn", equalTo("2007-01-10"))
                .body("birthDate", equalTo(birthDateOf(good).toString()));
    }

    @Test
    void allOrNothingWorkbookWithABadRowRegistersNobody() throws IOException {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        String good = TestIds.nationalId();
        byte[] file = workbook(List.of(new Person("王建国", "MALE", good, TestIds.phone(), branch, null),
                new Person("李秀英", "FEMALE", TestIds.withWrongCheck(TestIds.nationalId()), TestIds.phone(), branch, null)));
        upload(Caller.PLATFORM_ADMIN, null, file, "ALL_OR_NOTHING").statusCode(200)
                .body("committed", equalTo(false))
                .body("rows.status", contains("NOT_COMMITTED", "REJECTED"));
        asPlatformAdmin().queryParam("nationalId", good).get("/api/v1/members").then().body("items", hasSize(0));
    }

    @Test
    void aBodyThatIsNotAWorkbookIsRefused() {
        upload(Caller.PLATFORM_ADMIN, null, "name,gender\n".getBytes(), "ALL_OR_NOTHING").statusCode(400)
                .body("code", equalTo("IMPORT_FILE_UNREADABLE"));
    }

    @Test
    void workbookImportNeedsATokenAndAnImportingRole() throws IOException {
        byte[] empty = workbook(List.of());
        given().contentType(XLSX).body(empty).post("/api/v1/member-imports").then().statusCode(401);
        upload(Caller.MEMBER, null, empty, "ALL_OR_NOTHING").statusCode(403);
    }

    static List<List<String>> sheet(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellText(i));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void exportAsWorkbookHoldsTheCallersSubtreeMasked() throws IOException {
        TestTree.Node committee = TestTree.committee();
        String nationalId = TestIds.nationalId();
        UUID mine = Api.registered(Api.fullMember(TestTree.branch(committee).id(), nationalId, "13600001111"));
        UUID theirs = Api.registered(TestTree.branch(TestTree.committee()).id());

        byte[] body = given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, committee.id())).accept(XLSX)
                .get("/api/v1/member-exports").then().statusCode(200)
                .contentType(startsWith(XLSX))
                .header("Content-Disposition", equalTo("attachment; filename=\"members.xlsx\""))
                .extract().asByteArray();

        List<List<String>> rows = sheet(body);
        assertEquals(MemberExportResource.COLUMNS, rows.get(0));
        List<String> row = rows.stream().filter(r -> r.get(0).equals(mine.toString())).findFirst().orElseThrow();
        int nid = MemberExportResource.COLUMNS.indexOf("nationalId");
        assertEquals(nationalId.substring(0, 4) + "**********" + nationalId.substring(14), row.get(nid));
        assertEquals("136****1111", row.get(MemberExportResource.COLUMNS.indexOf("phone")));
        assertTrue(rows.stream().noneMatch(r -> r.get(0).equals(theirs.toString())));
        assertFalse(rows.stream().flatMap(List::stream).anyMatch(nationalId::equals));
    }

    @Test
    void formatParameterWinsOverAcceptAndCsvIsTheDefault() {
        String token = Tokens.issue(Caller.PLATFORM_ADMIN, null);
        given().auth().oauth2(token).accept("text/csv").queryParam("format", "xlsx").get("/api/v1/member-exports").then()
                .statusCode(200).contentType(startsWith(XLSX));
        given().auth().oauth2(token).get("/api/v1/member-exports").then()
                .statusCode(200).contentType(startsWith("text/csv"));
        given().auth().oauth2(token).queryParam("format", "pdf").get("/api/v1/member-exports").then().statusCode(400);
    }
}
