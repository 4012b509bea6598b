package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.Caller;

import java.net.URI;
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
            LoadGenerator.Result bare;
            LoadGenerator.Result bareAgain;
            LoadGenerator.Result c1;
            LoadGenerator.Result full;
            String label = "member-service GET /api/v1/members/{id} (auditor: token, scope, decrypt, mask)";
            try (BareEndpoint endpoint = new BareEndpoint(concurrency, () -> bench.connect(DangjianService.MEMBER))) {
                String anchor = endpoint.baseUrl() + "/members/";
                bench.report("%d concurrent clients, %d s warm-up (twice that for the full JIT) then %d s measured each, random ids of %,d loaded members.",
                        concurrency, LoadGenerator.warmUp().toSeconds(), LoadGenerator.measure().toSeconds(), data.members);
                bench.report("");
                bench.report(LoadGenerator.Result.header());
                bare = LoadGenerator.run("bare: JDK HttpServer + JDBC select by primary key", concurrency, LoadGenerator.warmUp(),
                        LoadGenerator.measure(), r -> get(anchor + ids[r.nextInt(ids.length)], null));
                c1 = LoadGenerator.run(label + ", run-command JVM (C1 only)", concurrency, LoadGenerator.warmUp(),
                        LoadGenerator.measure(), r -> get(bench.baseUrl(DangjianService.MEMBER) + "/api/v1/members/"
                                + ids[r.nextInt(ids.length)], token));
                bench.restart(DangjianService.MEMBER, BenchService.Jit.FULL);
                String fullToken = token;
                // C2 needs longer than C1 to compile the hot paths, on two shared cores all the more.
                java.time.Duration fullWarmUp = LoadGenerator.warmUp().multipliedBy(2);
                bench.profile(DangjianService.MEMBER, fullWarmUp, LoadGenerator.measure());
                full = LoadGenerator.run(label + ", full JIT (as deploy/k8s)", concurrency, fullWarmUp,
                        LoadGenerator.measure(), r -> get(bench.baseUrl(DangjianService.MEMBER) + "/api/v1/members/"
                                + ids[r.nextInt(ids.length)], fullToken));
                // The anchor again: on a shared machine the load changes over the run's minutes, so the
                // service is compared with the mean of the anchor measured before and after it.
                bareAgain = LoadGenerator.run("bare again, after the service", concurrency, LoadGenerator.warmUp(),
                        LoadGenerator.measure(), r -> get(anchor + ids[r.nextInt(ids.length)], null));
            }
            bench.report(bare.line());
            bench.report(c1.line());
            bench.report(full.line());
            bench.report(bareAgain.line());
            bench.report("");
            double anchorThroughput = (bare.throughput() + bareAgain.throughput()) / 2;
            bench.report("Anchor: %,.0f requests/s, the mean of the bare endpoint before and after the service.", anchorThroughput);
            for (LoadGenerator.Result result : new LoadGenerator.Result[] {c1, full}) {
                double ratio = result.throughput() / anchorThroughput;
                bench.report("- **%s: throughput = %.2f× bare (goal ≥ 0.5×: %s); p99 %.2f ms vs %.2f ms.**", result.label(),
                        ratio, ratio >= 0.5 ? "met" : "missed", result.percentileMillis(99), bare.percentileMillis(99));
            }
            bench.write("B1: read path, member by id", null);
        }
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
