package org.dangjian.member.mobile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class MobileMembersTest {

    @Inject
    BusinessClock clock;

    static Map<String, Object> away(UUID host, LocalDate since, boolean fixedPlace) {
        Map<String, Object> body = new HashMap<>();
        body.put("location", "福建省厦门市思明区");
        body.put("since", since.toString());
        body.put("fixedPlace", fixedPlace);
        if (host != null) {
            body.put("hostOrgId", host.toString());
        }
        return body;
    }

    static ValidatableResponse register(UUID member, Map<String, Object> body) {
        return asPlatformAdmin().body(body).post("/api/v1/members/" + member + "/mobility").then();
    }

    @Test
    void homeBranchRegistersAMobileMemberWhomTheHostBranchSees() {
        TestTree.Node home = TestTree.branch(TestTree.committee());
        TestTree.Node host = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(home.id());
        UUID contact = Api.registered(home.id());
        Map<String, Object> body = away(host.id(), clock.today().minusMonths(2), false);
        body.put("contactMemberId", contact.toString());
        as(Caller.BRANCH_SECRETARY, home.id()).body(body).post("/api/v1/members/" + member + "/mobility").then().statusCode(201)
                .body("homeOrgId", equalTo(home.id().toString()))
                .body("hostOrgId", equalTo(host.id().toString()))
                .body("contactMemberId", equalTo(contact.toString()))
                .body("status", equalTo("ACTIVE"));

        as(Caller.BRANCH_SECRETARY, host.id()).queryParam("hostOrgId", host.id()).get("/api/v1/mobile-members").then()
                .statusCode(200).body("items.memberId", hasItem(member.toString())).body("items[0].memberName", equalTo("林志强"));
        as(Caller.BRANCH_SECRETARY, home.id()).queryParam("homeOrgId", home.id()).get("/api/v1/mobile-members").then()
                .statusCode(200).body("items.memberId", hasItem(member.toString()));
        Api.asMember(member).get("/api/v1/members/" + member + "/mobility").then().statusCode(200)
                .body("location", equalTo("福建省厦门市思明区"));
    }

    @Test
    void sixMonthsAtAFixedPlaceMeanTheRelationshipShouldTransfer() {
        TestTree.Node home = TestTree.branch(TestTree.committee());
        LocalDate sixMonthsAgo = clock.today().minusMonths(6);
        register(Api.registered(home.id()), away(null, sixMonthsAgo.plusDays(1), true)).statusCode(201).body("transferDue", equalTo(false));
        register(Api.registered(home.id()), away(null, sixMonthsAgo, true)).statusCode(201).body("transferDue", equalTo(true));
        register(Api.registered(home.id()), away(null, sixMonthsAgo.minusDays(1), true)).statusCode(201).body("transferDue", equalTo(true));
        register(Api.registered(home.id()), away(null, sixMonthsAgo.minusDays(1), false)).statusCode(201).body("transferDue", equalTo(false));
    }

    @Test
    void oneActiveRegistrationAtATimeAndEndingKeepsIt() {
        TestTree.Node home = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(home.id());
        register(member, away(null, clock.today().minusDays(30), false)).statusCode(201);
        register(member, away(null, clock.today(), false)).statusCode(409).body("code", equalTo("MOBILE_ALREADY_REGISTERED"));
        asPlatformAdmin().body(Map.of("endedOn", clock.today().minusDays(31).toString(), "reason", "返乡"))
                .post("/api/v1/members/" + member + "/mobility/end").then().statusCode(422).body("code", equalTo("MOBILE_END_BEFORE_START"));
        asPlatformAdmin().body(Map.of("endedOn", clock.today().toString(), "reason", "返乡"))
                .post("/api/v1/members/" + member + "/mobility/end").then().statusCode(200).body("status", equalTo("ENDED"));
        asPlatformAdmin().get("/api/v1/members/" + member + "/mobility").then().statusCode(404).body("code", equalTo("MOBILE_NOT_REGISTERED"));
        register(member, away(null, clock.today(), false)).statusCode(201);
    }

    @Test
    void hostMustBeAnotherBranchAndTheContactAFullMember() {
        TestTree.Node committee = TestTree.committee();
        TestTree.Node home = TestTree.branch(committee);
        UUID member = Api.registered(home.id());
        register(member, away(committee.id(), clock.today(), false)).statusCode(422).body("code", equalTo("MEMBER_BRANCH_NOT_A_BRANCH"));
        register(member, away(home.id(), clock.today(), false)).statusCode(422).body("code", equalTo("MOBILE_HOST_IS_HOME_BRANCH"));
        register(member, away(UUID.randomUUID(), clock.today(), false)).statusCode(422).body("code", equalTo("MOBILE_HOST_NOT_FOUND"));
        Map<String, Object> badContact = away(null, clock.today(), false);
        badContact.put("contactMemberId", Api.registered(Api.applicant(home.id(), TestIds.nationalId(), LocalDate.of(2025, 1, 1))).toString());
        register(member, badContact).statusCode(422).body("code", equalTo("MOBILE_CONTACT_NOT_FULL_MEMBER"));
    }

    @Test
    void applicantsAreNotMobileMembers() {
        UUID applicant = Api.registered(Api.applicant(TestTree.branch(TestTree.committee()).id(), TestIds.nationalId(),
                LocalDate.of(2025, 1, 1)));
        register(applicant, away(null, clock.today(), false)).statusCode(422).body("code", equalTo("MOBILE_NOT_A_PARTY_MEMBER"));
    }

    @Test
    void aContactOutsideTheCallersScopeIsRefusedExactlyLikeAnUnknownOne() {
        TestTree.Node home = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(home.id());
        UUID foreign = Api.registered(TestTree.branch(TestTree.committee()).id());
        UUID unknown = UUID.randomUUID();

        String foreignDetail = contactRefused(home, member, foreign);
        String unknownDetail = contactRefused(home, member, unknown);

        assertEquals(unknownDetail.replace(unknown.toString(), "?"), foreignDetail.replace(foreign.toString(), "?"));
        asPlatformAdmin().get("/api/v1/members/" + member + "/mobility").then().statusCode(404);
    }

    private static String contactRefused(TestTree.Node home, UUID member, UUID contact) {
        Map<String, Object> body = away(null, LocalDate.of(2026, 1, 1), false);
        body.put("contactMemberId", contact.toString());
        return as(Caller.BRANCH_SECRETARY, home.id()).header("Accept-Language", "en").body(body)
                .post("/api/v1/members/" + member + "/mobility").then().statusCode(422)
                .body("code", equalTo("MOBILE_CONTACT_NOT_FOUND")).body("$", not(hasKey("errors")))
                .extract().path("detail");
    }

    @Test
    void acceptedTransferEndsTheMobileRegistration() {
        TestTree.Node home = TestTree.branch(TestTree.committee());
        TestTree.Node host = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(home.id());
        register(member, away(host.id(), clock.today().minusMonths(7), true)).statusCode(201).body("transferDue", equalTo(true));
        String transfer = asPlatformAdmin().body(Map.of("memberId", member.toString(), "toOrgId", host.id().toString()))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
        as(Caller.BRANCH_SECRETARY, host.id()).body("{}").post("/api/v1/transfers/" + transfer + "/accept").then().statusCode(200);
        asPlatformAdmin().get("/api/v1/members/" + member + "/mobility").then().statusCode(404);
        as(Caller.BRANCH_SECRETARY, host.id()).queryParam("hostOrgId", host.id()).get("/api/v1/mobile-members").then()
                .statusCode(200).body("items.memberId", not(hasItem(member.toString())));
    }

    @Test
    void mobileEndpointsNeedATokenAWriteRoleAndScope() {
        TestTree.Node home = TestTree.branch(TestTree.committee());
        UUID member = Api.registered(home.id());
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/members/" + member + "/mobility").then().statusCode(401);
        given().get("/api/v1/mobile-members?homeOrgId=" + home.id()).then().statusCode(401);
        Api.asMember(member).body(away(null, clock.today(), false)).post("/api/v1/members/" + member + "/mobility").then().statusCode(403);
        TestTree.Node stranger = TestTree.committee();
        as(Caller.ORG_ADMIN, stranger.id()).body(away(null, clock.today(), false)).post("/api/v1/members/" + member + "/mobility")
                .then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        as(Caller.ORG_ADMIN, stranger.id()).queryParam("homeOrgId", home.id()).get("/api/v1/mobile-members").then().statusCode(404);
        asPlatformAdmin().get("/api/v1/mobile-members").then().statusCode(400).body("code", equalTo("MOBILE_LIST_NEEDS_ONE_BRANCH"));
    }
}
