package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import org.dangjian.platform.localstack.ChildProcess;
import org.dangjian.platform.localstack.Ports;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.net.http.HttpRequest;
import java.util.UUID;

/**
 * B1: {@code GET /api/v1/members/{id}} through member-service (bearer token checked against the
 * issuer's keys, data scope from the local tree, national ID and phone decrypted and masked for an
 * auditor) against {@link BareEndpoint} doing the same primary-key select on the same database, with
 * the same load generator and concurrency. Goal: ≥ 0.5× the bare throughput.
 */
public final class ReadPath {

    private ReadPath() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = LoadGenerator.concurrency();
        try (Bench bench = Bench.start("b1", DangjianService.MEMBER)) {
            ScaleData data = bench.load(DangjianService.MEMBER);
            UUID[] ids = sample(data, 20_000);
            String token = bench.token(Caller.AUDITOR, data.root().id());
            String label = "member-service GET /api/v1/members/{id} (auditor: token, scope, decrypt, mask)";
            bench.report("%d concurrent clients, %d s warm-up (twice that for the full JIT) then %d s measured each, random ids of %,d loaded members.",
                    concurrency, LoadGenerator.warmUp().toSeconds(), LoadGenerator.measure().toSeconds(), data.members);
            bench.report("The bare endpoint runs in a JVM of its own with the same flags as the service it is compared with.");
            bench.report("");
            bench.report(LoadGenerator.Result.header());
            List<Comparison> comparisons = new ArrayList<>();
            for (BenchService.Jit jit : List.of(BenchService.Jit.RUN_COMMAND, BenchService.Jit.FULL)) {
                if (bench.jitOf(DangjianService.MEMBER) != jit) {
                    bench.restart(DangjianService.MEMBER, jit);
                }
                // C2 needs longer than C1 to compile the hot paths, on two shared cores all the more.
                Duration warmUp = jit == BenchService.Jit.FULL ? LoadGenerator.warmUp().multipliedBy(2) : LoadGenerator.warmUp();
                String jitLabel = jit == BenchService.Jit.FULL ? "full JIT (as deploy/k8s)" : "run-command JVM (C1 only)";
                int port = Ports.free();
                String anchor = "http://127.0.0.1:" + port + "/members/";
                try (ChildProcess bare = bench.bareEndpoint(jit, concurrency, port)) {
                    LoadGenerator.Result before = LoadGenerator.run("bare: JDK HttpServer + JDBC select by primary key, " + jitLabel,
                            concurrency, warmUp, LoadGenerator.measure(), r -> get(anchor + ids[r.nextInt(ids.length)], null));
                    bench.profile(DangjianService.MEMBER, warmUp, LoadGenerator.measure());
                    LoadGenerator.Result service = LoadGenerator.run(label + ", " + jitLabel, concurrency, warmUp,
                            LoadGenerator.measure(), r -> get(bench.baseUrl(DangjianService.MEMBER) + "/api/v1/members/"
                                    + ids[r.nextInt(ids.length)], token));
                    // The anchor again: on a shared machine the load changes over the run's minutes, so the
                    // service is compared with the mean of the anchor measured before and after it.
                    LoadGenerator.Result after = LoadGenerator.run("bare again, after the service, " + jitLabel, concurrency,
                            LoadGenerator.warmUp(), LoadGenerator.measure(), r -> get(anchor + ids[r.nextInt(ids.length)], null));
                    comparisons.add(new Comparison(before, service, after));
                }
            }
            for (Comparison c : comparisons) {
                bench.report(c.before().line());
                bench.report(c.service().line());
                bench.report(c.after().line());
            }
            bench.report("");
            for (Comparison c : comparisons) {
                double anchorThroughput = (c.before().throughput() + c.after().throughput()) / 2;
                double ratio = c.service().throughput() / anchorThroughput;
                bench.report("- **%s: throughput = %.2f× bare with the same JIT (%,.0f req/s, the mean before and after; goal ≥ 0.5×: %s); "
                                + "p99 %.2f ms vs %.2f ms.**", c.service().label(), ratio, anchorThroughput, ratio >= 0.5 ? "met" : "missed",
                        c.service().percentileMillis(99), c.before().percentileMillis(99));
            }
            Comparison c1 = comparisons.get(0);
            Comparison full = comparisons.get(1);
            bench.report("- For reference, the C1-only service against the full-JIT bare endpoint: %.2f×.",
                    c1.service().throughput() / ((full.before().throughput() + full.after().throughput()) / 2));
            bench.write("B1: read path, member by id", null);
        }
    }

    private record Comparison(LoadGenerator.Result before, LoadGenerator.Result service, LoadGenerator.Result after) {
    }

    static UUID[] sample(ScaleData data, int n) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(data.seed + 1);
        UUID[] ids = new UUID[n];
        for (int k = 0; k < n; k++) {
            ids[k] = data.memberId(random.nextInt(data.members));
        }
        return ids;
    }

    static HttpRequest get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }
}
