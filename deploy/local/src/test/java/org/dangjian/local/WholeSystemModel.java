package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dangjian.platform.api.pii.NationalIdNumber;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A model-based test of the whole system. From a seed it generates a random but valid sequence of domain
 * operations through the public APIs of all four services, keeping its own model of what the system should
 * then hold; after the events have settled it checks invariants across the services against the model. Each
 * run works under a root committee of its own, so runs (and the prefixes replayed to shrink a failure) never
 * see each other's records.
 *
 * <p>The generator uses a record in another service only once the events about it have settled (it waits for
 * that every few operations, {@code settleEvery}): a client of the real system would see the same
 * read-your-writes delay, and the check of what each service holds is about agreement, not latency.
 */
final class WholeSystemModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> LIVE_STAGES = List.of("APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY", "FULL");
    /** activity-service's configured roster stages (dangjian.activity.roster-stages). */
    private static final Set<String> ROSTER_STAGES = Set.of("PROBATIONARY", "FULL");
    private static final AtomicInteger PEOPLE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    /** One operation as run: its number, its name and what it was applied to, and the answer's status. */
    record Step(int number, String operation, String detail, int status) {
        @Override
        public String toString() {
            return "#" + number + " " + operation + " " + detail + " → " + status;
        }
    }

    /** What a run did and what it found. */
    record Result(long seed, int operations, List<Step> steps, Map<String, Integer> invariantsChecked,
            List<String> violations, List<String> faults, long millis) {

        int checks() {
            return invariantsChecked.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    // ------------------------------------------------------------------ the model

    static final class Org {
        final UUID id;
        final boolean branch;
        UUID parent;
        String name;
        boolean active = true;
        UUID mergedInto;

        Org(UUID id, boolean branch, UUID parent, String name) {
            this.id = id;
            this.branch = branch;
            this.parent = parent;
            this.name = name;
        }
    }

    static final class Member {
        final UUID id;
        final String name;
        UUID org;
        String stage;
        boolean ended;
        boolean outside;
        /** member-service's "needs a branch" flag: their branch was dissolved without a survivor. */
        boolean needsBranch;
        UUID beneficiary;
        /** The branch the member's beneficiary record (and open cases) belong to: it follows the member in the platform. */
        UUID beneficiaryOrg;
        /** Open cases flagged for reassignment (the member left the platform, or the branch was dissolved). */
        boolean casesFlagged;
        final List<UUID> openCases = new ArrayList<>();

        Member(UUID id, String name, UUID org, String stage) {
            this.id = id;
            this.name = name;
            this.org = org;
            this.stage = stage;
        }

        boolean here() {
            return !ended && !outside;
        }
    }

    record Seat(UUID id, UUID org, UUID member, String kind) {
    }

    /** A planned activity; its host is released (null) when they leave the organization or the platform, or end. */
    static final class Activity {
        final UUID id;
        final UUID org;
        UUID host;

        Activity(UUID id, UUID org, UUID host) {
            this.id = id;
            this.org = org;
            this.host = host;
        }
    }

    /** 结对帮扶: {@code helper} looks after the member beneficiary {@code cared} (the beneficiary of a branch). */
    record Pairing(UUID id, UUID helper, UUID cared) {
    }

    private final LocalSystem system;
    private final SystemProbe probe;
    private final EventContracts contracts;
    private final String token;
    private final int settleEvery;
    private final int faultEvery = Integer.getInteger("model.fault-every", 0);
    private final List<String> faults = new ArrayList<>();

    private Random random;
    /** Decides which writes a "phone" sends twice with one Idempotency-Key: its own stream, so the run's operations stay as the seed makes them. */
    private Random retries;
    private Instant startedAt;
    private final Map<UUID, Org> orgs = new LinkedHashMap<>();
    private final Map<UUID, Member> members = new LinkedHashMap<>();
    private final List<Seat> seats = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Pairing> pairings = new ArrayList<>();
    /** Records created since the last settling: not yet used in another service. */
    private final Set<UUID> unsettled = new java.util.HashSet<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> checked = new LinkedHashMap<>();
    private UUID root;
    private final List<UUID> committees = new ArrayList<>();
    private String runTag;

    WholeSystemModel(LocalSystem system, SystemProbe probe, EventContracts contracts, int settleEvery) {
        this.system = system;
        this.probe = probe;
        this.contracts = contracts;
        this.token = system.adminToken();
        this.settleEvery = settleEvery;
    }

    /** Runs {@code operations} operations generated from {@code seed} and checks the invariants after they settled. */
    Result run(long seed, int operations) {
        long begin = System.nanoTime();
        random = new Random(seed);
        retries = new Random(~seed);
        startedAt = Instant.now().minusSeconds(1);
        settledUpTo = startedAt;
        runTag = Long.toString(seed, 36) + "-" + Integer.toString(PEOPLE.incrementAndGet(), 36);
        root = establish("模型党委" + runTag, "COMMITTEE", null);
        for (int i = 1; i <= 2; i++) {
            committees.add(establish("模型基层党委" + i + "-" + runTag, "COMMITTEE", root));
        }
        for (int i = 1; i <= 3; i++) {
            establishBranch(-i);
        }
        settle();
        int kafkaBackAt = -1;
        for (int n = 1; n <= operations && violations.isEmpty(); n++) {
            if (faultEvery > 0 && n % faultEvery == 0) {
                kafkaBackAt = injectFault(n);
            }
            step(n);
            if (n == kafkaBackAt) {
                system.stack().kafka().restart();
                faults.add("#" + n + " Kafka broker restarted");
                kafkaBackAt = -1;
            }
            if (n % settleEvery == 0 && kafkaBackAt < 0) {
                settle();
            }
        }
        if (kafkaBackAt >= 0) {
            system.stack().kafka().restart();
        }
        settle();
        if (violations.isEmpty()) {
            checkInvariants();
        }
        return new Result(seed, operations, List.copyOf(steps), Map.copyOf(checked), List.copyOf(violations),
                List.copyOf(faults), Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }

    /**
     * The shortest prefix of the failing run's operations that still shows a violation: replays of {@code k}
     * operations from the same seed (each under a fresh root, so nothing of the earlier run is reused), bisected.
     */
    static Result shrink(Supplier<WholeSystemModel> fresh, Result failing) {
        int low = 0;
        int high = failing.operations();
        Result shortest = failing;
        while (high - low > 1) {
            int mid = (low + high) / 2;
            Result replay = fresh.get().run(failing.seed(), mid);
            if (replay.violations().isEmpty()) {
                low = mid;
            } else {
                high = mid;
                shortest = replay;
            }
        }
        return shortest;
    }

    /**
     * Runs the sequence, prints the seed, the operations, each invariant with how often it was checked and any
     * violation with the shortest operation sequence that shows it.
     */
    static Result runAndReport(LocalSystem system, long seed, int operations) {
        EventContracts contracts = EventContracts.load(LocalSystem.root());
        int settleEvery = Integer.getInteger("model.settle-every", 15);
        try (SystemProbe probe = new SystemProbe(system)) {
            Result result = new WholeSystemModel(system, probe, contracts, settleEvery).run(seed, operations);
            Map<String, Long> byOperation = result.steps().stream()
                    .collect(Collectors.groupingBy(Step::operation, java.util.TreeMap::new, Collectors.counting()));
            System.out.printf("[model] seed %d: %d operations generated, %d requests in %.1f s%n", seed, operations,
                    result.steps().size(), result.millis() / 1000.0);
            byOperation.forEach((op, count) -> System.out.printf("[model]   %5d × %s%n", count, op));
            result.faults().forEach(f -> System.out.println("[model] fault " + f));
            result.invariantsChecked().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> System.out.printf("[model] invariant checked %6d times: %s%n", e.getValue(), e.getKey()));
            System.out.printf("[model] %d invariants, %d checks, %d violations%n", result.invariantsChecked().size(),
                    result.checks(), result.violations().size());
            if (!result.violations().isEmpty()) {
                result.violations().forEach(v -> System.out.println("[model] VIOLATION " + v));
                Result shortest = shrink(() -> new WholeSystemModel(system, probe, contracts, settleEvery), result);
                System.out.printf("[model] shortest failing prefix: %d operations of seed %d%n%s%n", shortest.operations(), seed,
                        describe(shortest));
                shortest.violations().forEach(v -> System.out.println("[model] VIOLATION (shortest) " + v));
            }
            return result;
        }
    }

    /**
     * With {@code -Dmodel.fault-every=K}: every K operations either the Kafka broker is stopped for the next
     * {@code settleEvery} operations (the APIs keep answering, the outboxes hold the events), or one service is
     * killed (SIGKILL, mid-batch if it was consuming) and started again before the next operation.
     *
     * @return the operation after which the broker is restarted, or -1
     */
    private int injectFault(int n) {
        int kind = random.nextInt(DangjianService.values().length + 1);
        if (kind == DangjianService.values().length) {
            system.stack().kafka().stop(true);
            faults.add("#" + n + " Kafka broker stopped");
            return n + settleEvery;
        }
        DangjianService victim = DangjianService.values()[kind];
        ServiceProcess process = system.process(victim);
        process.stop(true);
        process.start();
        process.awaitReady(Duration.ofSeconds(120));
        faults.add("#" + n + " " + victim.module() + " killed and restarted");
        return -1;
    }

    // ------------------------------------------------------------------ operations

    private void step(int n) {
        int pick = random.nextInt(100);
        boolean applied;
        if (pick < 6) {
            applied = establishBranch(n);
        } else if (pick < 24) {
            applied = registerMember(n);
        } else if (pick < 27) {
            applied = renameBranch(n);
        } else if (pick < 30) {
            applied = moveBranch(n);
        } else if (pick < 33) {
            applied = mergeBranches(n);
        } else if (pick < 35) {
            applied = dissolveBranch(n);
        } else if (pick < 39) {
            applied = reassignFlaggedMembers(n);
        } else if (pick < 45) {
            applied = advanceStage(n);
        } else if (pick < 48) {
            applied = endMembership(n);
        } else if (pick < 59) {
            applied = transferInside(n);
        } else if (pick < 63) {
            applied = transferOut(n);
        } else if (pick < 66) {
            applied = transferInFromOutside(n);
        } else if (pick < 73) {
            applied = appointSeat(n);
        } else if (pick < 80) {
            applied = planActivity(n);
        } else if (pick < 87) {
            applied = openCase(n);
        } else if (pick < 94) {
            applied = pair(n);
        } else {
            applied = refusedOperation(n);
        }
        // an operation without a record to work on (early in a run, or all settled away) registers someone instead
        if (!applied && !registerMember(n)) {
            establishBranch(n);
        }
    }

    private boolean establishBranch(int n) {
        UUID parent = committees.get(random.nextInt(committees.size()));
        String name = "模型支部" + n + "-" + runTag;
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations",
                body("name", name, "type", "BRANCH", "sector", "VILLAGE", "parentId", parent.toString()));
        expect(n, "establish branch", name, r, 201);
        if (r.statusCode() == 201) {
            UUID id = UUID.fromString(read(r).get("id").asText());
            orgs.put(id, new Org(id, true, parent, name));
            unsettled.add(id);
            // a client using the branch at once, before its event can have reached member-service: waited for, not refused
            if (n > 0 && random.nextInt(4) == 0) {
                String member = "新支部党员" + n;
                HttpResponse<String> registered = call(DangjianService.MEMBER, "POST", "/api/v1/members",
                        registration(member, id, "FULL").toString());
                expect(n, "register member in the branch just established", id.toString(), registered, 201);
                if (registered.statusCode() == 201) {
                    UUID memberId = UUID.fromString(read(registered).get("id").asText());
                    members.put(memberId, new Member(memberId, member, id, "FULL"));
                    unsettled.add(memberId);
                }
            }
        }
        return true;
    }

    private boolean renameBranch(int n) {
        Org org = pick(activeBranches());
        if (org == null) {
            return false;
        }
        String name = org.name + "（更名" + n + "）";
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations/" + org.id + "/rename",
                body("name", name, "reason", "模型测试更名"));
        expect(n, "rename branch", org.id.toString(), r, 200);
        org.name = name;
        return true;
    }

    private boolean moveBranch(int n) {
        Org org = pick(activeBranches());
        if (org == null) {
            return false;
        }
        UUID to = committees.get(0).equals(org.parent) ? committees.get(1) : committees.get(0);
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations/" + org.id + "/move",
                body("parentId", to.toString(), "reason", "调整隶属关系"));
        expect(n, "move branch", org.id + " under " + to, r, 200);
        org.parent = to;
        return true;
    }

    /** 合并: the absorbed branch's members follow the survivor in every service; it is dissolved. */
    private boolean mergeBranches(int n) {
        List<Org> branches = activeBranches();
        if (branches.size() < 2) {
            return false;
        }
        Org survivor = branches.get(random.nextInt(branches.size()));
        Org absorbed = pick(branches.stream().filter(b -> b != survivor).toList());
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations/" + survivor.id + "/merge",
                body("absorbedId", absorbed.id.toString(), "reason", "两支部合并"));
        expect(n, "merge", absorbed.id + " into " + survivor.id, r, 200);
        absorbed.active = false;
        absorbed.mergedInto = survivor.id;
        unsettled.add(absorbed.id); // refused as a branch only once the merge has reached the other services
        for (Member m : members.values()) {
            if (m.here() && absorbed.id.equals(m.org)) {
                m.org = survivor.id;
                m.needsBranch = false;
                releaseHost(m);
                unsettled.add(m.id);
            }
            // beneficiaries and open cases of the absorbed branch move to the survivor, flags kept
            if (absorbed.id.equals(m.beneficiaryOrg)) {
                m.beneficiaryOrg = survivor.id;
            }
        }
        seats.removeIf(s -> s.org().equals(absorbed.id));
        return true;
    }

    /** 撤销 with members left: they are flagged "needs a branch" (the documented choice), activities and cases too. */
    private boolean dissolveBranch(int n) {
        Org org = pick(activeBranches());
        if (org == null) {
            return false;
        }
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations/" + org.id + "/dissolve",
                body("reason", "村党支部撤并"));
        expect(n, "dissolve", org.id.toString(), r, 200);
        org.active = false;
        unsettled.add(org.id); // refused as a branch only once the dissolution has reached the other services
        for (Member m : members.values()) {
            if (m.here() && org.id.equals(m.org)) {
                // member-service flags them when the dissolution reaches it
                m.needsBranch = true;
                unsettled.add(m.id);
            }
            if (org.id.equals(m.beneficiaryOrg)) {
                m.casesFlagged = true;
            }
        }
        seats.removeIf(s -> s.org().equals(org.id));
        return true;
    }

    private boolean reassignFlaggedMembers(int n) {
        List<Member> flagged = settled(members.values().stream().filter(m -> m.here() && m.needsBranch).toList());
        Org to = pick(settledOrgs(activeBranches()));
        if (flagged.isEmpty() || to == null) {
            return false;
        }
        List<Member> chosen = flagged.subList(0, 1 + random.nextInt(flagged.size()));
        ObjectNode request = JSON.createObjectNode().put("toOrgId", to.id.toString()).put("reason", "撤销后重新编入支部");
        chosen.forEach(m -> request.withArray("memberIds").add(m.id.toString()));
        HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/members/reassignments", request.toString());
        expect(n, "reassign flagged members", chosen.size() + " to " + to.id, r, 200, 201);
        for (Member m : chosen) {
            moveMember(m, to.id, false);
        }
        return true;
    }

    private boolean registerMember(int n) {
        Org org = pick(settledOrgs(activeBranches()));
        if (org == null) {
            return false;
        }
        String stage = LIVE_STAGES.get(random.nextInt(LIVE_STAGES.size()));
        String name = "模型党员" + n;
        HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/members", registration(name, org.id, stage).toString());
        expect(n, "register member", stage + " in " + org.id, r, 201);
        if (r.statusCode() == 201) {
            UUID id = UUID.fromString(read(r).get("id").asText());
            members.put(id, new Member(id, name, org.id, stage));
            unsettled.add(id);
        }
        return true;
    }

    /** PROBATIONARY → FULL (转正) after the year of probation the registration dated. */
    private boolean advanceStage(int n) {
        Member m = pick(settled(members.values().stream().filter(x -> x.here() && "PROBATIONARY".equals(x.stage)).toList()));
        if (m == null) {
            return false;
        }
        HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/members/" + m.id + "/stage-changes",
                body("toStage", "FULL", "effectiveOn", LocalDate.now().toString(), "decisionRef", "支部大会〔" + n + "〕号",
                        "approver", "模型党委", "approvedOn", LocalDate.now().toString()));
        expect(n, "convert to full member", m.id.toString(), r, 201);
        m.stage = "FULL";
        unsettled.add(m.id);
        return true;
    }

    private boolean endMembership(int n) {
        Member m = pick(settled(members.values().stream().filter(Member::here).toList()));
        if (m == null) {
            return false;
        }
        HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/members/" + m.id + "/stage-changes",
                body("toStage", "DECEASED", "effectiveOn", LocalDate.now().toString(), "reason", "病故"));
        expect(n, "end membership", m.id.toString(), r, 201);
        m.ended = true;
        unsettled.add(m.id);
        releaseHost(m);
        endSeats(s -> s.member().equals(m.id));
        pairings.removeIf(p -> p.helper().equals(m.id));
        return true;
    }

    /** A letter to another branch, then accepted, rejected or withdrawn (or left open to answer later). */
    private boolean transferInside(int n) {
        Member m = pick(settled(members.values().stream().filter(x -> x.here() && transferable(x)).toList()));
        if (m == null) {
            return false;
        }
        Org to = pick(settledOrgs(activeBranches().stream().filter(b -> !b.id.equals(m.org)).toList()));
        if (to == null) {
            return false;
        }
        HttpResponse<String> issued = call(DangjianService.MEMBER, "POST", "/api/v1/transfers",
                body("memberId", m.id.toString(), "toOrgId", to.id.toString()));
        expect(n, "issue transfer", m.id + " to " + to.id, issued, 201);
        if (issued.statusCode() != 201) {
            return false;
        }
        String transfer = read(issued).get("id").asText();
        int answer = random.nextInt(4);
        String path = "/api/v1/transfers/" + transfer;
        String[] decision = answer <= 1 ? new String[] {"accept", "{}"}
                : answer == 2 ? new String[] {"reject", body("reason", "材料不全")} : new String[] {"cancel", body("reason", "本人撤回")};
        HttpResponse<String> answered = call(DangjianService.MEMBER, "POST", path + "/" + decision[0], decision[1]);
        expect(n, decision[0] + " transfer", transfer, answered, 200);
        if (answer <= 1) {
            moveMember(m, to.id, true);
        }
        // the same side answering again, without a key (a second tap): the same answer, nothing happens twice
        if (random.nextInt(3) == 0 && answered.statusCode() == 200) {
            HttpResponse<String> again = call(DangjianService.MEMBER, "POST", path + "/" + decision[0], decision[1]);
            expect(n, decision[0] + " transfer again", transfer, again, 200);
            if (again.statusCode() == 200 && !read(again).equals(read(answered))) {
                violations.add("answering a transfer again gives the first answer: #" + n + " " + transfer + " answered "
                        + answered.body() + " then " + again.body());
            }
        }
        return true;
    }

    /** 转出系统外: the letter to an organization outside the platform, its receipt recorded. */
    private boolean transferOut(int n) {
        Member m = pick(settled(members.values().stream().filter(x -> x.here() && transferable(x)).toList()));
        if (m == null) {
            return false;
        }
        HttpResponse<String> issued = call(DangjianService.MEMBER, "POST", "/api/v1/transfers",
                body("memberId", m.id.toString(), "toOutsideOrganization", "中共上海市某区某街道工委"));
        expect(n, "issue transfer out of the platform", m.id.toString(), issued, 201);
        if (issued.statusCode() != 201) {
            return false;
        }
        String transfer = read(issued).get("id").asText();
        expect(n, "record receipt from outside", transfer,
                call(DangjianService.MEMBER, "POST", "/api/v1/transfers/" + transfer + "/accept", "{}"), 200);
        m.outside = true;
        m.needsBranch = false;
        unsettled.add(m.id);
        releaseHost(m);
        endSeats(s -> s.member().equals(m.id));
        pairings.removeIf(p -> p.helper().equals(m.id));
        if (m.beneficiary != null) {
            m.casesFlagged = true;
        }
        return true;
    }

    private boolean transferInFromOutside(int n) {
        Org org = pick(settledOrgs(activeBranches()));
        if (org == null) {
            return false;
        }
        String name = "转入党员" + n;
        ObjectNode request = JSON.createObjectNode().put("letterNumber", "WR" + runTag.replaceAll("[^A-Za-z0-9]", "") + n)
                .put("fromOutsideOrganization", "中共福州市某区某社区委员会").put("issuedOn", LocalDate.now().minusDays(3).toString());
        request.set("member", registration(name, org.id, "FULL"));
        HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/transfers/incoming", request.toString());
        expect(n, "receive transfer from outside", org.id.toString(), r, 201);
        if (r.statusCode() == 201) {
            UUID id = UUID.fromString(read(r).get("memberId").asText());
            members.put(id, new Member(id, name, org.id, "FULL"));
            unsettled.add(id);
        }
        return true;
    }

    /** A full member takes a seat (增补) of their own branch. */
    private boolean appointSeat(int n) {
        Member m = pick(settled(members.values().stream().filter(x -> x.here() && "FULL".equals(x.stage) && !x.needsBranch
                && orgs.get(x.org) != null && orgs.get(x.org).active && !unsettled.contains(x.org)).toList()));
        if (m == null) {
            return false;
        }
        boolean secretaryHeld = seats.stream().anyMatch(s -> s.org().equals(m.org) && s.kind().equals("SECRETARY"));
        String seat = secretaryHeld ? "OTHER" : "SECRETARY";
        boolean alreadySeated = seats.stream().anyMatch(s -> s.member().equals(m.id) && s.org().equals(m.org) && s.kind().equals(seat));
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations/" + m.org + "/leadership/seats",
                body("seat", seat, "memberId", m.id.toString(), "memberName", m.name, "reason", "增补"));
        if (alreadySeated) {
            expect(n, "appoint a member to a seat they hold (refused)", seat + " " + m.id + " in " + m.org, r, 409);
            return true;
        }
        expect(n, "appoint seat", seat + " " + m.id + " in " + m.org, r, 200, 201);
        if (r.statusCode() / 100 == 2) {
            for (JsonNode s : read(r).path("seats")) {
                if (m.id.toString().equals(s.path("memberId").asText()) && seat.equals(s.path("seat").asText())) {
                    seats.add(new Seat(UUID.fromString(s.get("id").asText()), m.org, m.id, seat));
                    break;
                }
            }
        }
        return true;
    }

    private boolean planActivity(int n) {
        Org org = pick(settledOrgs(activeBranches()));
        if (org == null) {
            return false;
        }
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(5 + random.nextInt(60)).withNano(0);
        Member host = random.nextBoolean() ? pick(settled(members.values().stream()
                .filter(m -> m.here() && org.id.equals(m.org)).toList())) : null;
        ObjectNode request = JSON.createObjectNode().put("orgId", org.id.toString()).put("type", "THEMED_PARTY_DAY")
                .put("topic", "主题党日" + n).put("plannedStart", start.toString()).put("place", "党员活动室");
        if (host != null) {
            request.put("hostMemberId", host.id.toString());
        }
        HttpResponse<String> r = call(DangjianService.ACTIVITY, "POST", "/api/v1/activities", request.toString());
        expect(n, host == null ? "plan activity" : "plan activity with a member as host", org.id.toString(), r, 201);
        if (r.statusCode() == 201) {
            activities.add(new Activity(UUID.fromString(read(r).get("id").asText()), org.id, host == null ? null : host.id));
        }
        return true;
    }

    /** A member in hardship: a beneficiary of their branch and an open case. */
    private boolean openCase(int n) {
        Member m = pick(settled(members.values().stream().filter(x -> x.here() && x.beneficiary == null && !x.needsBranch
                && orgs.get(x.org).active).toList()));
        if (m == null) {
            return false;
        }
        HttpResponse<String> b = call(DangjianService.ASSISTANCE, "POST", "/api/v1/beneficiaries", JSON.createObjectNode()
                .put("kind", "MEMBER").put("orgId", m.org.toString()).put("memberId", m.id.toString()).put("name", m.name)
                .set("categories", JSON.createArrayNode().add("ILLNESS")).toString());
        expect(n, "register member beneficiary", m.id.toString(), b, 201);
        if (b.statusCode() != 201) {
            return false;
        }
        m.beneficiary = UUID.fromString(read(b).get("id").asText());
        m.beneficiaryOrg = m.org;
        m.casesFlagged = false;
        HttpResponse<String> c = call(DangjianService.ASSISTANCE, "POST", "/api/v1/cases", JSON.createObjectNode()
                .put("beneficiaryId", m.beneficiary.toString()).put("category", "ILLNESS").put("requestedAmount", 1200.00).toString());
        expect(n, "open case", m.id.toString(), c, 201);
        if (c.statusCode() == 201) {
            m.openCases.add(UUID.fromString(read(c).get("id").asText()));
        }
        return true;
    }

    /** 结对帮扶: a member of the same branch looks after a member beneficiary. */
    private boolean pair(int n) {
        Member beneficiary = pick(members.values().stream().filter(x -> x.here() && x.beneficiary != null && !x.needsBranch
                && orgs.get(x.org).active && !unsettled.contains(x.beneficiary)).toList());
        if (beneficiary == null) {
            return false;
        }
        Member helper = pick(settled(members.values().stream().filter(x -> x.here() && x != beneficiary
                && beneficiary.org.equals(x.org)).toList()));
        if (helper == null) {
            return false;
        }
        HttpResponse<String> r = call(DangjianService.ASSISTANCE, "POST", "/api/v1/pairings",
                body("beneficiaryId", beneficiary.beneficiary.toString(), "memberId", helper.id.toString()));
        if (pairings.stream().anyMatch(p -> p.helper().equals(helper.id) && p.cared().equals(beneficiary.id))) {
            expect(n, "pair a member already paired (refused)", helper.id + " with " + beneficiary.beneficiary, r, 409);
            return true;
        }
        expect(n, "pair", helper.id + " with " + beneficiary.beneficiary, r, 201);
        if (r.statusCode() == 201) {
            pairings.add(new Pairing(UUID.fromString(read(r).get("id").asText()), helper.id, beneficiary.id));
        }
        return true;
    }

    /** Requests the system must refuse without changing anything: the model predicts the refusal. */
    private boolean refusedOperation(int n) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            Org dissolved = pick(orgs.values().stream().filter(o -> o.branch && !o.active && !unsettled.contains(o.id)).toList());
            if (dissolved != null) {
                HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/members",
                        registration("拒绝登记" + n, dissolved.id, "FULL").toString());
                expect(n, "register into a dissolved branch (refused)", dissolved.id.toString(), r, 422);
                return true;
            }
        } else if (kind == 1) {
            Member ended = pick(members.values().stream().filter(m -> m.ended).toList());
            Org to = pick(activeBranches());
            if (ended != null && to != null) {
                HttpResponse<String> r = call(DangjianService.MEMBER, "POST", "/api/v1/transfers",
                        body("memberId", ended.id.toString(), "toOrgId", to.id.toString()));
                expect(n, "transfer an ended member (refused)", ended.id.toString(), r, 409, 422);
                return true;
            }
        } else {
            Org org = pick(activeBranches());
            if (org != null) {
                HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations/" + org.id
                        + "/leadership/seats", body("seat", "OTHER", "memberId", UUID.randomUUID().toString(), "memberName", "无此人", "reason", "增补"));
                expect(n, "seat an unknown member (refused)", org.id.toString(), r, 422);
                return true;
            }
        }
        return false;
    }

    /**
     * A member moves to another branch of the platform: by a letter ({@code byLetter}), or by a reassignment after a
     * dissolution. Seats of the old branch end; their beneficiary record and open cases follow them (unflagged); a
     * pairing they keep with a beneficiary of another branch ends when they leave by letter.
     */
    private void moveMember(Member m, UUID to, boolean byLetter) {
        UUID from = m.org;
        m.org = to;
        m.needsBranch = false;
        // the other services learn of the move from its event: the member is used there again once it has settled
        unsettled.add(m.id);
        if (from.equals(to)) {
            return;
        }
        releaseHost(m);
        endSeats(s -> s.member().equals(m.id) && !s.org().equals(to));
        if (byLetter) {
            pairings.removeIf(p -> p.helper().equals(m.id) && !to.equals(members.get(p.cared()).beneficiaryOrg));
        }
        if (m.beneficiary != null) {
            m.beneficiaryOrg = to;
            m.casesFlagged = false;
        }
    }

    /**
     * Seats a member's departure ends: organization-service ends them when the member's event reaches it, so the
     * organization's team is used again (a new secretary) only once that has settled.
     */
    private void endSeats(java.util.function.Predicate<Seat> ending) {
        seats.stream().filter(ending).forEach(s -> unsettled.add(s.org()));
        seats.removeIf(ending);
    }

    private void releaseHost(Member m) {
        activities.stream().filter(a -> m.id.equals(a.host)).forEach(a -> a.host = null);
    }

    /**
     * Members who may be given a letter: probationary and full members (only they transfer) of an active branch, no
     * letter open (letters here are answered at once).
     */
    private boolean transferable(Member m) {
        Org org = orgs.get(m.org);
        return org != null && org.active && !m.needsBranch && ROSTER_STAGES.contains(m.stage);
    }

    // ------------------------------------------------------------------ settling and invariants

    /**
     * Waits until what the operations since the last settling set in motion has reached every service. Only the
     * events since then are compared (with a margin for clocks), so a long run does not re-read its whole history.
     */
    private void settle() {
        Instant now = Instant.now();
        try {
            probe.awaitSettled(contracts, settledUpTo.minusSeconds(5), Duration.ofSeconds(90));
            settledUpTo = now;
        } catch (AssertionError e) {
            violations.add("events never settled: " + e.getMessage());
        }
        unsettled.clear();
    }

    private Instant settledUpTo;

    private void checkInvariants() {
        Set<UUID> modelOrgs = orgs.keySet();
        // 1. each member's branch and stage agree in member-service, activity-service's roster copy and organization-service's roster
        for (Member m : members.values()) {
            JsonNode view = get(DangjianService.MEMBER, "/api/v1/members/" + m.id);
            check("member-service holds the member as the model does", view != null
                    && (m.ended ? view.hasNonNull("endedOn") : view.path("endedOn").isNull())
                    && (m.outside == view.hasNonNull("transferredOutOn"))
                    && (m.ended || m.outside || (m.org.toString().equals(view.path("orgId").asText())
                            && m.stage.equals(view.path("stage").asText()))), m.id + " " + view);
            if (m.here()) {
                check("member-service flags exactly the members of a dissolved branch as needing a branch",
                        m.needsBranch == view.path("needsBranch").asBoolean(false), m.id + " " + view);
            }
            List<List<Object>> copy = probe.rows("activity", "select org_id, stage, ended_on from roster_member where member_id = ?", m.id);
            check("activity-service's roster copy places the member where member-service does", copy.size() == 1
                    && (m.here() ? m.org.equals(copy.get(0).get(0)) && m.stage.equals(copy.get(0).get(1)) && copy.get(0).get(2) == null
                    : m.ended ? copy.get(0).get(2) != null : copy.get(0).get(0) == null), m.id + " " + copy);
            List<List<Object>> counted = probe.rows("organization",
                    "select organization_id, stage, ended from member_roster where member_id = ?", m.id);
            check("organization-service's roster places the member where member-service does", counted.size() == 1
                    && (m.here() ? m.org.equals(counted.get(0).get(0)) && m.stage.equals(counted.get(0).get(1))
                            && Boolean.FALSE.equals(counted.get(0).get(2))
                    : m.ended ? Boolean.TRUE.equals(counted.get(0).get(2)) : counted.get(0).get(0) == null), m.id + " " + counted);
            // 2. a member's open cases follow them in the platform; flagged when they left it or their branch was dissolved
            for (UUID caseId : m.openCases) {
                JsonNode c = get(DangjianService.ASSISTANCE, "/api/v1/cases/" + caseId);
                check("a member's open case is with their beneficiary record's branch, flagged exactly when it must be reassigned",
                        c != null && m.beneficiaryOrg.toString().equals(c.path("orgId").asText())
                                && m.casesFlagged == c.path("reassignmentNeeded").asBoolean(),
                        caseId + " of " + m.id + " expected " + m.beneficiaryOrg + (m.casesFlagged ? " flagged" : "") + " got " + c);
            }
        }
        // 3. counts and rosters per organization equal the model (and so member-service's records)
        for (Org org : orgs.values()) {
            List<Member> in = members.values().stream().filter(m -> m.here() && org.id.equals(m.org)).toList();
            JsonNode count = get(DangjianService.ORGANIZATION, "/api/v1/organizations/" + org.id + "/structure/member-count");
            long full = in.stream().filter(m -> "FULL".equals(m.stage)).count();
            long formal = in.stream().filter(m -> ROSTER_STAGES.contains(m.stage)).count();
            check("organization-service counts each organization's members as member-service records them", count != null
                    && count.path("fullMembers").asLong() == full && count.path("members").asLong() == formal,
                    org.id + " expected " + full + "/" + formal + " got " + count);
            Set<String> expected = in.stream().filter(m -> ROSTER_STAGES.contains(m.stage)).map(m -> m.id.toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            JsonNode roster = get(DangjianService.ACTIVITY, "/api/v1/organizations/" + org.id + "/roster?size=200");
            check("activity-service's roster of each organization today lists exactly its members", roster != null
                    && expected.equals(ids(roster.path("items"), "memberId")), org.id + " expected " + expected + " got " + roster);
        }
        // 4. future meetings expect the organization's members; a dissolved organization's are flagged
        for (Activity a : activities) {
            Org org = orgs.get(a.org);
            JsonNode view = get(DangjianService.ACTIVITY, "/api/v1/activities/" + a.id);
            check("a planned activity of a dissolved organization is flagged for reassignment", view != null
                    && org.active == view.path("orgDissolvedAt").isNull(), a.id + " " + view);
            check("a planned activity's member host is released when they leave", view != null
                    && (a.host == null ? view.path("hostMemberId").isNull() : a.host.toString().equals(view.path("hostMemberId").asText())),
                    a.id + " expected host " + a.host + " got " + view);
            if (org.active) {
                Set<String> expected = members.values().stream().filter(m -> m.here() && org.id.equals(m.org)
                        && ROSTER_STAGES.contains(m.stage)).map(m -> m.id.toString()).collect(Collectors.toCollection(TreeSet::new));
                JsonNode roster = get(DangjianService.ACTIVITY, "/api/v1/activities/" + a.id + "/roster?size=200");
                check("a future meeting's expected roster is its organization's members", roster != null
                        && expected.equals(ids(roster.path("items"), "memberId")), a.id + " expected " + expected + " got " + roster);
            }
        }
        // 5. seats: only the model's open seats, each held by a member of that organization
        for (Org org : orgs.values()) {
            JsonNode team = get(DangjianService.ORGANIZATION, "/api/v1/organizations/" + org.id + "/leadership");
            Set<String> expected = seats.stream().filter(s -> s.org().equals(org.id)).map(s -> s.member().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            check("the open seats of each organization are held by its own current members", team != null
                    && expected.equals(ids(team.path("seats"), "memberId")), org.id + " expected " + expected + " got " + team);
        }
        // 6. pairings: active ones are the model's (ended members, members who left, lose theirs)
        Set<String> activePairings = new TreeSet<>();
        for (Member m : members.values()) {
            if (m.beneficiary != null) {
                JsonNode list = get(DangjianService.ASSISTANCE, "/api/v1/pairings?size=200&beneficiaryId=" + m.beneficiary);
                if (list != null) {
                    list.path("items").forEach(p -> {
                        if ("ACTIVE".equals(p.path("status").asText())) {
                            activePairings.add(p.path("id").asText());
                        }
                    });
                }
            }
        }
        Set<String> expectedPairings = pairings.stream().map(p -> p.id().toString()).collect(Collectors.toCollection(TreeSet::new));
        check("active pairings are those of members still in the beneficiary's branch", expectedPairings.equals(activePairings),
                "expected " + expectedPairings + " got " + activePairings);
        // 7. no dead letter anywhere, and every consumer applied every event its producer published
        List<SystemProbe.DeadLetter> dead = probe.deadLetters();
        check("no event is dead-lettered by any consumer", dead.isEmpty(), dead.toString());
        List<SystemProbe.Unapplied> unapplied = probe.unapplied(contracts, startedAt);
        check("every consumer applied every event its producers' outboxes published", unapplied.isEmpty(), unapplied.toString());
        check("the model's organizations exist in organization-service", modelOrgs.stream().allMatch(id ->
                get(DangjianService.ORGANIZATION, "/api/v1/organizations/" + id) != null), modelOrgs.toString());
    }

    private void check(String invariant, boolean holds, String detail) {
        checked.merge(invariant, 1, Integer::sum);
        if (!holds && violations.size() < 20) {
            violations.add(invariant + ": " + detail);
        }
    }

    private static Set<String> ids(JsonNode entries, String field) {
        Set<String> ids = new TreeSet<>();
        entries.forEach(e -> ids.add(e.path(field).asText()));
        return ids;
    }

    // ------------------------------------------------------------------ helpers

    private List<Org> activeBranches() {
        return orgs.values().stream().filter(o -> o.branch && o.active).toList();
    }

    private List<Org> settledOrgs(List<Org> list) {
        return list.stream().filter(o -> !unsettled.contains(o.id)).toList();
    }

    private List<Member> settled(List<Member> list) {
        return list.stream().filter(m -> !unsettled.contains(m.id)).toList();
    }

    private <T> T pick(List<T> list) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    private UUID establish(String name, String type, UUID parent) {
        ObjectNode request = JSON.createObjectNode().put("name", name).put("type", type);
        if (parent != null) {
            request.put("parentId", parent.toString());
        }
        HttpResponse<String> r = call(DangjianService.ORGANIZATION, "POST", "/api/v1/organizations", request.toString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot establish " + name + ": " + r.statusCode() + " " + r.body());
        }
        UUID id = UUID.fromString(read(r).get("id").asText());
        orgs.put(id, new Org(id, false, parent, name));
        return id;
    }

    /** A registration at a stage, with the stage dates the development rules expect (probation began a year ago). */
    private ObjectNode registration(String name, UUID org, String stage) {
        int k = PEOPLE.incrementAndGet();
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(k / 900 % 12_000);
        String first17 = "350211" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(100 + k % 900);
        ObjectNode r = JSON.createObjectNode().put("name", name).put("gender", k % 2 == 0 ? "FEMALE" : "MALE")
                .put("ethnicity", "01").put("nationalId", first17 + NationalIdNumber.checkCharacter(first17))
                .put("category", "EMPLOYED").put("orgId", org.toString()).put("stage", stage);
        LocalDate today = LocalDate.now();
        int index = LIVE_STAGES.indexOf(stage);
        r.put("appliedOn", today.minusYears(5).toString());
        if (index >= 1) {
            r.put("activistOn", today.minusYears(4).toString());
        }
        if (index >= 2) {
            r.put("candidateOn", today.minusYears(3).toString());
        }
        if (index >= 3) {
            r.put("admittedOn", today.minusYears(1).minusDays(10).toString());
        }
        if (index >= 4) {
            r.put("fullOn", today.minusDays(10).toString());
        }
        return r;
    }

    private void expect(int n, String operation, String detail, HttpResponse<String> response, int... statuses) {
        steps.add(new Step(n, operation, detail, response.statusCode()));
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        violations.add("the API answered as the model predicts: #" + n + " " + operation + " " + detail + " answered "
                + response.statusCode() + ", expected " + java.util.Arrays.toString(statuses) + ": " + response.body());
    }

    private JsonNode get(DangjianService service, String path) {
        HttpResponse<String> r = call(service, "GET", path, null);
        return r.statusCode() == 200 ? read(r) : null;
    }

    /**
     * Sends a request. One write in five goes the way a phone on a bad network sends it (issue 24): with an
     * Idempotency-Key, then again with the same key as if the first answer had been lost. The second answer must be
     * the first one again (a success replayed, marked Idempotent-Replayed; a refusal refused alike) and nothing may
     * happen twice, which the invariants check after the run.
     */
    private HttpResponse<String> call(DangjianService service, String method, String path, String body) {
        if (body == null || retries.nextInt(5) != 0) {
            return send(service, method, path, body, null);
        }
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(service, method, path, body, key);
        HttpResponse<String> again = send(service, method, path, body, key);
        String what = method + " " + path + " retried with Idempotency-Key " + key;
        if (again.statusCode() != first.statusCode()) {
            violations.add("a retry with the same Idempotency-Key gets the first answer: " + what + " answered " + first.statusCode()
                    + " then " + again.statusCode() + ": " + again.body());
        } else if (first.statusCode() < 300 && (!again.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")
                || !read(again).equals(read(first)))) {
            violations.add("a retry with the same Idempotency-Key gets the first answer: " + what + " answered " + first.body()
                    + " then " + again.body() + " (replayed: " + again.headers().firstValue("Idempotent-Replayed").orElse("no") + ")");
        }
        return first;
    }

    private HttpResponse<String> send(DangjianService service, String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl(service) + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                if (attempt == 3) {
                    throw new IllegalStateException(method + " " + path, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String body(String... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node.toString();
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    static String describe(Result r) {
        return r.steps().stream().sorted(Comparator.comparingInt(Step::number)).map(Step::toString)
                .collect(Collectors.joining("\n  ", "  ", ""));
    }
}
