package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B7: the work queue and the member's own view (issue 24). {@code GET /api/v1/tasks} of assistance-service for an
 * org-admin of the root committee (every branch of the scale tree, 75,000 at scale 1, with its 100,000 open cases)
 * against the lists it merges, each run alone in the same run with the same token and page size: cases to verify, to
 * review, to approve at the caller's level, reassignments due, follow-up visits due, re-assessments due. And
 * {@code GET /api/v1/me/cases} for members against the list it answers from, {@code GET /cases?beneficiaryId=}
 * by an org-admin. Goal: the queue's p99 within the sum of its lists' p99 (it runs one count and one page of each).
 */
public final class WorkQueue {

    private WorkQueue() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("bench.concurrency", 2);
        try (Bench bench = Bench.start("b7", DangjianService.ASSISTANCE)) {
            ScaleData data = bench.load(DangjianService.ASSISTANCE);
            String committee = bench.token(Caller.ORG_ADMIN, data.root().id());
            String base = bench.baseUrl(DangjianService.ASSISTANCE) + "/api/v1";
            String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
            Map<String, String> lists = new LinkedHashMap<>();
            lists.put("CASE_TO_VERIFY: GET /cases?status=APPLIED", base + "/cases?status=APPLIED&size=50");
            lists.put("CASE_TO_REVIEW: GET /cases?status=VERIFIED", base + "/cases?status=VERIFIED&size=50");
            lists.put("CASE_TO_APPROVE: GET /cases?status=BRANCH_REVIEWED&requiredLevel=ORG_ADMIN",
                    base + "/cases?status=BRANCH_REVIEWED&requiredLevel=ORG_ADMIN&size=50");
            lists.put("CASE_REASSIGNMENT_DUE: GET /cases/reassignments-due", base + "/cases/reassignments-due?size=50");
            lists.put("FOLLOW_UP_VISIT_DUE: GET /visits/overdue-follow-ups", base + "/visits/overdue-follow-ups?asOf=" + tomorrow + "&size=50");
            lists.put("REASSESSMENT_DUE: GET /reports/reassessments-due", base + "/reports/reassessments-due?size=50");

            bench.report("assistance-service at scale %.2f: %,d organizations (%,d branches), %,d open cases; %d concurrent clients, "
                            + "%d s warm-up then %d s measured each, one after the other.", Bench.scale(), data.orgs.size(),
                    data.branches.size(), data.cases, concurrency, LoadGenerator.warmUp().toSeconds(), LoadGenerator.measure().toSeconds());
            bench.report("");
            bench.report(LoadGenerator.Result.header());
            LoadGenerator.Result queue = LoadGenerator.run("GET /api/v1/tasks?size=50 (org-admin of the root committee)", concurrency,
                    LoadGenerator.warmUp(), LoadGenerator.measure(), r -> ReadPath.get(base + "/tasks?size=50", committee));
            bench.report(queue.line());
            double sumP99 = 0;
            List<LoadGenerator.Result> alone = new ArrayList<>();
            for (Map.Entry<String, String> list : lists.entrySet()) {
                LoadGenerator.Result result = LoadGenerator.run(list.getKey() + " alone", concurrency, LoadGenerator.warmUp(),
                        LoadGenerator.measure(), r -> ReadPath.get(list.getValue(), committee));
                bench.report(result.line());
                alone.add(result);
                sumP99 += result.percentileMillis(99);
            }

            // /me: members with a case, each with their own token; against the same cases read by beneficiary
            int members = Math.min(200, data.cases);
            int stride = data.members / data.cases;
            String[] memberTokens = new String[members];
            String[] byBeneficiary = new String[members];
            try (var c = bench.connect(DangjianService.ASSISTANCE);
                    var q = c.prepareStatement("select b.id from beneficiary b where b.member_id = ?")) {
                for (int k = 0; k < members; k++) {
                    ScaleData.Member m = data.member(k * stride);
                    memberTokens[k] = bench.memberToken(m.orgId(), m.id());
                    q.setObject(1, m.id());
                    try (var rows = q.executeQuery()) {
                        rows.next();
                        byBeneficiary[k] = base + "/cases?beneficiaryId=" + rows.getObject(1) + "&size=50";
                    }
                }
            }
            LoadGenerator.Result me = LoadGenerator.run("GET /api/v1/me/cases (" + members + " members, each their own token)",
                    concurrency, LoadGenerator.warmUp(), LoadGenerator.measure(),
                    r -> ReadPath.get(base + "/me/cases", memberTokens[r.nextInt(members)]));
            bench.report(me.line());
            LoadGenerator.Result meAlone = LoadGenerator.run("GET /cases?beneficiaryId= alone (the same cases, org-admin)", concurrency,
                    LoadGenerator.warmUp(), LoadGenerator.measure(), r -> ReadPath.get(byBeneficiary[r.nextInt(members)], committee));
            bench.report(meAlone.line());
            bench.report("");
            double queueRatio = queue.percentileMillis(99) / sumP99;
            bench.report("- **GET /tasks p99 %.1f ms = %.2f× the sum of its %d lists' p99 run alone (%.1f ms; goal ≤ 1×: %s).**",
                    queue.percentileMillis(99), queueRatio, alone.size(), sumP99, queueRatio <= 1 ? "met" : "missed");
            double meRatio = me.percentileMillis(99) / meAlone.percentileMillis(99);
            bench.report("- **GET /me/cases p99 %.1f ms = %.2f× the list by beneficiary alone (%.1f ms).**", me.percentileMillis(99),
                    meRatio, meAlone.percentileMillis(99));
            long errors = queue.errors() + me.errors() + meAlone.errors() + alone.stream().mapToLong(LoadGenerator.Result::errors).sum();
            bench.report("- Errors (non-200 answers): %d.", errors);
            bench.write("B7: work queue and /me", null);
        }
    }
}
