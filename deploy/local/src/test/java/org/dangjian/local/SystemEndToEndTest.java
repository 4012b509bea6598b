package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.dangjian.platform.api.pii.NationalIdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four services together on one real stack, started by the same code as the run command. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalSystem system;
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        system = LocalSystem.start(LocalSystem.root(), Path.of("target", "e2e"), LocalSystem.PortPlan.free(), false);
        token = system.adminToken();
        System.out.printf("[e2e] stack started in %d ms, services ready %d ms later%n", system.stackMillis(), system.servicesMillis());
    }

    @AfterAll
    static void stoppingLeavesNoChildProcessRunning() {
        system.close();
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertEquals(List.of(), left);
    }

    /** First, so no other test's events are still being applied while the tables are counted. */
    @Test
    @Order(1)
    void everyEndpointRefusesMissingOrForgedTokensAndTheWrongRoleAndChangesNothing() throws Exception {
        SecurityMatrix matrix = new SecurityMatrix(system);
        List<SecurityMatrix.Operation> operations = matrix.operations();
        Map<String, Long> before = rowCounts();
        List<SecurityMatrix.Outcome> outcomes = matrix.run(operations);
        Map<String, Long> after = rowCounts();

        List<String> failures = outcomes.stream().filter(o -> !o.passed()).map(Object::toString).toList();
        long withRoles = operations.stream().filter(o -> !o.roles().isEmpty()).count();
        System.out.printf("[security-matrix] %d operations in 4 services (%d with roles listed), %d cases, %d failures%n",
                operations.size(), withRoles, outcomes.size(), failures.size());
        failures.forEach(f -> System.out.println("[security-matrix] FAIL " + f));
        assertTrue(operations.size() > 50, "the OpenAPI documents list " + operations.size() + " operations");
        assertEquals(List.of(), failures);
        assertEquals(before, after, "a refused request changed data");
    }

    /**
     * Second, on a quiet system: every variant of every event that its producer's JSON Schema allows (each
     * nullable field null, each optional field absent, each enum value, an unknown field …) goes through the
     * real topic to every consumer whose AsyncAPI declares it; each must apply it, none may dead-letter it.
     */
    @Test
    @Order(2)
    void everyConsumerAppliesEveryVariantItsProducersSchemaAllows() {
        EventContracts contracts = EventContracts.load(LocalSystem.root());
        try (SystemProbe probe = new SystemProbe(system)) {
            EventContractCheck.Report report = new EventContractCheck(probe, contracts).run(Duration.ofSeconds(90));
            report.deliveries().forEach(d -> System.out.println("[event-contract] " + d));
            report.variantsWithoutConsumer().forEach(v -> System.out.println("[event-contract] read by no service: " + v));
            long dead = report.deliveries().stream().filter(d -> d.outcome().equals("dead-lettered")).count();
            System.out.printf("[event-contract] %d event types, %d consumers, %d (type, variant, consumer) deliveries, "
                            + "%d dead letters, %d failures%n", contracts.types().size(), contracts.consumers().size(),
                    report.deliveries().size(), dead, report.failures().size());
            report.failures().forEach(f -> System.out.println("[event-contract] FAIL " + f));
            assertEquals(List.of(), report.failures());
            assertTrue(report.deliveries().size() > 100, "only " + report.deliveries().size() + " deliveries");
        }
    }

    /**
     * A random but valid sequence of operations through all four services' APIs (seed -Dmodel.seed, length
     * -Dmodel.operations, 300 by default), then the invariants across the services against the test's model.
     * A violation is shown with the shortest prefix of the sequence that still shows it.
     */
    @Test
    @Order(3)
    void aRandomSequenceOfOperationsLeavesEveryServiceAgreeingWithTheModel() {
        WholeSystemModel.Result result = WholeSystemModel.runAndReport(system,
                Long.getLong("model.seed", 20_261_206L), Integer.getInteger("model.operations", 300));
        assertEquals(List.of(), result.violations());
    }

    private static DemoData.Summary demo;

    /** The run command's demo data at scale 2, loaded once for the tests that read it. */
    private static synchronized DemoData.Summary demo() {
        if (demo == null) {
            demo = new DemoData(system, 2).load();
        }
        return demo;
    }

    /**
     * Issue 24's two journeys, through the clients openapi-generator made from the OpenAPI documents: a branch
     * secretary answers the demo data's letter from their work queue and records a meeting with the new member; that
     * member then reads their profile, pays their dues and signs in to today's party day, all without knowing an id.
     */
    @Test
    void aSecretarysAndAMembersDayThroughTheGeneratedClients() throws Exception {
        demo();
        ClientJourneys journeys = new ClientJourneys(system);
        ClientJourneys.Arrival arrival = journeys.secretarysDay();
        journeys.membersDay(arrival);
    }

    /**
     * One list contract (issue 24): every list of the four OpenAPI documents answers {@code {items, nextCursor}} and
     * takes cursor and size; on the demo data of 西城镇党委's subtree, pages of one walked by cursor never repeat, and a
     * size out of 1–200 or a forged cursor is 400 INVALID_PARAMETER naming it.
     */
    @Test
    void everyListAnswersTheOneEnvelopeWalksByCursorAndRefusesBadPaging() throws Exception {
        DemoData.Summary demoData = demo();
        ListContract.Result result = new ListContract(system, demoData.idOf("西城镇党委"))
                .run(new SecurityMatrix(system).operations());

        System.out.printf("[lists] %d lists in 4 services, %d walked on demo data, %d violations%n", result.lists().size(),
                result.walked().size(), result.violations().size());
        result.violations().forEach(v -> System.out.println("[lists] FAIL " + v));
        result.notExercised().forEach(v -> System.out.println("[lists] not walked " + v));
        assertEquals(List.of(), result.violations());
        assertTrue(result.lists().size() > 30, "only " + result.lists().size() + " lists found");
        assertTrue(result.walked().size() * 4 >= result.lists().size() * 3,
                "only " + result.walked().size() + " of " + result.lists().size() + " lists could be walked");
    }

    /**
     * No 5xx on bad input (issue 23), generated from the four OpenAPI documents: every operation, on real records of
     * 西城镇党委's subtree with a token of a role it allows, gets at least 10 malformed variants of a valid-looking
     * request (see {@link FuzzSuite}); -Dfuzz.variants=K adds K random ones each (seed -Dfuzz.seed). Every answer is
     * below 500, every error a problem+json with a code, and nothing changes.
     */
    @Test
    @Order(Integer.MAX_VALUE - 3)
    void everyRequestWithMalformedInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        DemoData.Summary demoData = demo();
        List<SecurityMatrix.Operation> operations = new SecurityMatrix(system).operations();
        Map<String, DatabaseFingerprint.Rows> before = DatabaseFingerprint.settled(system);
        long begin = System.nanoTime();
        FuzzSuite.Result result = new FuzzSuite(system, demoData.idOf("西城镇党委"), Long.getLong("fuzz.seed", 20_261_206L),
                Integer.getInteger("fuzz.variants", 0)).run(operations);
        Map<String, DatabaseFingerprint.Rows> after = DatabaseFingerprint.take(system);

        List<String> changed = DatabaseFingerprint.changed(before, after);
        System.out.printf("[fuzz] %d operations, %d requests, %d 5xx, %d rows changed%n", result.operations(), result.requests(),
                result.serverErrors(), DatabaseFingerprint.rowsChanged(before, after));
        System.out.printf("[fuzz] %d failures, in %d s%n", result.failures().size(), Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        result.failures().forEach(f -> System.out.println("[fuzz] FAIL " + f));
        changed.forEach(t -> System.out.println("[fuzz] changed " + t));
        result.lenient().forEach(f -> System.out.println("[fuzz] lenient " + f));
        assertEquals(List.of(), result.fewVariants(), "operations with too few malformed variants");
        assertEquals(List.of(), result.failures().stream().map(Object::toString).toList());
        assertEquals(List.of(), changed, "a malformed request changed data");
    }

    /**
     * Scope on every id a request carries (issue 23), generated from the four OpenAPI documents: a caller of
     * 西城镇党委's subtree sends, for every operation a scoped role may call, a request on records of that subtree
     * with a generated body, each id but the path's first swapped in turn for a record of 东坪镇党委's subtree and for
     * a random id (see {@link BodyScopeMatrix}): both answered alike, nothing of the other subtree shown, nothing changed.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void everyRequestIdOutsideTheCallersSubtreeIsRefusedLikeAnUnknownId() throws Exception {
        DemoData.Summary demoData = demo();
        List<SecurityMatrix.Operation> operations = new SecurityMatrix(system).operations();
        BodyScopeMatrix matrix = new BodyScopeMatrix(system, demoData.idOf("西城镇党委"), demoData.idOf("东坪镇党委"));
        matrix.ensureRecords();
        Map<String, DatabaseFingerprint.Rows> before = DatabaseFingerprint.settled(system);
        long begin = System.nanoTime();
        BodyScopeMatrix.Result result = matrix.run(operations);
        Map<String, DatabaseFingerprint.Rows> after = DatabaseFingerprint.take(system);
        // only now the unaltered requests: they may succeed and change data
        List<BodyScopeMatrix.Coverage> coverage = matrix.sendBases(result);

        coverage.forEach(c -> System.out.println("[body-scope] " + c));
        result.unrestricted().forEach(o -> System.out.println("[body-scope] platform-admin only (no data scope): " + o));
        List<String> changed = DatabaseFingerprint.changed(before, after);
        System.out.printf("[body-scope] %d operations, %d cases (%d body fields, %d parameters), %d failures%n",
                coverage.size(), result.cases().size(), result.bodyFields(), result.parameters(), result.failures().size());
        System.out.printf("[body-scope] %d rows changed by the swapped requests, %d generated requests succeeded, in %d s%n",
                DatabaseFingerprint.rowsChanged(before, after), coverage.stream().filter(c -> c.base() != null && c.base().status() < 300).count(),
                Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        result.failures().forEach(f -> System.out.println("[body-scope] FAIL " + f));
        changed.forEach(t -> System.out.println("[body-scope] changed " + t));
        assertTrue(result.cases().size() > 50, "only " + result.cases().size() + " ids swapped");
        assertEquals(List.of(), result.failures());
        assertEquals(List.of(), changed, "a request naming another subtree's or an unknown record changed data");
    }

    /**
     * Data scope on every endpoint, generated like the matrix above: a real record of 西城镇党委's
     * subtree is refused (404) to a caller of 东坪镇党委's with a role the operation allows, and read
     * (200) by a caller of its own subtree; collections show a caller of B nothing of A; nothing changes.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void everyEndpointKeepsCallersToTheirOwnSubtree() throws Exception {
        DemoData.Summary demoData = demo();
        List<SecurityMatrix.Operation> operations = new SecurityMatrix(system).operations();
        Map<String, Long> before = settledRowCounts();
        ScopeMatrix.Result result = new ScopeMatrix(system, demoData.idOf("西城镇党委"), demoData.idOf("东坪镇党委"))
                .run(operations);
        Map<String, Long> after = rowCounts();

        List<String> failures = result.outcomes().stream().filter(o -> !o.passed()).map(Object::toString).toList();
        long own = result.outcomes().stream().filter(o -> o.credential().startsWith("own scope")).count();
        System.out.printf("[scope-matrix] %d operations: %d cases (%d other subtree, %d own scope), %d for platform-admin only "
                        + "(no data scope), %d without a demo record of their kind, %d failures%n", operations.size(),
                result.outcomes().size(), result.outcomes().size() - own, own, result.unrestricted().size(),
                result.withoutRecord().size(), failures.size());
        result.withoutRecord().forEach(o -> System.out.println("[scope-matrix] no demo record for " + o));
        failures.forEach(f -> System.out.println("[scope-matrix] FAIL " + f));
        assertEquals(List.of(), failures);
        // A new kind of record needs a line in ScopeMatrix.SQL (and one in the demo data): it cannot be skipped unseen.
        assertEquals(List.of(), result.withoutRecord());
        // Reads in scope of personal data are audited (READ_UNMASKED): the audit trail may grow, nothing else.
        before.keySet().removeIf(table -> table.endsWith(".audit_entry"));
        after.keySet().removeIf(table -> table.endsWith(".audit_entry"));
        assertEquals(before, after, "a request refused for scope changed data");
    }

    /** Row counts once the consumers have applied what earlier tests caused. */
    private static Map<String, Long> settledRowCounts() throws Exception {
        AtomicReference<Map<String, Long>> previous =
                new AtomicReference<>(rowCounts());
        try {
            return Awaitility.await("row counts settled").atMost(Duration.ofMinutes(1))
                    .pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        Map<String, Long> now = rowCounts();
                        return now.equals(previous.getAndSet(now)) ? now : null;
                    }, Objects::nonNull);
        } catch (ConditionTimeoutException stillMoving) {
            return previous.get(); // the caller's comparison names what kept changing
        }
    }

    /**
     * Last, after every flow and the demo data: no plaintext national ID or mobile number in any
     * service's database, the stack's logs and topic segments, or the logs of the services' own
     * test runs earlier in the build.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void noPlaintextNationalIdOrPhoneInAnyDatabaseLogOrTopic() throws Exception {
        PersonalDataScan scan = new PersonalDataScan();
        for (DangjianService service : DangjianService.values()) {
            scan.scanDatabase(service.database(), system.stack().postgres().jdbcUrl(service.database()),
                    org.dangjian.platform.localstack.PostgresServer.USER);
            scan.scanLogs(LocalSystem.root().resolve(service.module()).resolve("target/test-logs"));
        }
        scan.scanLogs(system.process(DangjianService.ORGANIZATION).log().getParent().getParent());
        System.out.printf("[pii-scan] %d database values and %d log/topic lines scanned, %d findings%n",
                scan.valuesScanned(), scan.linesScanned(), scan.findings().size());
        scan.findings().forEach(f -> System.out.println("[pii-scan] FOUND " + f));
        assertTrue(scan.valuesScanned() > 0 && scan.linesScanned() > 0, "the scan read nothing");
        assertEquals(List.of(), scan.findings());
    }

    private static Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (DangjianService service : DangjianService.values()) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    system.stack().postgres().jdbcUrl(service.database()), org.dangjian.platform.localstack.PostgresServer.USER, "")) {
                List<String> tables = new java.util.ArrayList<>();
                try (var rs = c.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (var rs = c.createStatement().executeQuery("select count(*) from \"" + table + "\"")) {
                        rs.next();
                        counts.put(service.database() + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    @Test
    void everyServiceIsReady() throws Exception {
        for (DangjianService service : DangjianService.values()) {
            HttpResponse<String> ready = get(system.baseUrl(service) + "/q/health/ready", false);
            assertEquals(200, ready.statusCode(), service + " " + ready.body());
            assertEquals("UP", JSON.readTree(ready.body()).get("status").asText());
        }
    }

    @Test
    void anEstablishedOrganizationReachesTheTreeCopyOfEveryOtherService() throws Exception {
        for (int round = 1; round <= 3; round++) {
            establishAndAwaitCopies(round);
        }
    }

    private void establishAndAwaitCopies(int round) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.baseUrl(DangjianService.ORGANIZATION) + "/api/v1/organizations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"端到端测试党委\",\"type\":\"COMMITTEE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        long begin = System.nanoTime();

        for (DangjianService consumer : List.of(DangjianService.MEMBER, DangjianService.ACTIVITY, DangjianService.ASSISTANCE)) {
            JsonNode copy = awaitCopy(consumer, id);
            assertEquals("端到端测试党委", copy.get("name").asText());
            assertEquals("/" + id + "/", copy.get("path").asText());
            System.out.printf("[e2e] round %d: %s had the copy %d ms after the 201%n", round, consumer.module(),
                    Duration.ofNanos(System.nanoTime() - begin).toMillis());
        }
    }

    @Test
    void aMemberTransferredBetweenBranchesFollowsIntoActivityRostersAndAssistanceCases() {
        Client api = new Client(system, token);
        UUID committee = establish(api, "转接测试党委", "COMMITTEE", null);
        UUID from = establish(api, "转出党支部", "BRANCH", committee);
        UUID to = establish(api, "转入党支部", "BRANCH", committee);
        awaitEverywhere(api, from);
        awaitEverywhere(api, to);

        String memberId = api.post(DangjianService.MEMBER, "/api/v1/members", """
                {"name":"林志强","gender":"MALE","ethnicity":"01","nationalId":"%s","category":"EMPLOYED",
                 "orgId":"%s","stage":"FULL","appliedOn":"2015-03-01","activistOn":"2015-06-01",
                 "candidateOn":"2016-09-01","admittedOn":"2017-07-01","fullOn":"2018-07-01"}""".formatted(nationalId(), from), 201)
                .get("id").asText();
        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + from + "/roster", r -> lists(r.get("items"), memberId));
        String activityId = api.post(DangjianService.ACTIVITY, "/api/v1/activities", """
                {"orgId":"%s","type":"THEMED_PARTY_DAY","topic":"主题党日","plannedStart":"%s","place":"党员活动室"}"""
                .formatted(from, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0)), 201).get("id").asText();
        assertTrue(lists(api.get(DangjianService.ACTIVITY, "/api/v1/activities/" + activityId + "/roster").get("items"), memberId));
        String beneficiaryId = api.post(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", """
                {"kind":"MEMBER","orgId":"%s","memberId":"%s","name":"林志强","categories":["ILLNESS"]}"""
                .formatted(from, memberId), 201).get("id").asText();
        String caseId = api.post(DangjianService.ASSISTANCE, "/api/v1/cases", """
                {"beneficiaryId":"%s","category":"ILLNESS","requestedAmount":1500.00}""".formatted(beneficiaryId), 201)
                .get("id").asText();

        String transferId = api.post(DangjianService.MEMBER, "/api/v1/transfers",
                "{\"memberId\":\"%s\",\"toOrgId\":\"%s\"}".formatted(memberId, to), 201).get("id").asText();
        api.post(DangjianService.MEMBER, "/api/v1/transfers/" + transferId + "/accept", "{}", 200);

        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + to + "/roster", r -> lists(r.get("items"), memberId));
        api.await(DangjianService.ACTIVITY, "/api/v1/activities/" + activityId + "/roster", r -> !lists(r.get("items"), memberId));
        api.await(DangjianService.ASSISTANCE, "/api/v1/cases/" + caseId, c -> to.toString().equals(c.get("orgId").asText()));
    }

    @Test
    void aMemberTransferredOutOfThePlatformLeavesEveryRosterAndCountWithoutADeadLetter() {
        Client api = new Client(system, token);
        UUID committee = establish(api, "转出系统测试党委", "COMMITTEE", null);
        UUID branch = establish(api, "转出系统测试支部", "BRANCH", committee);
        awaitEverywhere(api, branch);
        String memberId = registerFullMember(api, "陈海峰", branch);
        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + branch + "/roster", r -> lists(r.get("items"), memberId));
        String activityId = planThemedPartyDay(api, branch, 20);
        String caseId = openMemberCase(api, branch, memberId, "陈海峰");
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + branch + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 1);

        String transferId = api.post(DangjianService.MEMBER, "/api/v1/transfers", """
                {"memberId":"%s","toOutsideOrganization":"中共上海市某区某街道工委"}""".formatted(memberId), 201).get("id").asText();
        api.post(DangjianService.MEMBER, "/api/v1/transfers/" + transferId + "/accept", "{}", 200);

        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + branch + "/roster", r -> !lists(r.get("items"), memberId));
        api.await(DangjianService.ACTIVITY, "/api/v1/activities/" + activityId + "/roster", r -> !lists(r.get("items"), memberId));
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + branch + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 0 && c.get("members").asInt() == 0);
        api.await(DangjianService.ASSISTANCE, "/api/v1/cases/" + caseId, c -> c.get("reassignmentNeeded").asBoolean());
        assertEquals(List.of(), deadLettersAbout(memberId));
    }

    @Test
    void aMergeMovesTheAbsorbedBranchsMembersToTheSurvivorInEveryService() {
        Client api = new Client(system, token);
        UUID committee = establish(api, "合并测试党委", "COMMITTEE", null);
        UUID survivor = establish(api, "合并后党支部", "BRANCH", committee);
        UUID absorbed = establish(api, "被合并党支部", "BRANCH", committee);
        awaitEverywhere(api, survivor);
        awaitEverywhere(api, absorbed);
        String memberId = registerFullMember(api, "黄文斌", absorbed);
        String caseId = openMemberCase(api, absorbed, memberId, "黄文斌");
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + absorbed + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 1);

        api.post(DangjianService.ORGANIZATION, "/api/v1/organizations/" + survivor + "/merge",
                "{\"absorbedId\":\"%s\",\"reason\":\"两村合并\"}".formatted(absorbed), 200);

        api.await(DangjianService.MEMBER, "/api/v1/members/" + memberId,
                m -> survivor.toString().equals(m.get("orgId").asText()) && !m.get("needsBranch").asBoolean());
        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + survivor + "/roster", r -> lists(r.get("items"), memberId));
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + survivor + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 1);
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + absorbed + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 0);
        api.await(DangjianService.ASSISTANCE, "/api/v1/cases/" + caseId, c -> survivor.toString().equals(c.get("orgId").asText())
                && !c.get("reassignmentNeeded").asBoolean());
        assertEquals(List.of(), deadLettersAbout(memberId));
    }

    /** The documented choice for a dissolution with members: flagged, listed for the level above, reassigned in bulk. */
    @Test
    void aDissolvedBranchsMembersAreFlaggedListedAboveAndReassignedInBulk() {
        Client api = new Client(system, token);
        UUID committee = establish(api, "撤销重编测试党委", "COMMITTEE", null);
        UUID dissolved = establish(api, "撤销的党支部", "BRANCH", committee);
        UUID receiving = establish(api, "接收的党支部", "BRANCH", committee);
        awaitEverywhere(api, dissolved);
        awaitEverywhere(api, receiving);
        String memberId = registerFullMember(api, "吴丽华", dissolved);
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + dissolved + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 1);

        api.post(DangjianService.ORGANIZATION, "/api/v1/organizations/" + dissolved + "/dissolve", "{\"reason\":\"撤销\"}", 200);

        api.await(DangjianService.MEMBER, "/api/v1/members/" + memberId, m -> m.get("needsBranch").asBoolean());
        JsonNode listed = api.get(DangjianService.MEMBER, "/api/v1/members?needsBranch=true&orgId=" + committee);
        assertTrue(lists(listed.get("items"), memberId, "id"), listed.toString());

        api.post(DangjianService.MEMBER, "/api/v1/members/reassignments", """
                {"memberIds":["%s"],"toOrgId":"%s","reason":"撤销后编入接收支部"}""".formatted(memberId, receiving), 200);

        api.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + receiving + "/roster", r -> lists(r.get("items"), memberId));
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + receiving + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 1);
        api.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + dissolved + "/structure/member-count",
                c -> c.get("fullMembers").asInt() == 0);
        JsonNode member = api.get(DangjianService.MEMBER, "/api/v1/members/" + memberId);
        assertEquals(receiving.toString(), member.get("orgId").asText());
        assertTrue(!member.get("needsBranch").asBoolean(), member.toString());
    }

    /**
     * Every member id a request body carries is checked against the caller's scope in the service that receives it:
     * an org-admin of one subtree naming a real member of another subtree gets exactly the answer an unknown id gets
     * (status, code and wording but for the id), and nothing about that member.
     */
    @Test
    void aSeatGridHostPairingOrContactNamingAMemberOutsideTheCallersScopeIsRefusedLikeAnUnknownId() {
        Client admin = new Client(system, token);
        UUID committeeA = establish(admin, "引用校验甲党委", "COMMITTEE", null);
        UUID branchA = establish(admin, "引用校验甲支部", "BRANCH", committeeA);
        UUID committeeB = establish(admin, "引用校验乙党委", "COMMITTEE", null);
        UUID branchB = establish(admin, "引用校验乙支部", "BRANCH", committeeB);
        awaitEverywhere(admin, branchA);
        awaitEverywhere(admin, branchB);
        String ownMember = registerFullMember(admin, "甲支部党员", branchA);
        String foreign = registerFullMember(admin, "乙支部保密姓名", branchB);
        // every service knows the foreign member, so "unknown" cannot be why it is refused
        admin.await(DangjianService.ORGANIZATION, "/api/v1/organizations/" + branchB + "/members/" + foreign,
                m -> m.get("onRoster").asBoolean());
        admin.await(DangjianService.ACTIVITY, "/api/v1/organizations/" + branchB + "/roster", r -> lists(r.get("items"), foreign));
        admin.postWhenAccepted(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", """
                {"kind":"MEMBER","orgId":"%s","memberId":"%s","name":"乙支部保密姓名","categories":["ILLNESS"]}"""
                .formatted(branchB, foreign), 201);
        String residentA = admin.post(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", """
                {"kind":"RESIDENT","orgId":"%s","name":"甲社区居民","nationalId":"%s","categories":["ELDERLY_ALONE"]}"""
                .formatted(branchA, nationalId()), 201).get("id").asText();
        String gridA = admin.post(DangjianService.ORGANIZATION, "/api/v1/grids", """
                {"organizationId":"%s","name":"甲网格","leaderName":"林格长","area":"甲村1组","households":120}"""
                .formatted(branchA), 201).get("id").asText();
        admin.await(DangjianService.MEMBER, "/api/v1/members/" + ownMember, m -> true);

        Client orgAdminA = new Client(system, org.dangjian.platform.localstack.Tokens.issue(system.stack().oidc(),
                "refs-" + committeeA, "org-admin", committeeA, null));
        String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(15).withNano(0).toString();
        Map<String, String[]> requests = new java.util.LinkedHashMap<>();
        requests.put("leadership seat", new String[] {"ORGANIZATION", "/api/v1/organizations/" + branchA + "/leadership/seats",
                "{\"seat\":\"OTHER\",\"memberId\":\"%s\",\"memberName\":\"某某\",\"reason\":\"增补\"}"});
        requests.put("grid member", new String[] {"ORGANIZATION", "/api/v1/grids/" + gridA + "/members",
                "{\"memberId\":\"%s\",\"memberName\":\"某某\"}"});
        requests.put("activity host", new String[] {"ACTIVITY", "/api/v1/activities",
                "{\"orgId\":\"" + branchA + "\",\"type\":\"THEMED_PARTY_DAY\",\"topic\":\"主题党日\",\"plannedStart\":\"" + future
                        + "\",\"place\":\"活动室\",\"hostMemberId\":\"%s\"}"});
        requests.put("pairing member", new String[] {"ASSISTANCE", "/api/v1/pairings",
                "{\"beneficiaryId\":\"" + residentA + "\",\"memberId\":\"%s\"}"});
        requests.put("member beneficiary", new String[] {"ASSISTANCE", "/api/v1/beneficiaries",
                "{\"kind\":\"MEMBER\",\"orgId\":\"" + branchA + "\",\"memberId\":\"%s\",\"name\":\"某某\",\"categories\":[\"ILLNESS\"]}"});
        requests.put("mobile member contact", new String[] {"MEMBER", "/api/v1/members/" + ownMember + "/mobility",
                "{\"location\":\"福建省厦门市思明区\",\"fixedPlace\":false,\"since\":\"2026-01-01\",\"contactMemberId\":\"%s\"}"});
        List<String> failures = new java.util.ArrayList<>();
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
            DangjianService service = DangjianService.valueOf(request.getValue()[0]);
            String unknown = UUID.randomUUID().toString();
            HttpResponse<String> forForeign = orgAdminA.rawPost(service, request.getValue()[1], request.getValue()[2].formatted(foreign));
            HttpResponse<String> forUnknown = orgAdminA.rawPost(service, request.getValue()[1], request.getValue()[2].formatted(unknown));
            String foreignBody = forForeign.body().replace(foreign, "<id>");
            String unknownBody = forUnknown.body().replace(unknown, "<id>");
            System.out.printf("[references] %-22s foreign %d, unknown %d: %s%n", request.getKey(), forForeign.statusCode(),
                    forUnknown.statusCode(), unknownBody);
            if (forForeign.statusCode() != 422 || forUnknown.statusCode() != 422 || !foreignBody.equals(unknownBody)
                    || forForeign.body().contains("乙支部保密姓名") || forForeign.body().contains(branchB.toString())) {
                failures.add(request.getKey() + ": foreign " + forForeign.statusCode() + " " + forForeign.body() + " / unknown "
                        + forUnknown.statusCode() + " " + forUnknown.body());
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String registerFullMember(Client api, String name, UUID branch) {
        return api.post(DangjianService.MEMBER, "/api/v1/members", """
                {"name":"%s","gender":"MALE","ethnicity":"01","nationalId":"%s","category":"EMPLOYED",
                 "orgId":"%s","stage":"FULL","appliedOn":"2015-03-01","activistOn":"2015-06-01",
                 "candidateOn":"2016-09-01","admittedOn":"2017-07-01","fullOn":"2018-07-01"}""".formatted(name, nationalId(), branch), 201)
                .get("id").asText();
    }

    private static String planThemedPartyDay(Client api, UUID branch, int daysAhead) {
        return api.post(DangjianService.ACTIVITY, "/api/v1/activities", """
                {"orgId":"%s","type":"THEMED_PARTY_DAY","topic":"主题党日","plannedStart":"%s","place":"党员活动室"}"""
                .formatted(branch, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(daysAhead).withNano(0)), 201).get("id").asText();
    }

    /** A member in hardship with an open case; assistance-service learns of the member from member events first. */
    private static String openMemberCase(Client api, UUID branch, String memberId, String name) {
        String body = """
                {"kind":"MEMBER","orgId":"%s","memberId":"%s","name":"%s","categories":["ILLNESS"]}""".formatted(branch, memberId, name);
        String beneficiaryId = api.postWhenAccepted(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", body, 201).get("id").asText();
        return api.post(DangjianService.ASSISTANCE, "/api/v1/cases", """
                {"beneficiaryId":"%s","category":"ILLNESS","requestedAmount":1500.00}""".formatted(beneficiaryId), 201).get("id").asText();
    }

    private static List<SystemProbe.DeadLetter> deadLettersAbout(String memberId) {
        try (SystemProbe probe = new SystemProbe(system)) {
            return probe.deadLetters().stream().filter(d -> memberId.equals(d.key())).toList();
        }
    }

    @Test
    void theRunCommandsDemoDataLoadsThroughThePublicApi() {
        DemoData.Summary demo = demo();
        System.out.printf("[e2e] demo data at scale 2 loaded in %d ms (%d requests)%n", demo.loadMillis(), demo.requests());
        // city, district, 2 townships with 22 + 8 villages and returned graduates, 2 streets with 9 communities and a
        // general branch, organs with 6 branches, an enterprise committee with 6 branches and 2 joint ones, mobile members
        assertEquals(67, demo.organizations().size());
        assertEquals(345, demo.members());
        assertEquals(new java.util.TreeSet<>(DemoAssistance.STATES), demo.casesByState().keySet());
        assertTrue(demo.casesByState().values().stream().allMatch(n -> n == 2), demo.casesByState().toString());

        // The year's 台账 finds exactly the branches left behind on purpose, with attendance recorded
        // (all 58 branches on one page: the report pages its branches, 50 unless asked for up to 200).
        JsonNode report = new Client(system, token).get(DangjianService.ACTIVITY,
                "/api/v1/compliance-report?orgId=" + demo.idOf("厦门市委") + "&year=" + demo.activityYear() + "&size=200");
        List<String> behind = new java.util.ArrayList<>();
        report.get("items").forEach(b -> {
            if (b.get("behind").asBoolean()) {
                behind.add(b.get("name").asText());
            }
        });
        assertEquals(demo.branchesBehind(), behind.stream().sorted().toList(), report.get("summary").toString());
        assertEquals(58, report.get("summary").get("branches").asInt());
        assertEquals(behind.size(), report.get("summary").get("branchesBehind").asInt());
        assertTrue(report.get("nextCursor").isNull(), report.get("nextCursor").toString());
        assertTrue(report.get("summary").get("attendance").get("present").asLong() > 0, report.get("summary").toString());
    }

    @Test
    void aDissolvedOrganizationFlagsItsPlannedActivitiesAndOpenCases() {
        Client api = new Client(system, token);
        UUID committee = establish(api, "撤销测试党委", "COMMITTEE", null);
        UUID branch = establish(api, "将撤销党支部", "BRANCH", committee);
        awaitEverywhere(api, branch);
        String activityId = api.post(DangjianService.ACTIVITY, "/api/v1/activities", """
                {"orgId":"%s","type":"BRANCH_GENERAL_MEETING","topic":"支部党员大会","plannedStart":"%s","place":"会议室"}"""
                .formatted(branch, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(10).withNano(0)), 201).get("id").asText();
        String beneficiaryId = api.post(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", """
                {"kind":"RESIDENT","orgId":"%s","name":"王秀英","nationalId":"%s","categories":["ELDERLY_ALONE"]}"""
                .formatted(branch, nationalId()), 201).get("id").asText();
        String caseId = api.post(DangjianService.ASSISTANCE, "/api/v1/cases", """
                {"beneficiaryId":"%s","category":"ELDERLY_ALONE","requestedAmount":800.00}""".formatted(beneficiaryId), 201)
                .get("id").asText();

        api.post(DangjianService.ORGANIZATION, "/api/v1/organizations/" + branch + "/dissolve", "{\"reason\":\"村党支部撤并\"}", 200);

        api.await(DangjianService.ACTIVITY, "/api/v1/activities/" + activityId, a -> a.hasNonNull("orgDissolvedAt"));
        api.await(DangjianService.ASSISTANCE, "/api/v1/cases/" + caseId, c -> c.get("reassignmentNeeded").asBoolean());
        api.await(DangjianService.MEMBER, "/api/v1/organization-tree/" + branch, n -> "DISSOLVED".equals(n.get("status").asText()));
    }

    private static UUID establish(Client api, String name, String type, UUID parent) {
        String parentField = parent == null ? "" : ",\"parentId\":\"" + parent + "\"";
        return UUID.fromString(api.post(DangjianService.ORGANIZATION, "/api/v1/organizations",
                "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"" + parentField + "}", 201).get("id").asText());
    }

    private static void awaitEverywhere(Client api, UUID organization) {
        for (DangjianService service : List.of(DangjianService.MEMBER, DangjianService.ACTIVITY, DangjianService.ASSISTANCE)) {
            api.await(service, "/api/v1/organization-tree/" + organization, node -> true);
        }
    }

    /** A valid, fictitious national ID number, different for every call. */
    private static String nationalId() {
        String first17 = "350203" + "19900101" + "%03d".formatted(SEQUENCE.incrementAndGet() % 1000);
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    private static boolean lists(JsonNode entries, String memberId) {
        return lists(entries, memberId, "memberId");
    }

    private static boolean lists(JsonNode entries, String memberId, String field) {
        for (JsonNode entry : entries) {
            if (memberId.equals(entry.path(field).asText())) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 500));

    /** The service's copy of the organization once it has one; any answer but 200 or 404 fails at once. */
    private static JsonNode awaitCopy(DangjianService service, UUID id) throws Exception {
        HttpResponse<String> copy = Awaitility.await(service + " receives organization " + id)
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    HttpResponse<String> response = get(system.baseUrl(service) + "/api/v1/organization-tree/" + id, true);
                    assertTrue(response.statusCode() == 200 || response.statusCode() == 404, response.body());
                    return response;
                }, response -> response.statusCode() == 200);
        return JSON.readTree(copy.body());
    }

    private static HttpResponse<String> get(String url, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (authenticated) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
