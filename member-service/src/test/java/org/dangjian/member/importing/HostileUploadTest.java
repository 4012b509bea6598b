package org.dangjian.member.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.member.importing.MemberXlsxTest.Person;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.importing.HostileWorkbooks.GB;
import static org.dangjian.member.importing.HostileWorkbooks.MB;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile import files, generated here, small on disk: each is refused with a 4xx problem+json and its stable code,
 * registers nobody, and leaves the service ready with its heap well under its limit.
 */
@QuarkusTest
class HostileUploadTest {

    static final String XLSX = MemberImportResource.XLSX;
    /** quarkus.http.limits.max-body-size: what reaches the import at all. */
    static final long BODY_LIMIT = MB;

    static Arguments hostile(String name, Supplier<byte[]> file, int status, String code) {
        return Arguments.of(name, file, status, code);
    }

    static Stream<Arguments> workbooks() {
        return Stream.of(
                hostile("1 GB of one cell's text, packed 1000:1", () -> HostileWorkbooks.hugeCell(GB), 422, "IMPORT_CELL_TOO_LONG"),
                hostile("1 GB shared string", () -> HostileWorkbooks.sharedStringsBomb(GB), 422, "IMPORT_CELL_TOO_LONG"),
                hostile("1 GB picture of zeros", () -> HostileWorkbooks.binaryBomb(GB), 413, "IMPORT_ARCHIVE_RATIO_TOO_HIGH"),
                hostile("200 MB of one row repeated, packed 340:1", () -> HostileWorkbooks.repetitiveRows(200 * MB, 10), 413,
                        "IMPORT_ARCHIVE_RATIO_TOO_HIGH"),
                hostile("17 MB sheet packed 46:1", () -> HostileWorkbooks.numberedRows(17 * MB, 200), 413,
                        "IMPORT_ARCHIVE_ENTRY_TOO_LARGE"),
                hostile("three 12 MB sheets packed 46:1", () -> HostileWorkbooks.extraSheets(3, 12 * MB, 200), 413,
                        "IMPORT_ARCHIVE_TOO_LARGE"),
                hostile("1,100 parts", () -> HostileWorkbooks.manyEntries(1100), 413, "IMPORT_ARCHIVE_TOO_MANY_ENTRIES"),
                hostile("a zip inside the workbook", HostileWorkbooks::nestedArchive, 422, "IMPORT_ARCHIVE_NESTED"),
                hostile("a cell at column XFD", () -> HostileWorkbooks.cellAt("XFD1"), 422, "IMPORT_TOO_MANY_COLUMNS"),
                hostile("a cell at column ZZZZZZ", () -> HostileWorkbooks.cellAt("ZZZZZZ1"), 422, "IMPORT_TOO_MANY_COLUMNS"),
                hostile("1,000 cells in one row", () -> HostileWorkbooks.cellsInOneRow(1000), 422, "IMPORT_TOO_MANY_COLUMNS"),
                hostile("a document type declaring entities", HostileWorkbooks::documentTypeDeclaration, 422,
                        "IMPORT_ARCHIVE_MARKUP_REFUSED"));
    }

    static ValidatableResponse upload(UUID committee, String contentType, byte[] body, String language) {
        return given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, committee)).contentType(contentType)
                .header("Accept-Language", language).body(body).queryParam("mode", "SKIP_BAD_ROWS")
                .post("/api/v1/member-imports").then();
    }

    static void refusedAsProblem(ValidatableResponse response, int status, String code, Locale locale) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("title", equalTo(Messages.get(locale, code + ".title")));
    }

    static void stillReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long heapLimit() {
        return Runtime.getRuntime().maxMemory();
    }

    static void nobodyIn(UUID branch) {
        asPlatformAdmin().queryParam("orgId", branch).get("/api/v1/members").then().statusCode(200).body("items", hasSize(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void aHostileWorkbookIsRefusedAndTheServiceStaysReady(String name, Supplier<byte[]> file, int status, String code) {
        byte[] workbook = file.get();
        assertTrue(workbook.length < BODY_LIMIT, name + " within the body limit: " + workbook.length);
        TestTree.Node committee = TestTree.committee();

        refusedAsProblem(upload(committee.id(), XLSX, workbook, "en"), status, code, Locale.ENGLISH);
        refusedAsProblem(upload(committee.id(), XLSX, workbook, "zh-CN"), status, code, Messages.CHINESE);

        stillReady();
        assertTrue(heapUsed() < heapLimit(), "heap " + heapUsed() + " of " + heapLimit());
    }

    @Test
    void aGigabyteBombCostsTheServiceAFewMegabytesNotAGigabyte() {
        byte[] bomb = HostileWorkbooks.binaryBomb(GB);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();

        refusedAsProblem(upload(TestTree.committee().id(), XLSX, bomb, "en"), 413, "IMPORT_ARCHIVE_RATIO_TOO_HIGH", Locale.ENGLISH);

        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        // Every thread of the test JVM together (the service, its Kafka clients, the test) allocated a fraction of the
        // gigabyte: the bomb was never unpacked whole, let alone held.
        assertTrue(allocated < 256 * MB, "allocated " + allocated);
        assertTrue(peak < heapLimit(), "peak heap " + peak + " of " + heapLimit());
        stillReady();
    }

    @Test
    void aWorkbookOverTheRowLimitIsRefusedBeforeAnyRowIsRegistered() throws IOException {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            people.add(new Person("王建国", "MALE", TestIds.nationalId(), TestIds.phone(), branch, null));
        }
        byte[] workbook = MemberXlsxTest.workbook(people);

        refusedAsProblem(upload(committee.id(), XLSX, workbook, "zh-CN"), 413, "IMPORT_TOO_MANY_ROWS", Messages.CHINESE);
        nobodyIn(branch);
    }

    @Test
    void aCellLongerThanTheLimitRefusesTheWholeWorkbook() throws IOException {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        byte[] workbook = MemberXlsxTest.workbook(List.of(new Person("王建国", "MALE", TestIds.nationalId(), TestIds.phone(), branch, null),
                new Person("李".repeat(1001), "FEMALE", TestIds.nationalId(), TestIds.phone(), branch, null)));

        refusedAsProblem(upload(committee.id(), XLSX, workbook, "en"), 422, "IMPORT_CELL_TOO_LONG", Locale.ENGLISH);
        nobodyIn(branch);
    }

    static String csvRow(UUID branch) {
        return MemberImportTest.row("王建国", "MALE", TestIds.nationalId(), "某单位", branch);
    }

    @Test
    void aCsvFileOverTheRowLimitIsRefusedBeforeAnyRowIsRegistered() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        StringBuilder csv = new StringBuilder(MemberImportTest.HEADER);
        for (int i = 0; i < 5001; i++) {
            csv.append(csvRow(branch));
        }
        refusedAsProblem(upload(committee.id(), "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "en"),
                413, "IMPORT_TOO_MANY_ROWS", Locale.ENGLISH);
        nobodyIn(branch);
    }

    @Test
    void aCsvLineFieldOrRowOverItsLimitRefusesTheWholeFile() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        String good = MemberImportTest.HEADER + csvRow(branch);
        String longLine = String.join(",", java.util.Collections.nCopies(10, "x".repeat(500))) + "\n";
        for (String[] hostile : new String[][] {
                {good + longLine, "IMPORT_LINE_TOO_LONG"},
                {good + "y".repeat(1001) + "\n", "IMPORT_CELL_TOO_LONG"},
                {good + ",".repeat(100) + "\n", "IMPORT_TOO_MANY_COLUMNS"}}) {
            refusedAsProblem(upload(committee.id(), "text/csv", hostile[0].getBytes(java.nio.charset.StandardCharsets.UTF_8), "en"),
                    422, hostile[1], Locale.ENGLISH);
        }
        nobodyIn(branch);
        stillReady();
    }

    @Test
    void theLargestLegitimateWorkbookStillImports() throws IOException {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        List<Person> people = new ArrayList<>();
        for (String nationalId : MemberImportWritesTest.distinctNationalIds(5000)) {
            people.add(new Person("王建国", "MALE", nationalId, TestIds.phone(), branch, null));
        }
        byte[] workbook = MemberXlsxTest.workbook(people);
        assertTrue(workbook.length < BODY_LIMIT, "within the body limit: " + workbook.length);

        given().auth().oauth2(Tokens.issue(Caller.ORG_ADMIN, committee.id())).contentType(XLSX).body(workbook)
                .queryParam("mode", "ALL_OR_NOTHING").post("/api/v1/member-imports").then().statusCode(200)
                .body("committed", equalTo(true)).body("created", equalTo(5000));
    }
}
