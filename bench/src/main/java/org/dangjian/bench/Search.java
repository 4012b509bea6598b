package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * B5: member search by name and by national ID (a blind-index lookup: the service HMACs the number
 * and matches member.national_id_index) against the primary-key read, all through member-service
 * with the same auditor token (so the subtree filter applies), load generator and concurrency.
 * Goal: search p99 ≤ 3× the primary-key p99.
 */
public final class Search {

    private Search() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = LoadGenerator.concurrency();
        try (Bench bench = Bench.start("b5", DangjianService.MEMBER)) {
            ScaleData data = bench.load(DangjianService.MEMBER);
            int n = 5_000;
            UUID[] ids = new UUID[n];
            String[] names = new String[n];
            String[] surnames = new String[n];
            String[] nationalIds = new String[n];
            SplittableRandom random = new SplittableRandom(data.seed + 2);
            for (int k = 0; k < n; k++) {
                ScaleData.Member m = data.member(random.nextInt(data.members));
                ids[k] = m.id();
                names[k] = URLEncoder.encode(m.name(), StandardCharsets.UTF_8);
                surnames[k] = URLEncoder.encode(m.name().substring(0, 1), StandardCharsets.UTF_8);
                nationalIds[k] = m.nationalId();
            }
            String token = bench.token(Caller.AUDITOR, data.root().id());
            String members = bench.baseUrl(DangjianService.MEMBER) + "/api/v1/members";
            // The second page of a surname search, reached as a client does: with the first page's nextCursor.
            int cursors = 200;
            String[] secondPages = new String[cursors];
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (int k = 0; k < cursors; k++) {
                String body = http.send(ReadPath.get(members + "?name=" + surnames[k], token),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                secondPages[k] = members + "?name=" + surnames[k] + "&cursor=" + json.readTree(body).path("nextCursor").asText();
            }
            bench.report("%d concurrent clients, %d s warm-up then %d s measured each; auditor of the root organization "
                    + "(searches filter on its subtree); %,d member rows.", concurrency, LoadGenerator.warmUp().toSeconds(),
                    LoadGenerator.measure().toSeconds(), data.members);
            bench.report("Warm-up: all five kinds mixed for the warm-up time, then each kind 3 s settle + the measured window.");
            bench.report("");
            bench.report(LoadGenerator.Result.header());
            // One warm-up of all kinds mixed, so the first measured kind does not pay for the JIT alone.
            java.util.List<java.util.function.Function<SplittableRandom, java.net.http.HttpRequest>> kinds = java.util.List.of(
                    r -> ReadPath.get(members + "/" + ids[r.nextInt(n)], token),
                    r -> ReadPath.get(members + "?nationalId=" + nationalIds[r.nextInt(n)], token),
                    r -> ReadPath.get(members + "?name=" + names[r.nextInt(n)], token),
                    r -> ReadPath.get(members + "?name=" + surnames[r.nextInt(n)], token),
                    r -> ReadPath.get(secondPages[r.nextInt(cursors)], token));
            LoadGenerator.run("warm-up, all kinds mixed", concurrency, LoadGenerator.warmUp(), java.time.Duration.ofSeconds(1),
                    r -> kinds.get(r.nextInt(kinds.size())).apply(r));
            java.time.Duration settle = java.time.Duration.ofSeconds(3);
            LoadGenerator.Result pk = LoadGenerator.run("GET /members/{id} (primary key, the anchor)", concurrency, settle,
                    LoadGenerator.measure(), kinds.get(0));
            LoadGenerator.Result byNationalId = LoadGenerator.run("GET /members?nationalId= (blind index)", concurrency, settle,
                    LoadGenerator.measure(), kinds.get(1));
            LoadGenerator.Result byName = LoadGenerator.run("GET /members?name= (full name, prefix match)", concurrency, settle,
                    LoadGenerator.measure(), kinds.get(2));
            LoadGenerator.Result bySurname = LoadGenerator.run("GET /members?name= (surname only: thousands match, first page)",
                    concurrency, settle, LoadGenerator.measure(), kinds.get(3));
            LoadGenerator.Result nextPage = LoadGenerator.run("GET /members?name=&cursor= (surname only, second page by cursor)",
                    concurrency, settle, LoadGenerator.measure(), kinds.get(4));
            for (LoadGenerator.Result result : new LoadGenerator.Result[] {pk, byNationalId, byName, bySurname, nextPage}) {
                bench.report(result.line());
            }
            bench.report("");
            double pk99 = pk.percentileMillis(99);
            for (LoadGenerator.Result result : new LoadGenerator.Result[] {byNationalId, byName, bySurname, nextPage}) {
                double ratio = result.percentileMillis(99) / pk99;
                bench.report("- **%s: p99 = %.2f× the primary-key p99** (goal ≤ 3×: %s)", result.label(), ratio,
                        ratio <= 3 ? "met" : "missed");
            }
            bench.report("");
            bench.report("The issue asks for 10 million rows; this run used %,d (-Dbench.scale=%s; 10 M rows is scale 6.67, "
                    + "well beyond 10 minutes on 2 cores).", data.members, Bench.scale());
            StringBuilder plans = new StringBuilder("<details><summary>Plans of the equivalent SQL (EXPLAIN ANALYZE after the run)</summary>\n");
            ScaleData.Member sample = data.member(data.members / 2);
            String subtree = "select u.id from org_unit u where u.path like ? || '%'";
            // As MemberRepository.searchByName: the prefix as a byte-order range, ordered by (name, id).
            String nameSql = "select m.* from member m where m.org_id in (" + subtree + ") and m.name collate \"C\" >= ? "
                    + "and m.name collate \"C\" < ? {after} order by m.name collate \"C\", m.id limit 21";
            String surname = sample.name().substring(0, 1);
            String[][] queries = {
                    {"by national ID", "select m.* from member m where m.org_id in (" + subtree + ") and m.national_id_index = ? order by m.id limit 21",
                            data.pii.blindIndex(sample.nationalId())},
                    {"by full name", nameSql.replace("{after}", ""), sample.name(), successor(sample.name())},
                    {"by surname", nameSql.replace("{after}", ""), surname, successor(surname)},
                    {"by surname, the page after the sample", nameSql.replace("{after}", "and (m.name collate \"C\", m.id) > (?, ?)"),
                            surname, successor(surname), sample.name(), sample.id().toString()}};
            try (java.sql.Connection c = bench.connect(DangjianService.MEMBER)) {
                for (String[] q : queries) {
                    try (java.sql.PreparedStatement explain = c.prepareStatement("explain (analyze, buffers) " + q[1])) {
                        explain.setString(1, data.root().path());
                        for (int i = 2; i < q.length; i++) {
                            if (i == 5) {
                                explain.setObject(i, UUID.fromString(q[i]));
                            } else {
                                explain.setString(i, q[i]);
                            }
                        }
                        plans.append("\n").append(q[0]).append(":\n\n```\n");
                        try (java.sql.ResultSet r = explain.executeQuery()) {
                            while (r.next()) {
                                plans.append(r.getString(1)).append('\n');
                            }
                        }
                        plans.append("```\n");
                    }
                }
            }
            bench.write("B5: search by name and national ID vs primary key", plans.append("</details>").toString());
        }
    }

    /** The least string after every string that starts with {@code prefix}, as member-service bounds a name search. */
    static String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        codePoints[codePoints.length - 1]++;
        return new String(codePoints, 0, codePoints.length);
    }
}
