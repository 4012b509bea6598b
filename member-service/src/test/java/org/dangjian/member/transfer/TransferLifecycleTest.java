package org.dangjian.member.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TransferLifecycleTest {

    @Inject
    TransferExpiry expiry;

    @Inject
    BusinessClock clock;

    @Inject
    Scheduler scheduler;

    /** Two sibling subtrees, each with a branch: the member starts in {@code from}. */
    record Setup(TestTree.Node fromCommittee, TestTree.Node from, TestTree.Node toCommittee, TestTree.Node to, UUID member) {

        RequestSpecification issuer() {
            return as(Caller.ORG_ADMIN, fromCommittee.id());
        }

        RequestSpecification receiver() {
            return as(Caller.BRANCH_SECRETARY, to.id());
        }
    }

    static Setup setup() {
        TestTree.Node fromCommittee = TestTree.committee();
        TestTree.Node from = TestTree.branch(fromCommittee);
        TestTree.Node toCommittee = TestTree.committee();
        TestTree.Node to = TestTree.branch(toCommittee);
        return new Setup(fromCommittee, from, toCommittee, to, Api.registered(from.id()));
    }

    static Map<String, Object> letter(UUID member, UUID toOrgId) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", member.toString());
        body.put("toOrgId", toOrgId.toString());
        return body;
    }

    static ValidatableResponse issue(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/v1/transfers").then();
    }

    static String issued(Setup s, Map<String, Object> body) {
        return issue(s.issuer(), body).statusCode(201).extract().path("id");
    }

    @Test
    void receivingBranchAcceptsAndTheMemberMovesWithMemberTransferredOnTheTopic() {
        Setup s = setup();
        var created = issue(s.issuer(), letter(s.member(), s.to().id())).statusCode(201)
                .body("status", equalTo("ISSUED"))
                .body("kind", equalTo("WITHIN"))
                .body("letterNumber", startsWith("ZJ"))
                .body("fromOrgId", equalTo(s.from().id().toString()))
                .body("issuedOn", equalTo(clock.today().toString()))
                .body("validUntil", equalTo(clock.today().plusDays(30).toString()));
        String id = created.extract().path("id");

        s.receiver().body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedOn", equalTo(clock.today().toString()))
                .body("decidedBy", equalTo("test-branch-secretary"));

        asPlatformAdmin().get("/api/v1/members/" + s.member()).then().statusCode(200)
                .body("orgId", equalTo(s.to().id().toString()));
        // The old subtree no longer sees the member; the new one does.
        as(Caller.ORG_ADMIN, s.fromCommittee().id()).get("/api/v1/members/" + s.member()).then().statusCode(404);
        as(Caller.ORG_ADMIN, s.toCommittee().id()).get("/api/v1/members/" + s.member()).then().statusCode(200);

        JsonNode event = EventContracts.await("member.transferred", s.member());
        assertEquals(s.from().id().toString(), event.get("fromOrgId").asText());
        assertEquals(s.to().id().toString(), event.get("toOrgId").asText());
        assertEquals(clock.today().toString(), event.get("transferredOn").asText());
        assertEquals(id, event.get("transferId").asText());
    }

    @Test
    void issuingSideCannotAnswerItsOwnLetter() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.issuer().body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(422)
                .body("code", equalTo("TRANSFER_ANSWER_BY_RECEIVING_BRANCH"));
    }

    @Test
    void rejectedLetterKeepsTheReasonAndTheMemberStays() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.receiver().body(Map.of("reason", "本人未到接收支部报到")).post("/api/v1/transfers/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("本人未到接收支部报到"));
        asPlatformAdmin().get("/api/v1/members/" + s.member()).then().body("orgId", equalTo(s.from().id().toString()));
    }

    @Test
    void rejectionNeedsAReason() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.receiver().body(Map.of("reason", " ")).post("/api/v1/transfers/" + id + "/reject").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void issuingBranchWithdrawsAnUnansweredLetterAndMayIssueAnother() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.receiver().body(Map.of("reason", "x")).post("/api/v1/transfers/" + id + "/cancel").then().statusCode(422)
                .body("code", equalTo("TRANSFER_CANCEL_BY_ISSUING_BRANCH"));
        s.issuer().body(Map.of("reason", "去向有误")).post("/api/v1/transfers/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        issue(s.issuer(), letter(s.member(), s.to().id())).statusCode(201);
    }

    @Test
    void answeredLetterCannotChangeAgain() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.receiver().body(Map.of("reason", "x")).post("/api/v1/transfers/" + id + "/reject").then().statusCode(200);
        s.receiver().body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(409)
                .body("code", equalTo("TRANSFER_NOT_OPEN"));
        s.issuer().body(Map.of("reason", "x")).post("/api/v1/transfers/" + id + "/cancel").then().statusCode(409)
                .body("code", equalTo("TRANSFER_NOT_OPEN"));
    }

    @Test
    void letterCanBeAcceptedOnItsLastValidDayButNotTheDayAfter() {
        LocalDate today = clock.today();
        Setup lastDay = setup();
        Map<String, Object> onLastDay = letter(lastDay.member(), lastDay.to().id());
        onLastDay.put("issuedOn", today.minusDays(30).toString());
        String valid = issued(lastDay, onLastDay);
        lastDay.receiver().body("{}").post("/api/v1/transfers/" + valid + "/accept").then().statusCode(200);

        Setup dayBefore = setup();
        Map<String, Object> beforeLastDay = letter(dayBefore.member(), dayBefore.to().id());
        beforeLastDay.put("issuedOn", today.minusDays(29).toString());
        String stillValid = issued(dayBefore, beforeLastDay);
        dayBefore.receiver().body("{}").post("/api/v1/transfers/" + stillValid + "/accept").then().statusCode(200);

        Setup dayAfter = setup();
        Map<String, Object> pastLastDay = letter(dayAfter.member(), dayAfter.to().id());
        pastLastDay.put("issuedOn", today.minusDays(31).toString());
        String expired = issued(dayAfter, pastLastDay);
        dayAfter.receiver().body("{}").post("/api/v1/transfers/" + expired + "/accept").then().statusCode(422)
                .body("code", equalTo("TRANSFER_LETTER_EXPIRED"));
    }

    @Test
    void unansweredLettersAreExpiredDailyAtTenPastMidnightByDefault() {
        Instant next = scheduler.getScheduledJob("transfer-expiry").getNextFireTime();

        assertEquals(LocalTime.of(0, 10), next.atZone(ZoneId.systemDefault()).toLocalTime());
    }

    @Test
    void unansweredLetterExpiresTheDayAfterItsLastValidDayAndShowsAsOverdue() {
        Setup s = setup();
        Map<String, Object> body = letter(s.member(), s.to().id());
        body.put("issuedOn", clock.today().minusDays(20).toString());
        body.put("validityDays", 10);
        String id = issued(s, body);
        LocalDate lastDay = clock.today().minusDays(10);

        s.issuer().queryParam("branchId", s.from().id()).queryParam("direction", "OVERDUE").get("/api/v1/transfers")
                .then().statusCode(200).body("items.id", hasItem(id));

        expiry.expireUnansweredAsOf(lastDay);
        asPlatformAdmin().get("/api/v1/transfers/" + id).then().body("status", equalTo("ISSUED"));
        assertTrue(expiry.expireUnansweredAsOf(lastDay.plusDays(1)) >= 1);
        asPlatformAdmin().get("/api/v1/transfers/" + id).then().body("status", equalTo("EXPIRED"))
                .body("decidedBy", equalTo("system"));

        s.receiver().queryParam("branchId", s.to().id()).queryParam("direction", "OVERDUE").get("/api/v1/transfers")
                .then().statusCode(200).body("items.id", hasItem(id));
        s.receiver().body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(409)
                .body("code", equalTo("TRANSFER_NOT_OPEN"));
    }

    @Test
    void branchListsItsIncomingAndOutgoingLetters() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.receiver().queryParam("branchId", s.to().id()).queryParam("direction", "INCOMING").get("/api/v1/transfers")
                .then().statusCode(200).body("items.id", hasItem(id));
        s.issuer().queryParam("branchId", s.from().id()).queryParam("direction", "OUTGOING").get("/api/v1/transfers")
                .then().statusCode(200).body("items.id", hasItem(id));
        s.issuer().queryParam("branchId", s.from().id()).queryParam("direction", "INCOMING").get("/api/v1/transfers")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // The receiving branch's list is not the issuer's business.
        s.issuer().queryParam("branchId", s.to().id()).get("/api/v1/transfers").then().statusCode(404);
    }

    @Test
    void aCommitteeListsTheLettersOfItsSubtreeByOrgIdPageByPage() {
        Setup s = setup();
        TestTree.Node second = TestTree.branch(s.fromCommittee());
        String fromFirst = issued(s, letter(s.member(), s.to().id()));
        String fromSecond = issued(s, letter(Api.registered(second.id()), s.to().id()));
        String fromSecondToo = issued(s, letter(Api.registered(second.id()), s.to().id()));
        java.util.List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = s.issuer().queryParam("orgId", s.fromCommittee().id()).queryParam("direction", "OUTGOING")
                    .queryParam("status", "ISSUED").queryParam("size", 2);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var response = page.get("/api/v1/transfers").then().statusCode(200).extract();
            walked.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
        } while (cursor != null);
        assertEquals(java.util.Set.of(fromFirst, fromSecond, fromSecondToo), new java.util.HashSet<>(walked));
        assertEquals(3, walked.size());
        // Only the second branch's letters with branchId; another committee's subtree is not ours, as an unknown one.
        s.issuer().queryParam("branchId", second.id()).queryParam("direction", "OUTGOING").get("/api/v1/transfers").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(fromSecond, fromSecondToo));
        s.issuer().queryParam("orgId", s.toCommittee().id()).get("/api/v1/transfers").then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        s.issuer().queryParam("orgId", UUID.randomUUID()).get("/api/v1/transfers").then().statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        s.issuer().queryParam("size", 201).get("/api/v1/transfers").then().statusCode(400);
    }

    @Test
    void receivingOrganizationMustBeABranchOfThePlatform() {
        Setup s = setup();
        issue(s.issuer(), letter(s.member(), s.fromCommittee().id())).statusCode(422).body("code", equalTo("MEMBER_BRANCH_NOT_A_BRANCH"));
        issue(s.issuer(), letter(s.member(), TestTree.child(s.fromCommittee(), "GROUP").id())).statusCode(422)
                .body("code", equalTo("MEMBER_BRANCH_NOT_A_BRANCH"));
        // Outside the issuer's subtree what is no active branch answers like an unknown id (RequestIdScopeTest).
        issue(s.issuer(), letter(s.member(), s.toCommittee().id())).statusCode(422).body("code", equalTo("TRANSFER_TARGET_NOT_FOUND"));
        issue(s.issuer(), letter(s.member(), UUID.randomUUID())).statusCode(422).body("code", equalTo("TRANSFER_TARGET_NOT_FOUND"));
        issue(s.issuer(), letter(s.member(), s.from().id())).statusCode(422).body("code", equalTo("TRANSFER_TARGET_SAME_BRANCH"));
    }

    @Test
    void exactlyOneDestinationIsRequired() {
        Setup s = setup();
        Map<String, Object> both = letter(s.member(), s.to().id());
        both.put("toOutsideOrganization", "系统外某党委");
        issue(s.issuer(), both).statusCode(422).body("code", equalTo("TRANSFER_TARGET_REQUIRED"));
        issue(s.issuer(), Map.of("memberId", s.member().toString())).statusCode(422).body("code", equalTo("TRANSFER_TARGET_REQUIRED"));
    }

    @Test
    void letterNumberIsUnique() {
        Setup s = setup();
        String number = "ZJT-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = letter(s.member(), s.to().id());
        body.put("letterNumber", number);
        issue(s.issuer(), body).statusCode(201).body("letterNumber", equalTo(number));
        Setup other = setup();
        Map<String, Object> again = letter(other.member(), other.to().id());
        again.put("letterNumber", number);
        issue(other.issuer(), again).statusCode(409).body("code", equalTo("TRANSFER_LETTER_NUMBER_TAKEN"));
    }

    @Test
    void memberHasAtMostOneOpenLetter() {
        Setup s = setup();
        issued(s, letter(s.member(), s.to().id()));
        issue(s.issuer(), letter(s.member(), TestTree.branch(s.toCommittee()).id())).statusCode(409)
                .body("code", equalTo("TRANSFER_ALREADY_OPEN"));
    }

    @Test
    void validityIsLimitedByConfiguration() {
        Setup s = setup();
        Map<String, Object> body = letter(s.member(), s.to().id());
        body.put("validityDays", 91);
        issue(s.issuer(), body).statusCode(422).body("code", equalTo("TRANSFER_VALIDITY_TOO_LONG"));
        body.put("validityDays", 90);
        issue(s.issuer(), body).statusCode(201);
    }

    @Test
    void applicantHasNoRelationshipToTransfer() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node from = TestTree.branch(committee);
        UUID applicant = Api.registered(Api.applicant(from.id(), TestIds.nationalId(), LocalDate.of(2024, 5, 1)));
        issue(as(Caller.ORG_ADMIN, committee.id()), letter(applicant, TestTree.branch(committee).id())).statusCode(422)
                .body("code", equalTo("TRANSFER_MEMBER_NOT_A_PARTY_MEMBER"));
    }

    @Test
    void letterToAnOrganizationOutsideThePlatformIsAcceptedByTheIssuerOnReceipt() {
        Setup s = setup();
        Map<String, Object> body = new HashMap<>(Map.of("memberId", s.member().toString(),
                "toOutsideOrganization", "中共上海市某区某街道工委", "letterNumber", "HZ-" + UUID.randomUUID().toString().substring(0, 8)));
        String id = issue(s.issuer(), body).statusCode(201).body("kind", equalTo("OUTGOING"))
                .body("toOrgId", nullValue()).extract().path("id");
        s.issuer().body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));

        asPlatformAdmin().get("/api/v1/members/" + s.member()).then()
                .body("transferredOutOn", equalTo(clock.today().toString()))
                .body("orgId", equalTo(s.from().id().toString()));
        JsonNode event = EventContracts.await("member.transferred", s.member());
        assertTrue(event.get("toOrgId").isNull());
        issue(s.issuer(), letter(s.member(), s.to().id())).statusCode(422).body("code", equalTo("TRANSFER_MEMBER_NOT_HERE"));
    }

    @Test
    void letterFromOutsideRegistersTheMemberInTheReceivingBranch() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node branch = TestTree.branch(committee);
        String letterNumber = "FZ-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("letterNumber", letterNumber, "fromOutsideOrganization", "中共福州市某社区委员会",
                "issuedOn", clock.today().minusDays(3).toString(), "member", Api.fullMember(branch.id()));
        var created = as(Caller.ORG_ADMIN, committee.id()).body(body).post("/api/v1/transfers/incoming").then().statusCode(201)
                .body("kind", equalTo("INCOMING"))
                .body("status", equalTo("ACCEPTED"))
                .body("fromOrgId", nullValue())
                .body("toOrgId", equalTo(branch.id().toString()));
        UUID member = UUID.fromString(created.extract().path("memberId"));
        asPlatformAdmin().get("/api/v1/members/" + member).then().statusCode(200).body("orgId", equalTo(branch.id().toString()));
        JsonNode event = EventContracts.await("member.transferred", member);
        assertTrue(event.get("fromOrgId").isNull());
        as(Caller.ORG_ADMIN, committee.id()).body(body).post("/api/v1/transfers/incoming").then().statusCode(409)
                .body("code", equalTo("TRANSFER_LETTER_NUMBER_TAKEN"));
    }

    @Test
    void transferEndpointsNeedATokenAndAWriteRole() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/transfers").then().statusCode(401);
        given().get("/api/v1/transfers/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(401);
        given().get("/api/v1/transfers?branchId=" + id).then().statusCode(401);
        Api.asMember(UUID.randomUUID()).body("{}").post("/api/v1/transfers/" + id + "/accept").then().statusCode(403);
        as(Caller.AUDITOR, null).body(Map.of("reason", "x")).post("/api/v1/transfers/" + id + "/reject").then().statusCode(403);
    }

    @Test
    void letterIsInvisibleFromAThirdSubtree() {
        Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        RequestSpecification stranger = as(Caller.ORG_ADMIN, TestTree.committee().id());
        stranger.get("/api/v1/transfers/" + id).then().statusCode(404).body("code", equalTo("TRANSFER_NOT_FOUND"));
        as(Caller.ORG_ADMIN, TestTree.committee().id()).body("{}").post("/api/v1/transfers/" + id + "/accept").then()
                .statusCode(404);
        s.receiver().get("/api/v1/transfers/" + id).then().statusCode(200).body("memberName", equalTo("林志强"));
    }

    @Test
    void memberOutsideTheIssuersScopeCannotBeTransferred() {
        Setup s = setup();
        issue(as(Caller.ORG_ADMIN, s.toCommittee().id()), letter(s.member(), s.to().id())).statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
    }
}
