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
 * a hand-written SQL aggregate of the same core figures (held activities per branch and type with
 * attendance sums, full members per branch) run alone over JDBC on the same database.
 * Goal: ≤ 2× the SQL's time and under 1 s.
 */
public final class ComplianceReport {

    static final String HAND_WRITTEN = """
            with held as (
              select case when o.type = 'GROUP' then o.parent_id else o.id end as branch_id, a.type,
                     count(*) as held, sum(a.expected_count) as expected, sum(a.present_count) as present
              from activity a join org_unit o on o.id = a.org_id
              where o.path like ? and a.status = 'HELD' and a.held_on >= ? and a.held_on < ?
              group by 1, 2),
            full_members as (
              select p.org_id, count(*) as n from membership_period p join org_unit o on o.id = p.org_id
              where o.path like ? and p.stage = 'FULL' and p.valid_to is null group by p.org_id)
            select b.id, h.type, h.held, h.expected, h.present, f.n
            from org_unit b left join held h on h.branch_id = b.id left join full_members f on f.org_id = b.id
            where b.path like ? and b.type = 'BRANCH'""";

    private static final Pattern LOGGED = Pattern.compile("compliance report of .* (\\d+) branches in (\\d+) ms");

    private ComplianceReport() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        try (Bench bench = Bench.start("b2", DangjianService.ACTIVITY)) {
            ScaleData data = bench.load(DangjianService.ACTIVITY);
            String token = bench.token(Caller.PLATFORM_ADMIN, null);
            String url = bench.baseUrl(DangjianService.ACTIVITY) + "/api/v1/compliance-report?orgId=" + data.root().id() + "&year="
                    + ScaleData.YEAR;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Long> httpMillis = new ArrayList<>();
            List<Long> sqlMillis = new ArrayList<>();
            long bytes = 0;
            // the log is appended to across runs of this bench: read only what this run adds
            long logFrom = Files.size(bench.log(DangjianService.ACTIVITY));
            String prefix = data.root().path() + "%";
            try (Connection c = bench.connect(DangjianService.ACTIVITY);
                    PreparedStatement q = c.prepareStatement(HAND_WRITTEN)) {
                q.setString(1, prefix);
                q.setObject(2, LocalDate.of(ScaleData.YEAR, 1, 1));
                q.setObject(3, LocalDate.of(ScaleData.YEAR + 1, 1, 1));
                q.setString(4, prefix);
                q.setString(5, prefix);
                // one warm-up of each, then alternate so both see the same cache and machine load
                for (int run = -1; run < runs; run++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(ReadPath.get(url, token), HttpResponse.BodyHandlers.ofString());
                    long took = (System.nanoTime() - start) / 1_000_000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("report failed: " + response.statusCode() + " " + response.body());
                    }
                    bytes = response.body().length();
                    start = System.nanoTime();
                    long rows = 0;
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            rows++;
                        }
                    }
                    long sql = (System.nanoTime() - start) / 1_000_000;
                    if (run >= 0) {
                        httpMillis.add(took);
                        sqlMillis.add(sql);
                    }
                    System.out.printf("[b2] run %d: report %d ms over HTTP (%,d chars), hand-written SQL %d ms (%,d rows)%n", run, took,
                            bytes, sql, rows);
                }
            }
            List<Long> logged = new ArrayList<>();
            String logText;
            try (var in = Files.newInputStream(bench.log(DangjianService.ACTIVITY))) {
                in.skipNBytes(logFrom);
                logText = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Matcher m = LOGGED.matcher(logText);
            while (m.find()) {
                logged.add(Long.parseLong(m.group(2)));
            }
            long report = median(httpMillis);
            long sql = median(sqlMillis);
            bench.report("Report of the root organization (%,d branches, %,d members) for %d; median of %d runs after one warm-up, "
                    + "HTTP and SQL alternating.", data.branches.size(), data.members, ScaleData.YEAR, runs);
            bench.report("");
            bench.report("| what | median ms | runs ms |\n|---|---|---|");
            bench.report("| GET /api/v1/compliance-report (platform-admin, %,d chars of JSON) | %d | %s |", bytes, report, httpMillis);
            bench.report("| inside the service: its one SQL statement + assembling (its log line) | %d | %s |",
                    logged.isEmpty() ? -1 : median(logged.subList(1, logged.size())), logged.subList(Math.min(1, logged.size()), logged.size()));
            bench.report("| hand-written SQL aggregate alone (JDBC, same database) | %d | %s |", sql, sqlMillis);
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
            ScaleData.exec(c, "alter database activity set auto_explain.log_min_duration = '100ms'");
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
        int planAt = log.lastIndexOf("Query Text: with req as");
        if (planAt < 0) {
            return "(auto_explain logged no plan of the report's statement)";
        }
        int from = log.lastIndexOf('\n', planAt);
        String plan = log.substring(from + 1);
        int end = plan.indexOf("\n20", 1);
        plan = end > 0 ? plan.substring(0, end) : plan;
        Files.writeString(bench.work.resolve("report-plan.txt"), plan);
        return "<details><summary>Plan of the service's statement (auto_explain, ANALYZE, BUFFERS; second call)</summary>\n\n```\n"
                + plan.strip() + "\n```\n</details>";
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    static Duration timeout() {
        return Duration.ofMinutes(5);
    }
}
