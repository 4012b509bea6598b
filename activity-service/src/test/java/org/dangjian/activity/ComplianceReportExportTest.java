package org.dangjian.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A subtree with more branches than the .xlsx export reads in one statement (500) and than one page
 * holds (200): 600 branches under one committee and 401 under another, none with members or activities,
 * so a month report owes each exactly one themed party day.
 */
@QuarkusTest
class ComplianceReportExportTest {

    private static Org city;

    @BeforeEach
    void manyBranches() {
        if (city != null) {
            return;
        }
        city = root();
        branches(child(city, "COMMITTEE"), "东区支部", 600);
        branches(child(city, "COMMITTEE"), "西区支部", 401);
    }

    @Test
    void xlsxHasOneLinePerBranchForEveryBranchOfTheSubtree() throws Exception {
        byte[] xlsx = admin().get("/api/v1/compliance-report/xlsx?orgId=" + city.id() + "&year=2025&month=2").then()
                .statusCode(200).extract().asByteArray();
        var sheets = Xlsx.sheets(xlsx);
        assertEquals(1001, sheets.get("汇总").get(2).getCell(1).asNumber().intValueExact());
        var lines = sheets.get("台账");
        assertEquals(1002, lines.size());
        Set<String> names = new HashSet<>();
        for (var row : lines.subList(1, lines.size())) {
            names.add(row.getCell(0).asString());
            assertEquals("主题党日", row.getCell(3).asString());
        }
        assertEquals(1001, names.size());
    }

    @Test
    void pagingThroughTheReportReturnsEveryBranchOnceInTreeOrder() {
        List<String> paths = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = admin().get("/api/v1/compliance-report?orgId=" + city.id() + "&year=2025&month=2&size=200"
                    + (after == null ? "" : "&cursor=" + after)).then().statusCode(200).extract().jsonPath();
            assertEquals(1001, page.getInt("summary.branches"));
            paths.addAll(page.getList("items.path", String.class));
            after = page.getString("nextCursor");
            pages++;
        } while (after != null);

        assertEquals(6, pages);
        assertEquals(1001, new HashSet<>(paths).size());
        assertEquals(paths.stream().sorted().toList(), paths);
    }

    @Test
    void summaryAndByChildAddUpEveryBranch() {
        JsonPath report = admin().get("/api/v1/compliance-report?orgId=" + city.id() + "&year=2025&month=2&size=1").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1001, report.getInt("summary.branches"));
        assertEquals(1001, report.getInt("summary.branchesBehind"));
        assertEquals(1001, report.getInt("summary.requirements"));
        assertEquals(0, report.getInt("summary.requirementsMet"));
        assertEquals(List.of(401, 600), report.getList("byChild.branches", Integer.class).stream().sorted().toList());
        assertEquals(List.of(401, 600), report.getList("byChild.branchesBehind", Integer.class).stream().sorted().toList());
        assertNull(report.get("summary.attendance.rate"));
    }

    private static void branches(Org parent, String name, int count) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                insert into org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at)
                select x.id, ?1, ?2 || x.id || '/', 'T' || left(cast(x.id as text), 8), ?3 || x.g, 'BRANCH', 'ACTIVE', 0, now()
                from (select gen_random_uuid() as id, g from generate_series(1, ?4) g) x""")
                .setParameter(1, parent.id()).setParameter(2, parent.path()).setParameter(3, name).setParameter(4, count)
                .executeUpdate());
    }
}
