package org.dangjian.member.me;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.dangjian.member.Api;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.asPlatformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** /me: the token's own member, without knowing its id, and nobody else's record (issue 24). */
@QuarkusTest
class MeTest {

    static UUID duesPayer(UUID branch) {
        Map<String, Object> body = Api.fullMember(branch);
        body.put("appliedOn", "2023-06-01");
        body.put("activistOn", "2024-01-01");
        body.put("candidateOn", "2024-10-01");
        body.put("admittedOn", "2025-01-10");
        body.put("fullOn", "2026-01-10");
        UUID member = Api.registered(body);
        asPlatformAdmin().body(Map.of("monthlyIncome", "3000.01")).put("/api/v1/members/" + member + "/dues/bases/2026")
                .then().statusCode(200);
        return member;
    }

    @Test
    void aMemberReadsTheirOwnRecordMaskedAsStaffSeeIt() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        UUID me = Api.registered(branch);
        String staffSees = as(Caller.BRANCH_SECRETARY, branch).get("/api/v1/members/" + me).then().statusCode(200)
                .body("masked", equalTo(true)).extract().path("nationalId");
        Api.asMember(me).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(me.toString()))
                .body("masked", equalTo(true))
                .body("nationalId", equalTo(staffSees));
    }

    @Test
    void aTokenNamingNoMemberHasNoMe() {
        as(Caller.BRANCH_SECRETARY, TestTree.branch(TestTree.committee()).id()).get("/api/v1/me").then().statusCode(403)
                .body("code", equalTo("NO_MEMBER_IDENTITY"));
        as(Caller.BRANCH_SECRETARY, TestTree.branch(TestTree.committee()).id()).get("/api/v1/me/dues").then().statusCode(403)
                .body("code", equalTo("NO_MEMBER_IDENTITY"));
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aSecretaryCarryingAMemberIdReadsTheirOwnRecordToo() {
        UUID branch = TestTree.branch(TestTree.committee()).id();
        UUID secretary = Api.registered(branch);
        given().auth().oauth2(Tokens.issue(Caller.BRANCH_SECRETARY, branch, secretary)).contentType(ContentType.JSON)
                .get("/api/v1/me").then().statusCode(200).body("id", equalTo(secretary.toString()));
    }

    @Test
    void aMemberPaysTheirOwnDuesAndSeesThemInTheStatementAndTheirPayments() {
        UUID me = duesPayer(TestTree.branch(TestTree.committee()).id());
        UUID someoneElse = duesPayer(TestTree.branch(TestTree.committee()).id());
        asPlatformAdmin().body(Map.of("months", List.of("2026-05"), "paidOn", "2026-06-01"))
                .post("/api/v1/members/" + someoneElse + "/dues/payments").then().statusCode(201);

        Api.asMember(me).body(Map.of("months", List.of("2026-01", "2026-02", "2026-03"), "paidOn", "2026-04-01"))
                .post("/api/v1/me/dues/payments").then().statusCode(201)
                .body("memberId", equalTo(me.toString())).body("payments", hasSize(3));
        Api.asMember(me).body(Map.of("months", List.of("2026-03"))).post("/api/v1/me/dues/payments").then()
                .statusCode(409).body("code", equalTo("DUES_MONTH_ALREADY_PAID"));

        Api.asMember(me).get("/api/v1/me/dues?asOf=2026-04").then().statusCode(200)
                .body("memberId", equalTo(me.toString())).body("unpaidMonths", equalTo(1));
        Api.asMember(me).get("/api/v1/me/dues/payments?size=2").then().statusCode(200)
                .body("items.month", contains("2026-03", "2026-02"))
                .body("nextCursor", not(nullValue()));
        String cursor = Api.asMember(me).get("/api/v1/me/dues/payments?size=2").then().extract().path("nextCursor");
        Api.asMember(me).get("/api/v1/me/dues/payments?size=2&cursor=" + cursor).then().statusCode(200)
                .body("items.month", contains("2026-01")).body("nextCursor", nullValue());
        Api.asMember(someoneElse).get("/api/v1/me/dues/payments").then().body("items.month", contains("2026-05"));
    }

    @Test
    void aMemberPayingTwiceWithTheSameKeyPaysOnce() {
        UUID me = duesPayer(TestTree.branch(TestTree.committee()).id());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("months", List.of("2026-01"), "paidOn", "2026-02-01");
        Api.asMember(me).header("Idempotency-Key", key).body(body).post("/api/v1/me/dues/payments").then().statusCode(201);
        Api.asMember(me).header("Idempotency-Key", key).body(body).post("/api/v1/me/dues/payments").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"));
        Api.asMember(me).get("/api/v1/me/dues/payments").then().body("items", hasSize(1));
    }

    @Test
    void aMemberSeesTheirOwnTransfersOnly() {
        TestTree.Node committee = TestTree.committee();
        UUID branch = TestTree.branch(committee).id();
        UUID me = Api.registered(branch);
        UUID other = Api.registered(branch);
        UUID to = TestTree.branch(TestTree.committee()).id();
        String letter = as(Caller.ORG_ADMIN, committee.id()).body(Map.of("memberId", me.toString(), "toOrgId", to.toString()))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
        Api.asMember(me).get("/api/v1/me/transfers").then().statusCode(200)
                .body("items.id", contains(letter)).body("nextCursor", nullValue());
        Api.asMember(other).get("/api/v1/me/transfers").then().statusCode(200).body("items", empty());
        Api.asMember(me).get("/api/v1/me/transfers?size=0").then().statusCode(400);
    }
}
