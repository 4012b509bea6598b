package org.dangjian.bench;

import org.dangjian.platform.api.jdbc.PgCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * B4: bulk registration through member-service's CSV import ({@code POST /api/v1/member-imports},
 * files of 5,000 rows, the endpoint's maximum, one after the other or {@code -Dbench.import-uploads} at a time: Bean Validation, every
 * registration rule, encryption, blind index, audit entry and outbox event per row) against
 * PostgreSQL COPY of the same rows, already sealed, into the same table with the same indexes.
 * Goal: import ≥ 0.3× the COPY throughput.
 */
public final class BulkImport {

    static final String HEADER = "name,gender,ethnicity,birthDate,nationalId,phone,education,category,workUnit,orgId,stage,"
            + "appliedOn,activistOn,candidateOn,admittedOn,fullOn";
    static final int FILE_ROWS = 5_000;

    private BulkImport() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.import-rows", 10_000);
        try (Bench bench = Bench.start("b4", DangjianService.MEMBER)) {
            ScaleData data = bench.load(DangjianService.MEMBER);
            int first = data.members;
            List<ScaleData.Member> fresh = new ArrayList<>(rows);
            for (int i = first; i < first + rows; i++) {
                fresh.add(data.member(i));
            }

            // Anchor: COPY of the same rows, sealed beforehand, then removed again so the import finds them new.
            long sealStart = System.nanoTime();
            List<ScaleData.SealedMember> sealed = fresh.stream().map(data::seal).toList();
            double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
            // The median of several COPYs: the same 1-million-row COPY took from 22.4 s to 29.5 s in runs on the quiet
            // machine (bench/notes/b4.md), while the import, a minute and a half long, averages such noise out itself.
            int anchorRuns = Integer.getInteger("bench.anchor-runs", 3);
            List<Long> copyNanos = new ArrayList<>(anchorRuns);
            try (Connection c = bench.connect(DangjianService.MEMBER)) {
                for (int run = 0; run < anchorRuns; run++) {
                    long start = System.nanoTime();
                    try (PgCopy copy = new PgCopy(c, "member", ScaleData.MEMBER_COLUMNS)) {
                        for (ScaleData.SealedMember member : sealed) {
                            copy.row(r -> ScaleData.memberRow(member, r));
                        }
                    }
                    copyNanos.add(System.nanoTime() - start);
                    try (PreparedStatement delete = c.prepareStatement("delete from member where id = any(?)")) {
                        delete.setArray(1, c.createArrayOf("uuid", fresh.stream().map(ScaleData.Member::id).toArray(UUID[]::new)));
                        delete.executeUpdate();
                    }
                    ScaleData.exec(c, "vacuum analyze member");
                    System.out.printf("[b4] COPY of %,d rows: %.2f s%n", rows, copyNanos.get(run) / 1e9);
                }
            }
            double copySeconds = Bench.median(copyNanos) / 1e9;

            String token = bench.token(Caller.PLATFORM_ADMIN, null);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectMapper json = new ObjectMapper();
            String url = bench.baseUrl(DangjianService.MEMBER) + "/api/v1/member-imports?mode=ALL_OR_NOTHING";
            bench.profile(DangjianService.MEMBER, Duration.ofSeconds(1), Duration.ofSeconds(60));
            // -Dbench.pg-statements=true: PostgreSQL logs every statement's duration during the import (logs/postgres.log),
            // the database side's profile (summed per statement by bench/notes/b4.md's recipe).
            if (Boolean.getBoolean("bench.pg-statements")) {
                try (Connection c = bench.connect(DangjianService.MEMBER)) {
                    ScaleData.exec(c, "alter system set log_min_duration_statement = 0");
                    ScaleData.exec(c, "select pg_reload_conf()");
                }
            }
            // A client with more rows than one file may hold uploads files side by side; the default is one at a time.
            int uploads = Integer.getInteger("bench.import-uploads", 1);
            java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
            List<Long> fileMillis = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger nextFile = new java.util.concurrent.atomic.AtomicInteger();
            long importStart = System.nanoTime();
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(uploads);
            List<java.util.concurrent.Future<?>> uploaders = new ArrayList<>();
            for (int u = 0; u < uploads; u++) {
                uploaders.add(clients.submit(() -> {
                    for (int from = nextFile.getAndIncrement() * FILE_ROWS; from < rows; from = nextFile.getAndIncrement() * FILE_ROWS) {
                        String csv = csv(fresh.subList(from, Math.min(rows, from + FILE_ROWS)));
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        fileMillis.add(millis);
                        JsonNode report = json.readTree(response.body());
                        if (response.statusCode() != 200 || !report.path("committed").asBoolean()) {
                            throw new IllegalStateException("import failed: " + response.statusCode() + " "
                                    + response.body().substring(0, Math.min(2000, response.body().length())));
                        }
                        created.addAndGet(report.path("created").asLong());
                        System.out.printf("[b4] file of %d rows imported in %d ms%n", report.path("total").asInt(), millis);
                    }
                    return null;
                }));
            }
            try {
                for (java.util.concurrent.Future<?> uploader : uploaders) {
                    uploader.get();
                }
            } finally {
                clients.shutdownNow();
            }
            double importSeconds = (System.nanoTime() - importStart) / 1e9;
            if (Boolean.getBoolean("bench.pg-statements")) {
                try (Connection c = bench.connect(DangjianService.MEMBER)) {
                    ScaleData.exec(c, "alter system reset log_min_duration_statement");
                    ScaleData.exec(c, "select pg_reload_conf()");
                }
            }
            // The import's events are relayed to Kafka while the next files are imported; how far the relay was behind
            // when the last file was committed shows whether it keeps up (it is not part of the import's figure).
            long pendingAtEnd;
            double relaySeconds;
            try (Connection c = bench.connect(DangjianService.MEMBER);
                    PreparedStatement pending = c.prepareStatement("select count(*) from outbox_event where published_at is null")) {
                pendingAtEnd = count(pending);
                long drainStart = System.nanoTime();
                while (count(pending) > 0 && System.nanoTime() - drainStart < Duration.ofMinutes(10).toNanos()) {
                    Thread.sleep(100);
                }
                relaySeconds = (System.nanoTime() - drainStart) / 1e9;
            }

            double copyRate = rows / copySeconds;
            double importRate = created.get() / importSeconds;
            bench.report("%,d new member rows onto %,d loaded ones; import in files of %,d rows (the endpoint's maximum), "
                    + "%s, platform-admin, ALL_OR_NOTHING.", rows, data.members, FILE_ROWS,
                    uploads == 1 ? "one after the other" : uploads + " uploads at a time (-Dbench.import-uploads)");
            bench.report("");
            bench.report("| what | rows | seconds | rows/s |\n|---|---|---|---|");
            bench.report("| POST /api/v1/member-imports (validate, rules, seal, blind index, audit, outbox; per file ms: %s) | %,d | %.1f | %,.0f |",
                    fileMillis, created.get(), importSeconds, importRate);
            bench.report("| COPY of the same rows, already sealed, same table and indexes (the median of %d COPYs: %s s) | %,d | %.2f | %,.0f |",
                    anchorRuns, copyNanos.stream().map(t -> String.format("%.2f", t / 1e9)).toList(), rows, copySeconds, copyRate);
            bench.report("| (events not yet relayed to Kafka when the last file was committed; relayed %.1f s later) | %,d | | |",
                    relaySeconds, pendingAtEnd);
            bench.report("| (sealing those rows in the bench JVM: 2 AES-GCM + 2 HMAC each, one thread) | %,d | %.2f | %,.0f |", rows,
                    sealSeconds, rows / sealSeconds);
            bench.report("");
            double ratio = importRate / copyRate;
            bench.report("**Ratio: import = %.3f× the COPY throughput (goal ≥ 0.3×: %s).**", ratio, ratio >= 0.3 ? "met" : "missed");
            bench.write("B4: bulk import vs COPY", null);
        }
    }

    private static long count(PreparedStatement query) throws java.sql.SQLException {
        try (java.sql.ResultSet r = query.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static String csv(List<ScaleData.Member> members) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ScaleData.Member m : members) {
            out.append(String.join(",", m.name(), m.gender(), "01", m.birthDate().toString(), m.nationalId(), m.phone(),
                    m.education(), m.category(), m.workUnit(), m.orgId().toString(), m.stage(), str(m.appliedOn()),
                    str(m.activistOn()), str(m.candidateOn()), str(m.admittedOn()), str(m.fullOn()))).append('\n');
        }
        return out.toString();
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
