package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * B5's diagnosis: which full-name searches make its p99 (timed one at a time through the service), and
 * the plans PostgreSQL picks for the slowest three.
 * {@code ./mvnw -q exec:java -pl bench -Dexec.mainClass=org.dangjian.bench.SearchTail -Dbench.scale=6.667}
 */
public final class SearchTail {

    private SearchTail() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("bench.tail-samples", 600);
        try (Bench bench = Bench.start("b5-tail", DangjianService.MEMBER)) {
            ScaleData data = bench.load(DangjianService.MEMBER);
            String token = bench.token(Caller.AUDITOR, data.root().id());
            String members = bench.baseUrl(DangjianService.MEMBER) + "/api/v1/members?name=";
            HttpClient http = HttpClient.newHttpClient();
            SplittableRandom random = new SplittableRandom(data.seed + 2);
            record Timed(String name, double millis, int found) {
            }
            List<Timed> timed = new ArrayList<>();
            for (int k = 0; k < samples; k++) {
                String name = data.member(random.nextInt(data.members)).name();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(ReadPath.get(members + URLEncoder.encode(name, StandardCharsets.UTF_8), token),
                        HttpResponse.BodyHandlers.ofString());
                double millis = (System.nanoTime() - start) / 1e6;
                if (k >= 100) { // the first hundred warm the service
                    timed.add(new Timed(name, millis, response.body().split("\"id\"").length - 1));
                }
            }
            timed.sort(Comparator.comparingDouble(Timed::millis).reversed());
            bench.report("Full-name searches one at a time, slowest first (of %d after 100 warm-up):", timed.size());
            for (Timed t : timed.subList(0, Math.min(10, timed.size()))) {
                bench.report("- %s: %.1f ms, %d on the page", t.name(), t.millis(), t.found());
            }
            bench.report("- median: %.1f ms", timed.get(timed.size() / 2).millis());
            // As MemberRepository.searchByName: the prefix as a byte-order range, ordered by (name, id).
            String query = "explain (analyze, buffers) select m.id from member m where m.org_id in "
                    + "(select u.id from org_unit u where u.path like ? || '%') and m.name collate \"C\" >= ? "
                    + "and m.name collate \"C\" < ? order by m.name collate \"C\", m.id limit 21";
            try (Connection c = bench.connect(DangjianService.MEMBER); PreparedStatement explain = c.prepareStatement(query)) {
                for (Timed t : timed.subList(0, Math.min(3, timed.size()))) {
                    explain.setString(1, data.root().path());
                    explain.setString(2, t.name());
                    explain.setString(3, Search.successor(t.name()));
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet r = explain.executeQuery()) {
                        while (r.next()) {
                            plan.append(r.getString(1)).append('\n');
                        }
                    }
                    bench.report("%s:%n```%n%s```", t.name(), plan);
                }
            }
        }
    }
}
