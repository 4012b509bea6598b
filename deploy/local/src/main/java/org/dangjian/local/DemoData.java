package org.dangjian.local;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Demo data (ARCHITECTURE.md §8), loaded through the public APIs as any client would, deterministically
 * (seeded random): the seed-shaped organization tree of {@link DemoTree} with its members (bulk
 * import, then 转正 dated years ago), last calendar year's organizational life recorded with attendance
 * in every branch, a few branches deliberately behind ({@link DemoActivities#BEHIND}), one transfer in
 * flight, next month's 主题党日 planned everywhere, and hardship assistance with cases in every state,
 * pairings and visits ({@link DemoAssistance}). Independent requests go in parallel.
 *
 * <p>{@code scale} sizes the branches: 5 (the run command's default) gives the model's sizes, about
 * 860 members; the end-to-end test loads scale 2.
 */
final class DemoData {

    record Organization(String name, String type, UUID id) {
    }

    /**
     * What was loaded: the organizations, the member count, the year whose activities were recorded,
     * the branches left behind in it, the cases per state and how long it took.
     */
    record Summary(List<Organization> organizations, int members, int activityYear, int activitiesRecorded,
            List<String> branchesBehind, Map<String, Integer> casesByState, long loadMillis, int requests) {

        UUID idOf(String name) {
            return organizations.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    /** The model's branch sizes are for this scale. */
    static final int MODEL_SCALE = 5;
    /** activity-service's committee threshold (dangjian.activity.committee-threshold): smaller branches owe no 支委会. */
    private static final int COMMITTEE_THRESHOLD = 7;

    private final LocalSystem system;
    private final int scale;
    /** Seeded: the same demo data on every run. */
    private static final long SEED = 20261123L;
    private final Random random = new Random(SEED);

    DemoData(LocalSystem system, int scale) {
        this.system = system;
        this.scale = Math.max(1, scale);
    }

    Summary load() {
        long begin = System.currentTimeMillis();
        System.out.println("Loading the demo data through the services' APIs ...");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int activityYear = today.getYear() - 1;
        DemoTree tree = new DemoTree();
        DemoPeople people = new DemoPeople(random);
        try (DemoClient api = new DemoClient(system); DemoClient assistanceApi = new DemoClient(system)) {
            DemoTree.Established established = DemoTree.establish(api, tree);
            long treeDone = System.currentTimeMillis();
            DemoStructures.load(api, established.idOf("西城镇党委"), tree.branches().stream()
                    .filter(b -> b.parent().name().equals("西城镇党委") && "VILLAGE".equals(b.sector()))
                    .map(established::id).toList(), today.getYear());

            // One pipeline per branch, on the pool in this order: import its members and convert them, then (once
            // every import is under way) record its year as soon as the activity service's roster holds them.
            List<DemoTree.Node> branches = tree.branches();
            Map<DemoTree.Node, Integer> sizes = new LinkedHashMap<>();
            branches.forEach(b -> sizes.put(b, Math.max(1, Math.round(b.size() * scale / (float) MODEL_SCALE))));
            DemoMembers memberLoader = new DemoMembers(random, people, activityYear);
            Map<DemoTree.Node, List<DemoMembers.Row>> rows = memberLoader.draw(branches, sizes);
            Map<DemoTree.Node, Future<List<DemoMembers.Member>>> registering = new LinkedHashMap<>();
            branches.forEach(b -> registering.put(b,
                    api.submit(() -> memberLoader.registerAndConvert(api, established, b, rows.get(b)))));
            DemoActivities activities = new DemoActivities(activityYear);
            List<Future<Integer>> recording = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                DemoTree.Node b = branches.get(i);
                long seed = SEED * 31 + i;
                recording.add(api.submit(() -> activities.loadBranch(api, established.id(b), b.name(), b.sector(),
                        DemoClient.join(registering.get(b)), memberLoader, COMMITTEE_THRESHOLD, seed)));
            }

            Map<DemoTree.Node, List<DemoMembers.Member>> members = new LinkedHashMap<>();
            registering.forEach((b, f) -> members.put(b, DemoClient.join(f)));
            int memberCount = members.values().stream().mapToInt(List::size).sum();
            long registered = System.currentTimeMillis();
            // One transfer in flight (组织关系转接): issued by 西城村, not yet answered by 东湖村.
            api.post(DangjianService.MEMBER, "/api/v1/transfers", DemoClient.json().createObjectNode()
                    .put("memberId", members.get(branches.get(0)).get(0).id().toString())
                    .put("toOrgId", established.id(branches.get(1)).toString()).put("note", "工作调动"), 201);
            // Assistance needs only the members' ids; it has its own client so it runs beside the activities.
            Map<String, Integer> cases = new DemoAssistance(random, people, today)
                    .load(assistanceApi, established, members);
            long assisted = System.currentTimeMillis();

            int recorded = recording.stream().mapToInt(DemoClient::join).sum();
            activities.planNextMonth(api, branches.stream().map(established::id).toList(), today);
            long end = System.currentTimeMillis();
            int requests = api.requests() + assistanceApi.requests();
            System.out.printf("Demo data loaded in %.1f s (%d requests, %d in parallel): %d organizations in %.1f s; "
                    + "%d members imported and converted %.1f s later; assistance %.1f s later; %d activities of %d "
                    + "recorded by %.1f s%n", (end - begin) / 1000.0, requests, DemoClient.PARALLELISM,
                    established.organizations().size(), (treeDone - begin) / 1000.0, memberCount,
                    (registered - treeDone) / 1000.0, (assisted - registered) / 1000.0, recorded, activityYear,
                    (end - begin) / 1000.0);
            return new Summary(established.organizations(), memberCount, activityYear, recorded,
                    DemoActivities.BEHIND.keySet().stream().sorted().toList(), cases, end - begin, requests);
        }
    }
}
