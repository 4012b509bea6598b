package org.dangjian.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every variant of every member.* event that member-service's schemas allow (each stage and end type, a
 * transfer within, out of and into the platform, after a split with no letter, letters of each kind) sent
 * through the real topic to the roster consumer: each is applied with its documented effect, or passed over
 * unread (the transfer letters), and none is dead-lettered. Each variant is first checked against the
 * producer's own schema.
 */
@QuarkusTest
class MemberEventVariantsTest {

    private static final String ROSTER = "activity-service.roster";
    private static final String PRODUCER = "member-service";
    private static final LocalDate D = LocalDate.of(2025, 3, 10);
    private static final LocalDate MOVED = D.plusMonths(2);
    private static final List<String> ROSTER_STAGES = List.of("PROBATIONARY", "FULL");

    /** Two branches of one committee and a member, registered in the first (or not) before the variant. */
    record Given(Org from, Org to, UUID member) {
    }

    /**
     * One variant: the member's stage registered in {@code from} on D before it (null: nothing before), the event's
     * type and data, and what the roster shows after it.
     */
    record Variant(String name, String registeredAs, String type, Function<Given, ObjectNode> data, Consumer<Given> then) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> applied() {
        Stream.Builder<Variant> v = Stream.builder();
        for (String stage : List.of("APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY", "FULL")) {
            v.add(new Variant("member.registered " + stage + ", memberNumber absent", null, "member.registered",
                    g -> registration(g, stage), g -> {
                        assertEquals(stage, stageOf(g.member()));
                        assertEquals(ROSTER_STAGES.contains(stage) ? List.of(g.member().toString()) : List.of(),
                                rosterOn(g.from(), D));
                    }));
        }
        v.add(new Variant("member.registered with memberNumber", null, "member.registered",
                g -> registration(g, "FULL").put("memberNumber", "M0000000042"),
                g -> assertEquals(List.of(g.member().toString()), rosterOn(g.from(), D))));
        v.add(new Variant("member.updated: the corrected name", "FULL", "member.updated",
                g -> member(g, 2).put("orgId", g.from().id().toString()).put("name", "林志强"),
                g -> assertEquals("林志强", admin().get("/api/v1/organizations/" + g.from().id() + "/roster?on=" + D)
                        .then().statusCode(200).extract().path("items[0].name"))));
        String[][] steps = {{"APPLICANT", "ACTIVIST"}, {"ACTIVIST", "CANDIDATE"}, {"CANDIDATE", "PROBATIONARY"},
                {"PROBATIONARY", "FULL"}};
        for (String[] step : steps) {
            v.add(new Variant("member.stage-changed " + step[0] + " -> " + step[1], step[0], "member.stage-changed",
                    g -> member(g, 2).put("orgId", g.from().id().toString()).put("fromStage", step[0])
                            .put("toStage", step[1]).put("effectiveOn", MOVED.toString()),
                    g -> {
                        assertEquals(step[1], stageOf(g.member()));
                        assertEquals(ROSTER_STAGES.contains(step[1]) ? List.of(g.member().toString()) : List.of(),
                                rosterOn(g.from(), MOVED));
                    }));
        }
        v.add(new Variant("member.transferred within the platform, with its letter", "FULL", "member.transferred",
                g -> transfer(g, g.from(), g.to()).put("transferId", UUID.randomUUID().toString()), MemberEventVariantsTest::moved));
        v.add(new Variant("member.transferred by a split or merge (transferId null)", "FULL", "member.transferred",
                g -> transfer(g, g.from(), g.to()).putNull("transferId"), MemberEventVariantsTest::moved));
        v.add(new Variant("member.transferred without transferId", "FULL", "member.transferred",
                g -> transfer(g, g.from(), g.to()), MemberEventVariantsTest::moved));
        v.add(new Variant("member.transferred out of the platform (toOrgId null)", "FULL", "member.transferred",
                g -> transfer(g, g.from(), null).put("transferId", UUID.randomUUID().toString()), g -> {
                    assertEquals(List.of(g.member().toString()), rosterOn(g.from(), MOVED.minusDays(1)));
                    assertEquals(List.of(), rosterOn(g.from(), MOVED));
                    assertEquals(List.of(), rosterOn(g.to(), MOVED));
                    assertEquals(1, count("""
                            select count(*) from roster_member
                            where member_id = ?1 and org_id is null and transferred_out_on = ?2""", g.member(), MOVED));
                }));
        v.add(new Variant("member.transferred in from outside the platform (fromOrgId null)", "FULL", "member.transferred",
                g -> transfer(g, null, g.to()).put("transferId", UUID.randomUUID().toString()), MemberEventVariantsTest::moved));
        for (String endType : List.of("DECEASED", "WITHDRAWN", "REMOVED", "EXPELLED")) {
            v.add(new Variant("member.ended " + endType, "FULL", "member.ended",
                    g -> member(g, 2).put("orgId", g.from().id().toString()).put("endType", endType)
                            .put("endedOn", MOVED.toString()),
                    g -> {
                        assertEquals(List.of(g.member().toString()), rosterOn(g.from(), MOVED.minusDays(1)));
                        assertEquals(List.of(), rosterOn(g.from(), MOVED));
                        assertEquals(1, count("select count(*) from roster_member where member_id = ?1 and ended_on = ?2",
                                g.member(), MOVED));
                    }));
        }
        return v.build();
    }

    /** Transfer letters in flight, of each kind and status: only member.transferred moves a member. */
    static Stream<Variant> passedOver() {
        Stream.Builder<Variant> v = Stream.builder();
        v.add(letter("member.transfer-issued WITHIN", "member.transfer-issued", "ISSUED", "WITHIN", true, true));
        v.add(letter("member.transfer-issued OUTGOING (toOrgId null)", "member.transfer-issued", "ISSUED", "OUTGOING", true, false));
        v.add(letter("member.transfer-issued INCOMING (fromOrgId null)", "member.transfer-issued", "ISSUED", "INCOMING", false, true));
        v.add(letter("member.transfer-rejected WITHIN", "member.transfer-rejected", "REJECTED", "WITHIN", true, true));
        v.add(letter("member.transfer-cancelled OUTGOING", "member.transfer-cancelled", "CANCELLED", "OUTGOING", true, false));
        v.add(letter("member.transfer-expired WITHIN", "member.transfer-expired", "EXPIRED", "WITHIN", true, true));
        return v.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applied")
    void eachVariantTheProducerAllowsIsAppliedAndNoneDeadLettered(Variant variant) {
        Given given = given(variant.registeredAs());
        ObjectNode data = variant.data().apply(given);
        ProducerSchemas.assertValid(PRODUCER, variant.type(), data);

        UUID event = publishMember(variant.type(), data);

        awaitProcessed(ROSTER, event);
        variant.then().accept(given);
        assertNull(deadLetter(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passedOver")
    void transferLettersArePassedOverUnreadAndNoneDeadLettered(Variant variant) {
        Given given = given(variant.registeredAs());
        ObjectNode data = variant.data().apply(given);
        ProducerSchemas.assertValid(PRODUCER, variant.type(), data);

        UUID letter = publishMember(variant.type(), data);
        // the member's next event, on the same partition: once it is applied, the letter has been passed
        UUID next = publishMember("member.updated", member(given, 3).put("orgId", given.from().id().toString())
                .put("name", "下一事件"));
        awaitProcessed(ROSTER, next);

        assertEquals(0, count("select count(*) from processed_event where event_id = ?1", letter));
        assertEquals(List.of(given.member().toString()), rosterOn(given.from(), MOVED));
        assertEquals(List.of(), rosterOn(given.to(), MOVED));
        assertNull(deadLetter(letter));
    }

    private static Variant letter(String name, String type, String status, String kind, boolean from, boolean to) {
        return new Variant(name, "FULL", type, g -> {
            ObjectNode d = json().put("transferId", UUID.randomUUID().toString()).put("memberId", g.member().toString())
                    .put("letterNumber", "ZJ" + UUID.randomUUID().toString().substring(0, 8)).put("kind", kind)
                    .put("status", status).put("issuedOn", D.toString()).put("validUntil", D.plusDays(30).toString())
                    .put("transferVersion", "ISSUED".equals(status) ? 0 : 1);
            nullable(d, "fromOrgId", from ? g.from().id() : null);
            nullable(d, "toOrgId", to ? g.to().id() : null);
            if ("OUTGOING".equals(kind) || "INCOMING".equals(kind)) {
                d.put("outsideOrganization", "厦门市思明区某党委");
            } else {
                d.putNull("outsideOrganization");
            }
            if ("ISSUED".equals(status)) {
                d.putNull("decidedOn");
            } else {
                d.put("decidedOn", D.plusDays(5).toString());
            }
            return d;
        }, g -> {
        });
    }

    private static Given given(String registeredAs) {
        Org committee = root();
        Given given = new Given(child(committee, "BRANCH"), child(committee, "BRANCH"), UUID.randomUUID());
        if (registeredAs != null) {
            registered(given.member(), given.from().id(), registeredAs, "变体" + given.member().toString().substring(0, 4), D, 1);
            await("registration").atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from roster_member where member_id = ?1", given.member()) == 1);
        }
        return given;
    }

    /** The member left {@code from} and joined {@code to} on MOVED. */
    private static void moved(Given g) {
        assertEquals(List.of(), rosterOn(g.from(), MOVED));
        assertEquals(List.of(g.member().toString()), rosterOn(g.to(), MOVED));
        assertEquals(1, count("""
                select count(*) from roster_member where member_id = ?1 and org_id = ?2 and transferred_out_on is null""",
                g.member(), g.to().id()));
    }

    private static ObjectNode member(Given g, long version) {
        return json().put("memberId", g.member().toString()).put("version", version);
    }

    private static ObjectNode registration(Given g, String stage) {
        return member(g, 1).put("orgId", g.from().id().toString()).put("stage", stage).put("name", "登记" + stage)
                .put("registeredOn", D.toString());
    }

    private static ObjectNode transfer(Given g, Org from, Org to) {
        ObjectNode d = member(g, 2).put("transferredOn", MOVED.toString());
        nullable(d, "fromOrgId", from == null ? null : from.id());
        nullable(d, "toOrgId", to == null ? null : to.id());
        return d;
    }

    private static void nullable(ObjectNode d, String field, UUID value) {
        if (value == null) {
            d.putNull(field);
        } else {
            d.put(field, value.toString());
        }
    }

    /** The member's current stage in the roster copy. */
    private static String stageOf(UUID member) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) em()
                .createNativeQuery("select stage from roster_member where member_id = ?1").setParameter(1, member)
                .getSingleResult());
    }

    private static List<String> rosterOn(Org org, LocalDate on) {
        return admin().get("/api/v1/organizations/" + org.id() + "/roster?on=" + on).then().statusCode(200)
                .extract().jsonPath().getList("items.memberId", String.class);
    }
}
