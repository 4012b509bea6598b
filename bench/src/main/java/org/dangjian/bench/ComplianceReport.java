package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B2: activity-service's compliance report (台账) of the whole scale tree for 2025 over HTTP against
 * a hand-written SQL aggregate of the same figures run alone over JDBC on the same database: per
 * branch-type organization, held activities per type and month (a group's for its branch: the report checks each
 * month of the period) with attendance
 * sums, full members, whether it has groups, roster members and leaders below their training hours
 * (from activity-service's year-to-date totals, as the report reads them), the secretary's lectures and the sector,
 * at the same work_mem as the service's report transaction. The report (its default first page: the
 * whole tree's summary and 分级汇总, 50 branches) adds the configured requirements, the page and JSON;
 * both sides' totals are printed.
 * Goal: ≤ 2× the SQL's time and under 1 s.
 */
public final class ComplianceReport {

    /** The service's defaults (activity-service application.properties), written out as literals. */
    static final String HAND_WRITTEN = """
            with branch as (
              select id from org_unit
              where path like ? and type in ('BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH') and status = 'ACTIVE'),
            held_activity as (
              select case when o.type = 'GROUP' then o.parent_id else o.id end as branch_id, a.type, a.held_on,
                     a.host_member_id, a.expected_count, a.present_count, a.leave_count
              from activity a join org_unit o on o.id = a.org_id
              where o.path like ? and a.status = 'HELD' and a.held_on >= ? and a.held_on < ?),
            held as (
              select branch_id, type, date_trunc('month', held_on) as month, count(*) as held, sum(expected_count) as expected,
                     sum(present_count) as present, sum(leave_count) as on_leave
              from held_activity group by 1, 2, 3),
            leaders as (
              select distinct member_id from leadership_seat
              where seat in ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE', 'OTHER')
                and started_on <= ? and (ended_on is null or ended_on > ?)),
            roster as (
              select p.org_id, p.stage, coalesce(y.hours[12], 0) as hours, l.member_id is not null as leader
              from membership_period p join branch b on b.id = p.org_id
              left join member_training_ytd y on y.member_id = p.member_id and y.year = ?
              left join leaders l on l.member_id = p.member_id
              where p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?)
                and (p.stage is null or p.stage in ('PROBATIONARY', 'FULL'))),
            members as (
              select org_id, count(*) filter (where stage = 'FULL') as full_members,
                     count(*) filter (where hours < case when leader then 56 else 32 end) as below_hours,
                     count(*) filter (where leader and hours < 56) as leaders_below
              from roster group by org_id),
            grp as (
              select distinct parent_id from org_unit where path like ? and type = 'GROUP' and status = 'ACTIVE'),
            lectures as (
              select h.branch_id, count(*) as n from held_activity h join leadership_seat s
                on s.org_id = h.branch_id and s.member_id = h.host_member_id and s.seat = 'SECRETARY'
               and s.started_on <= h.held_on and (s.ended_on is null or s.ended_on > h.held_on)
              where h.type = 'PARTY_LECTURE' group by h.branch_id)
            select b.id, h.type, h.held, h.expected, h.present, h.on_leave, m.full_members, m.below_hours, m.leaders_below,
                   g.parent_id is not null, l.n, h.month, s.sector
            from branch b left join org_sector s on s.org_id = b.id left join held h on h.branch_id = b.id left join members m on m.org_id = b.id
            left join grp g on g.parent_id = b.id left join lectures l on l.branch_id = b.id""";

    /**
     * Every tenth organization a government organ (which owes 24 study sessions a year by default), the rest villages:
     * the report joins the sectors for its sector rules, so the bench gives it some to join.
     */
    static final String SECTORS = """
            insert into org_sector (org_id, sector, source_version)
            select id, case when abs(hashtext(cast(id as text))) % 10 = 0 then 'GOVERNMENT_ORGAN' else 'VILLAGE' end, 0 from org_unit
            on conflict (org_id) do nothing""";

    private static final Pattern LOGGED = Pattern.compile("compliance report of .* (\\d+) branches in (\\d+) ms(?: \\(statement (\\d+) ms\\))?");

    private ComplianceReport() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        try (Bench bench = Bench.start("b2", DangjianService.ACTIVITY)) {
            ScaleData data = bench.load(DangjianService.ACTIVITY);
            try (Connection c = bench.connect(DangjianService.ACTIVITY)) {
                ScaleData.exec(c, SECTORS);
                ScaleData.exec(c, "analyze org_sector");
            }
            String token = bench.token(Caller.PLATFORM_ADMIN, null);
            String url = bench.baseUrl(DangjianService.ACTIVITY) + "/api/v1/compliance-report?orgId=" + data.root().id() + "&year="
                    + ScaleData.YEAR;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Long> httpMillis = new ArrayList<>();
            List<Long> sqlMillis = new ArrayList<>();
            long bytes = 0;
            String body = null;
            Totals anchorTotals = null;
            // the log is appended to across runs of this bench: read only what this run adds
            long logFrom = Files.size(bench.log(DangjianService.ACTIVITY));
            String prefix = data.root().path() + "%";
            try (Connection c = bench.connect(DangjianService.ACTIVITY);
                    PreparedStatement q = c.prepareStatement(HAND_WRITTEN)) {
                LocalDate from = LocalDate.of(ScaleData.YEAR, 1, 1);
                LocalDate to = from.plusYears(1);
                LocalDate lastDay = to.minusDays(1);
                Object[] params = {prefix, prefix, from, to, lastDay, lastDay, ScaleData.YEAR, lastDay, lastDay, prefix};
                // the service runs its statements with its configured work_mem (64MB by default): the same here
                ScaleData.exec(c, "set work_mem = '" + System.getProperty("bench.work-mem", "64MB") + "'");
                for (int i = 0; i < params.length; i++) {
                    q.setObject(i + 1, params[i]);
                }
                // one warm-up of each, then alternate so both see the same cache and machine load
                for (int run = -1; run < runs; run++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(ReadPath.get(url, token), HttpResponse.BodyHandlers.ofString());
                    long took = (System.nanoTime() - start) / 1_000_000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("report failed: " + response.statusCode() + " " + response.body());
                    }
                    body = response.body();
                    bytes = body.length();
                    start = System.nanoTime();
                    long rows = 0;
                    Totals.Adder adder = new Totals.Adder();
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            rows++;
                            adder.row(r);
                        }
                    }
                    long sql = (System.nanoTime() - start) / 1_000_000;
                    anchorTotals = adder.totals();
                    if (run >= 0) {
                        httpMillis.add(took);
                        sqlMillis.add(sql);
                    }
                    System.out.printf("[b2] run %d: report %d ms over HTTP (%,d chars), hand-written SQL %d ms (%,d rows)%n", run, took,
                            bytes, sql, rows);
                }
            }
            List<Long> logged = new ArrayList<>();
            List<Long> statement = new ArrayList<>();
            String logText;
            try (var in = Files.newInputStream(bench.log(DangjianService.ACTIVITY))) {
                in.skipNBytes(logFrom);
                logText = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Matcher m = LOGGED.matcher(logText);
            while (m.find()) {
                logged.add(Long.parseLong(m.group(2)));
                if (m.group(3) != null) {
                    statement.add(Long.parseLong(m.group(3)));
                }
            }
            long report = Bench.median(httpMillis);
            long sql = Bench.median(sqlMillis);
            bench.report("Report of the root organization (%,d branches, %,d members) for %d; median of %d runs after one warm-up, "
                    + "HTTP and SQL alternating.", data.branches.size(), data.members, ScaleData.YEAR, runs);
            bench.report("");
            bench.report("| what | median ms | runs ms |\n|---|---|---|");
            bench.report("| GET /api/v1/compliance-report (platform-admin, %,d chars of JSON) | %d | %s |", bytes, report, httpMillis);
            bench.report("| inside the service: its SQL statements + assembling (its log line) | %d | %s |",
                    logged.isEmpty() ? -1 : Bench.median(logged.subList(1, logged.size())), logged.subList(Math.min(1, logged.size()), logged.size()));
            if (statement.size() > 1) {
                bench.report("| inside the service: its SQL statements alone, summary + page (its log line) | %d | %s |",
                        Bench.median(statement.subList(1, statement.size())), statement.subList(1, statement.size()));
            }
            bench.report("| hand-written SQL aggregate alone (JDBC, same database) | %d | %s |", sql, sqlMillis);
            bench.report("");
            Totals reportTotals = Totals.of(body);
            bench.report("Same figures on both sides (totals over the branches): report %s; SQL aggregate %s%s.", reportTotals,
                    anchorTotals, reportTotals.equals(anchorTotals) ? " (agree)" : " (**differ**)");
            bench.report("");
            double ratio = (double) report / Math.max(1, sql);
            bench.report("**Ratio: report = %.2f× the SQL aggregate (goal ≤ 2×: %s); %d ms (goal < 1 s: %s).**", ratio,
                    ratio <= 2 ? "met" : "missed", report, report < 1000 ? "met" : "missed");
            bench.report("");
            bench.report("Hand-written SQL:\n\n```sql\n" + HAND_WRITTEN + "\n```");
            bench.write("B2: compliance report vs the SQL aggregate", Boolean.parseBoolean(System.getProperty("bench.explain", "true"))
                    ? explainServiceQuery(bench, http, url.substring(url.indexOf("/api/")), token) : null);
        }
    }

    /**
     * After the timed runs: the plan of the service's own statement as PostgreSQL ran it, through
     * auto_explain (loaded for the activity database's new sessions, so the service is restarted).
     */
    static String explainServiceQuery(Bench bench, HttpClient http, String path, String token) throws Exception {
        try (Connection c = bench.connect(DangjianService.ACTIVITY)) {
            ScaleData.exec(c, "alter database activity set session_preload_libraries = 'auto_explain'");
            ScaleData.exec(c, "alter database activity set auto_explain.log_min_duration = '0'");
            ScaleData.exec(c, "alter database activity set auto_explain.log_analyze = on");
            ScaleData.exec(c, "alter database activity set auto_explain.log_buffers = on");
        }
        bench.restart(DangjianService.ACTIVITY, Bench.jit());
        String url = bench.baseUrl(DangjianService.ACTIVITY) + path;
        java.nio.file.Path pgLog = bench.work.resolve("logs/postgres.log");
        long before = Files.size(pgLog);
        http.send(ReadPath.get(url, token), HttpResponse.BodyHandlers.discarding());
        http.send(ReadPath.get(url, token), HttpResponse.BodyHandlers.discarding());
        Thread.sleep(1000);
        String log;
        try (var in = Files.newInputStream(pgLog)) {
            in.skipNBytes(before);
            log = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int planAt = log.lastIndexOf("Query Text: /* compliance report: summary */");
        if (planAt < 0) {
            return "(auto_explain logged no plan of the report's statement)";
        }
        int from = log.lastIndexOf('\n', planAt);
        String plan = log.substring(from + 1);
        int end = plan.indexOf("\n20", 1);
        plan = end > 0 ? plan.substring(0, end) : plan;
        Files.writeString(bench.work.resolve("report-plan.txt"), plan);
        return "<details><summary>Plan of the service's summary statement (auto_explain, ANALYZE, BUFFERS; second call)</summary>\n\n```\n"
                + plan.strip() + "\n```\n</details>";
    }

    /** What both sides must agree on, added up over the branches. */
    record Totals(long branches, long expected, long present, long leave, long belowHours, long leadersBelowHours) {

        @Override
        public String toString() {
            return "%,d branches, attendance %,d expected / %,d present / %,d on leave, %,d members below their training hours (%,d leaders)"
                    .formatted(branches, expected, present, leave, belowHours, leadersBelowHours);
        }

        /** From the report's JSON: its summary of the whole tree. */
        static Totals of(String json) {
            String summary = json.substring(json.indexOf("\"summary\":"));
            String attendance = summary.substring(summary.indexOf("\"attendance\":"));
            return new Totals(field(summary, "branches"), field(attendance, "expected"), field(attendance, "present"),
                    field(attendance, "leave"), field(summary, "membersBelowTrainingHours"), field(summary, "leadersBelowTrainingHours"));
        }

        private static long field(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** From the hand-written aggregate's rows: one per branch and held type, the branch's figures repeated. */
        static final class Adder {
            private final java.util.Set<Object> seen = new java.util.HashSet<>();
            private long expected;
            private long present;
            private long leave;
            private long below;
            private long leaders;

            void row(ResultSet r) throws java.sql.SQLException {
                expected += r.getLong(4);
                present += r.getLong(5);
                leave += r.getLong(6);
                if (seen.add(r.getObject(1))) {
                    below += r.getLong(8);
                    leaders += r.getLong(9);
                }
            }

            Totals totals() {
                return new Totals(seen.size(), expected, present, leave, below, leaders);
            }
        }
    }

    static Duration timeout() {
        return Duration.ofMinutes(5);
    }
}
