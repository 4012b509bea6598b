package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The members of every demo branch, through the bulk import (批量导入, one file per branch, in
 * parallel), then each member's conversion to full membership (转正) dated a year after admission.
 * Registered as probationary and converted rather than registered as full: the activity service's
 * roster opens a registered member's membership on the day of registration (today), but a stage
 * change on its effective date, so the conversion, dated before the demo year, is what puts them on
 * the rosters of the year's recorded activities.
 */
final class DemoMembers {

    private static final String HEADER = "name,gender,ethnicity,nationalId,phone,education,category,workUnit,orgId,stage,"
            + "appliedOn,activistOn,candidateOn,admittedOn";

    /** One member as registered, with the date from which they are a full member of their branch. */
    record Member(UUID id, String name, LocalDate fullOn) {
    }

    record Row(String name, boolean male, String ethnicity, String nationalId, String phone, String education,
            String category, String workUnit, LocalDate appliedOn, LocalDate activistOn, LocalDate candidateOn,
            LocalDate admittedOn) {

        String csv(UUID orgId) {
            return String.join(",", name, male ? "MALE" : "FEMALE", ethnicity, nationalId, phone, education, category,
                    workUnit == null ? "" : workUnit, orgId.toString(), "PROBATIONARY", appliedOn.toString(),
                    activistOn.toString(), candidateOn.toString(), admittedOn.toString());
        }
    }

    private final Random random;
    private final DemoPeople people;
    private final int demoYear;

    DemoMembers(Random random, DemoPeople people, int demoYear) {
        this.random = random;
        this.people = people;
        this.demoYear = demoYear;
    }

    /** The rows of every branch's file, drawn here in order: the same people on every run whatever the requests' timing. */
    Map<DemoTree.Node, List<Row>> draw(List<DemoTree.Node> branches, Map<DemoTree.Node, Integer> sizes) {
        Map<DemoTree.Node, List<Row>> rows = new LinkedHashMap<>();
        for (DemoTree.Node branch : branches) {
            List<Row> list = new ArrayList<>();
            for (int i = 0; i < sizes.get(branch); i++) {
                list.add(row(branch));
            }
            rows.put(branch, list);
        }
        return rows;
    }

    /**
     * One branch's members: imported once member-service knows the branch, then each converted (转正)
     * a year after admission, years before the demo year. The members in file order.
     */
    List<Member> registerAndConvert(DemoClient api, DemoTree.Established tree, DemoTree.Node branch, List<Row> rows) {
        tree.awaitCopy(api, DangjianService.MEMBER, tree.id(branch));
        List<Member> members = importBranch(api, tree.id(branch), rows);
        for (Member m : members) {
            api.post(DangjianService.MEMBER, "/api/v1/members/" + m.id() + "/stage-changes",
                    Map.of("toStage", "FULL", "effectiveOn", m.fullOn().toString(),
                            "decisionRef", "支部党员大会〔" + m.fullOn().getYear() + "〕转正决议"), 201);
        }
        return members;
    }

    /** Waits until the activity service's roster of the branch lists its members on the first day of the demo year. */
    void awaitRoster(DemoClient api, UUID orgId, int size) {
        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + orgId + "/roster?size=200&on=" + LocalDate.of(demoYear, 1, 1),
                r -> r.get("items").size() == size, Duration.ofSeconds(180));
    }

    private List<Member> importBranch(DemoClient api, UUID orgId, List<Row> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> csv.append(r.csv(orgId)).append('\n'));
        JsonNode report = api.postCsv(DangjianService.MEMBER, "/api/v1/member-imports", csv.toString(), 200);
        if (!report.get("committed").asBoolean() || report.get("created").asInt() != rows.size()) {
            throw new IllegalStateException("demo members not imported: " + report);
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode row : report.get("rows")) {
            Row source = rows.get(row.get("row").asInt() - firstRowNumber(report));
            members.add(new Member(UUID.fromString(row.get("memberId").asText()), source.name(),
                    source.admittedOn().plusYears(1)));
        }
        return members;
    }

    /** The report numbers rows as the file does (header = 1) or from the first data row: find out from the first. */
    private static int firstRowNumber(JsonNode report) {
        return report.get("rows").get(0).get("row").asInt();
    }

    private Row row(DemoTree.Node branch) {
        String category = category(branch);
        boolean retired = category.equals("RETIRED");
        LocalDate birth = branch.sector() != null && branch.sector().equals("RETURNED_GRADUATES")
                ? people.birth(1993, 7) : retired ? people.birth(1940, 22) : people.birth(1962, 36);
        boolean male = random.nextInt(10) < 6;
        int latest = demoYear - 2;
        int earliest = Math.min(Math.max(birth.getYear() + 22, 1978), latest);
        LocalDate admitted = LocalDate.of(earliest + random.nextInt(latest - earliest + 1), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        return new Row(people.name(), male, random.nextInt(20) == 0 ? "22" : "01", people.nationalId(birth, male),
                people.mobile(), education(branch), category, workUnit(branch), admitted.minusMonths(30),
                admitted.minusMonths(27), admitted.minusMonths(4), admitted);
    }

    private String category(DemoTree.Node branch) {
        if (branch.name().contains("离退休")) {
            return "RETIRED";
        }
        int roll = random.nextInt(10);
        return switch (branch.sector()) {
            case "VILLAGE" -> roll < 7 ? "FARMER" : roll < 9 ? "RETIRED" : "EMPLOYED";
            case "COMMUNITY" -> roll < 4 ? "RETIRED" : roll < 9 ? "EMPLOYED" : "UNEMPLOYED";
            default -> "EMPLOYED";
        };
    }

    private String education(DemoTree.Node branch) {
        String[] options = switch (branch.sector()) {
            case "VILLAGE" -> new String[] {"PRIMARY", "JUNIOR_SECONDARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY"};
            case "GOVERNMENT_ORGAN" -> new String[] {"BACHELOR", "BACHELOR", "MASTER"};
            case "NON_PUBLIC_ENTERPRISE", "RETURNED_GRADUATES" -> new String[] {"JUNIOR_COLLEGE", "BACHELOR", "BACHELOR"};
            default -> new String[] {"JUNIOR_SECONDARY", "SENIOR_SECONDARY", "JUNIOR_COLLEGE", "BACHELOR"};
        };
        return options[random.nextInt(options.length)];
    }

    private static String workUnit(DemoTree.Node branch) {
        return switch (branch.sector()) {
            case "GOVERNMENT_ORGAN", "NON_PUBLIC_ENTERPRISE" -> branch.name().replace("机关党支部", "").replace("党支部", "")
                    .replace("非公企业联合", "软件园企业").replace("第二联合", "软件园企业");
            case "MOBILE" -> "厦门市建筑工地";
            default -> null;
        };
    }
}
