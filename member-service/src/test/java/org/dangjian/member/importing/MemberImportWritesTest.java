package org.dangjian.member.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.member.member.Gender;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.MemberStage;
import org.dangjian.member.member.PersonalDetails;
import org.dangjian.member.member.StageDates;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.pii.NationalIdNumber;
import org.dangjian.platform.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.importing.MemberImportTest.HEADER;
import static org.dangjian.member.importing.MemberImportTest.findable;
import static org.dangjian.member.importing.MemberImportTest.row;
import static org.dangjian.member.importing.MemberImportTest.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an import writes besides the records: one audit entry and one member.registered event per member, nothing else. */
@QuarkusTest
class MemberImportWritesTest {

    @Inject
    org.dangjian.member.config.MemberRules rules;

    @Inject
    EntityManager em;

    @Inject
    RegistrationBatch batch;

    @Inject
    MemberService members;

    long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }

    /** {@code n} valid national IDs that no other test draws: consecutive sequence numbers from a random day. */
    static List<String> distinctNationalIds(int n) {
        LocalDate first = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 30));
        return java.util.stream.IntStream.range(0, n).mapToObj(k -> {
            String first17 = "350211" + first.plusDays(k / 1000).format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(k % 1000);
            return first17 + NationalIdNumber.checkCharacter(first17);
        }).toList();
    }

    @Test
    void aFullFileOfFiveThousandRowsRegistersEveryoneWithOneAuditEntryAndOneEventEach() {
        int rows = rules.imports().rows();
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        StringBuilder csv = new StringBuilder(HEADER);
        for (String nationalId : distinctNationalIds(rows)) {
            csv.append(row("林志强", "MALE", nationalId, "某单位", branch));
        }
        assertTrue(csv.toString().getBytes(StandardCharsets.UTF_8).length < 1_000_000, "within the 1 MB body limit");

        List<String> ids = upload(Caller.ORG_ADMIN, committee.id(), csv.toString(), "ALL_OR_NOTHING").statusCode(200)
                .body("committed", equalTo(true))
                .body("created", equalTo(rows))
                .body("rejected", equalTo(0))
                .body("rows", hasSize(rows))
                .extract().path("rows.memberId");

        assertEquals(rows, new HashSet<>(ids).size());
        assertEquals(rows, count("select count(distinct member_number) from member where org_id = ?1", branch));
        // Member numbers follow the rows of the file.
        @SuppressWarnings("unchecked")
        List<Object[]> numbers = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(id as text), member_number from member where org_id = ?1").setParameter(1, branch).getResultList());
        java.util.Map<String, String> numberOf = new java.util.HashMap<>();
        numbers.forEach(n -> numberOf.put((String) n[0], (String) n[1]));
        List<String> inRowOrder = ids.stream().map(numberOf::get).toList();
        assertEquals(inRowOrder.stream().sorted().toList(), inRowOrder);
        assertEquals(rows, count("""
                select count(*) from audit_entry where org_id = ?1 and action = 'MEMBER_REGISTERED'
                and target_type = 'member' and actor = 'test-org-admin'""", branch));
        assertEquals(rows, count("select count(distinct target_id) from audit_entry where org_id = ?1", branch));
        assertEquals(rows, count("""
                select count(distinct aggregate_id) from outbox_event
                where type = 'member.registered' and source = '/member-service' and payload ->> 'orgId' = cast(?1 as text)""", branch));
        assertEquals(rows, count("select count(*) from outbox_event where payload ->> 'orgId' = cast(?1 as text)", branch));

        // Every member's event reaches the topic.
        Set<String> expected = new HashSet<>(ids);
        try (ConsumerTask<String, String> registered = LocalStack.shared().kafka().companion().consumeStrings()
                .fromTopics(EventContracts.TOPIC, records -> records.select().where(r -> expected.contains(r.key())
                        && "member.registered".equals(KafkaCompanion.getHeader(r.headers(), "ce_type"))))) {
            await("every imported member's event").atMost(Duration.ofSeconds(120))
                    .until(() -> registered.stream().map(ConsumerRecord::key).distinct().count() == rows);
        }
    }

    @Test
    void anImportedMemberHasTheRecordAuditEntryAndEventOfASingleRegistration() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        String nationalId = TestIds.nationalId();
        String id = upload(Caller.ORG_ADMIN, committee.id(), HEADER + row("王建国", "MALE", nationalId, "\"厦门\\某\"\"公司, 研发部\"", branch),
                "ALL_OR_NOTHING").statusCode(200).body("created", equalTo(1)).extract().path("rows[0].memberId");

        // The trail first: reading the record unmasked below adds an entry of its own.
        String number = as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries?targetId=" + id).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("MEMBER_REGISTERED"))
                .body("items[0].actor", equalTo("test-org-admin"))
                .body("items[0].details.before", nullValue())
                .body("items[0].details.after.nationalId", equalTo(nationalId.substring(0, 4) + "**********" + nationalId.substring(14)))
                .body("items[0].details.after.orgId", equalTo(branch.toString()))
                .body("items[0].details.after.version", equalTo(0))
                .body(not(containsString(nationalId)))
                .extract().path("items[0].details.after.memberNumber");

        Api.asPlatformAdmin().get("/api/v1/members/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("memberNumber", equalTo(number))
                .body("name", equalTo("王建国"))
                .body("nationalId", equalTo(nationalId))
                // Quotes, backslashes and commas survive the COPY the rows are written with.
                .body("workUnit", equalTo("厦门\\某\"公司, 研发部"))
                .body("registeredOn", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));

        JsonNode data = EventContracts.await("member.registered", UUID.fromString(id));
        assertEquals(number, data.get("memberNumber").asText());
        assertEquals(branch.toString(), data.get("orgId").asText());
        assertEquals("王建国", data.get("name").asText());
        assertEquals(0, data.get("version").asInt());
    }

    @Test
    void allOrNothingRefusesAFileNamingAPersonTwice() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        String twice = TestIds.nationalId();
        String other = TestIds.nationalId();
        upload(Caller.PLATFORM_ADMIN, null, HEADER + row("甲", "MALE", twice, "某单位", branch)
                + row("乙", "FEMALE", other, "某单位", branch) + row("甲", "MALE", twice, "重复", branch), "ALL_OR_NOTHING")
                .statusCode(200)
                .body("committed", equalTo(false))
                .body("created", equalTo(0))
                .body("rejected", equalTo(1))
                .body("rows.status", contains("NOT_COMMITTED", "NOT_COMMITTED", "REJECTED"))
                .body("rows[2].code", equalTo("MEMBER_NATIONAL_ID_TAKEN"));
        findable(twice, 0);
        findable(other, 0);
    }

    @Test
    void allOrNothingReportsEveryBadRowOfAFileOfManyChunksAndWritesNothing() {
        // The bad rows lie past the first three chunks the good rows are written in.
        int rows = 4 * RegistrationBatch.CHUNK;
        UUID branch = TestTree.branch(TestTree.committee()).id();
        List<String> nationalIds = distinctNationalIds(rows);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            boolean unnamed = i == 3 * RegistrationBatch.CHUNK + 10;
            boolean again = i == rows - 1;
            csv.append(row(unnamed ? "" : "林志强", "MALE", nationalIds.get(again ? 0 : i), "某单位", branch));
        }

        upload(Caller.PLATFORM_ADMIN, null, csv.toString(), "ALL_OR_NOTHING").statusCode(200)
                .body("committed", equalTo(false))
                .body("created", equalTo(0))
                .body("rejected", equalTo(2))
                .body("rows[0].status", equalTo("NOT_COMMITTED"))
                .body("rows[" + (3 * RegistrationBatch.CHUNK + 10) + "].code", equalTo("VALIDATION_FAILED"))
                .body("rows[" + (rows - 1) + "].code", equalTo("MEMBER_NATIONAL_ID_TAKEN"));

        assertEquals(0L, count("select count(*) from member where org_id = ?1", branch));
        assertEquals(0L, count("select count(*) from audit_entry where org_id = ?1", branch));
        assertEquals(0L, count("select count(*) from outbox_event where payload ->> 'orgId' = cast(?1 as text)", branch));
    }

    @Test
    void skippingBadRowsKeepsThePersonsFirstRowWhenTheRepeatIsInALaterChunk() {
        int rows = 2 * RegistrationBatch.CHUNK + 100;
        UUID branch = TestTree.branch(TestTree.committee()).id();
        List<String> nationalIds = distinctNationalIds(rows);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(row("林志强", "MALE", nationalIds.get(i == rows - 1 ? 2 : i), "某单位", branch));
        }

        List<String> ids = upload(Caller.PLATFORM_ADMIN, null, csv.toString(), "SKIP_BAD_ROWS").statusCode(200)
                .body("committed", equalTo(true))
                .body("created", equalTo(rows - 1))
                .body("rows[2].status", equalTo("CREATED"))
                .body("rows[" + (rows - 1) + "].status", equalTo("REJECTED"))
                .body("rows[" + (rows - 1) + "].code", equalTo("MEMBER_NATIONAL_ID_TAKEN"))
                .extract().path("rows.memberId");

        findable(nationalIds.get(2), 1);
        assertEquals(rows - 1, count("select count(*) from member where org_id = ?1", branch));
        assertEquals(rows - 1, count("select count(*) from audit_entry where org_id = ?1", branch));
        assertEquals(rows - 1, new HashSet<>(ids.stream().filter(java.util.Objects::nonNull).toList()).size());
    }

    @Test
    void aPersonAlreadyOnRecordIsRejectedInEitherMode() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        String onRecord = TestIds.nationalId();
        Api.registered(Api.fullMember(branch, onRecord, TestIds.phone()));
        String fresh = TestIds.nationalId();
        String csv = HEADER + row("甲", "MALE", onRecord, "某单位", branch) + row("乙", "FEMALE", fresh, "某单位", branch);

        upload(Caller.PLATFORM_ADMIN, null, csv, "ALL_OR_NOTHING").statusCode(200)
                .body("committed", equalTo(false))
                .body("rows.status", contains("REJECTED", "NOT_COMMITTED"))
                .body("rows[0].code", equalTo("MEMBER_NATIONAL_ID_TAKEN"));
        findable(fresh, 0);

        upload(Caller.PLATFORM_ADMIN, null, csv, "SKIP_BAD_ROWS").statusCode(200)
                .body("committed", equalTo(true))
                .body("created", equalTo(1))
                .body("rows.status", contains("REJECTED", "CREATED"))
                .body("rows[0].code", equalTo("MEMBER_NATIONAL_ID_TAKEN"));
        findable(onRecord, 1);
        findable(fresh, 1);
    }

    @Test
    void aPersonRegisteredElsewhereAfterTheFileWasCheckedIsRefusedAloneWithNeitherEntryNorEvent() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        String taken = TestIds.nationalId();
        String fresh = TestIds.nationalId();
        RegistrationBatch.Prepared chunk = batch.prepare(List.of(newMember(branch, "甲", taken), newMember(branch, "乙", fresh)));
        // Both were free when the file was checked; then a single registration of one of them committed.
        Api.registered(Api.fullMember(branch, taken, TestIds.phone()));

        Set<UUID> written = QuarkusTransaction.requiringNew().call(() -> batch.write(chunk));

        UUID refused = chunk.members().get(0).id();
        UUID registered = chunk.members().get(1).id();
        assertEquals(Set.of(registered), written);
        findable(taken, 1);
        findable(fresh, 1);
        assertEquals(0L, count("select count(*) from member where id = ?1", refused));
        assertEquals(0L, count("select count(*) from audit_entry where target_id = ?1", refused));
        assertEquals(0L, count("select count(*) from outbox_event where aggregate_id = ?1", refused));
        assertEquals(1L, count("select count(*) from audit_entry where target_id = ?1", registered));
        assertEquals(1L, count("select count(*) from outbox_event where aggregate_id = ?1", registered));
    }

    /** A row as the import hands it to the batch after its checks: admitted, sealed, numbered. */
    private RegistrationBatch.NewMember newMember(UUID branch, String name, String nationalId) {
        MemberService.Admitted admitted = new MemberService.Admitted(new PersonalDetails(name, Gender.MALE, "01",
                NationalIdNumber.birthDate(nationalId).orElseThrow(), null, MemberCategory.EMPLOYED, "某单位", null, null),
                nationalId, null, branch, MemberStage.FULL, StageDates.NONE, LocalDate.now());
        // Not from the sequence, so no registration elsewhere in the test run can be given the same number.
        String number = "T" + System.nanoTime();
        return new RegistrationBatch.NewMember(MemberService.newMember(number, admitted, members.seal(admitted)), nationalId, null);
    }
}
