package org.dangjian.assistance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.dangjian.assistance.assistancecase.CaseFlow;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.dangjian.assistance.Api.as;
import static org.dangjian.assistance.Api.asPlatformAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every id a request carries besides the first path id — organizations, beneficiaries, funds and members in bodies,
 * a case's visits and objections and a campaign's recipients as second path parameters, orgId, beneficiaryId and
 * memberId filters — is resolved within the caller's scope. An org-admin of subtree A naming a record of another
 * subtree B gets exactly the answer an id nobody ever used gets, nothing changes, and nothing of B's records shows.
 */
@QuarkusTest
class ForeignReferencesTest {

    private static final String SECRET = "乙方秘密居民";

    @Inject
    OrgTreeFixture orgs;

    @Inject
    MemberFixture members;

    /** A: the caller's committee with a branch, a fund with a 2025 budget and a resident; B: the sibling committee's. */
    private CaseFlow.Setup a;
    private UUID b;
    private UUID bMember;
    private UUID bBeneficiary;
    private UUID bFund;

    @BeforeEach
    void scene() {
        a = CaseFlow.setup(orgs, "100000.00");
        b = a.tree().sibling();
        bMember = members.registered(b);
        Map<String, Object> resident = People.resident(b, People.nationalId());
        resident.put("name", SECRET);
        bBeneficiary = CaseFlow.beneficiary(Api::asPlatformAdmin, resident);
        bFund = CaseFlow.fund(Api::asPlatformAdmin, b, "DONATION", SECRET + "基金", "5000.00");
    }

    @Test
    void aBeneficiaryOfAnOrganizationOrAMemberOfAnotherSubtreeIsRefusedLikeAnUnknownOne() {
        refusedAlike(404, "ORGANIZATION_NOT_FOUND", b, org -> admin()
                .body(People.resident(org, People.nationalId())).post("/api/v1/beneficiaries").then().extract());
        refusedAlike(422, "MEMBER_UNKNOWN", bMember, member -> admin()
                .body(People.member(a.branch(), member)).post("/api/v1/beneficiaries").then().extract());
    }

    @Test
    void aCaseForABeneficiaryOfAnotherSubtreeIsRefusedLikeAnUnknownBeneficiary() {
        refusedAlike(404, "BENEFICIARY_NOT_FOUND", bBeneficiary, beneficiary -> admin()
                .body(Map.of("beneficiaryId", beneficiary, "category", "ILLNESS", "requestedAmount", "800.00"))
                .post("/api/v1/cases").then().extract());
    }

    @Test
    void aCaseIsNeitherPaidFromAFundNorGivenToAnOrganizationOfAnotherSubtree() {
        String ready = CaseFlow.noticed(a, "800.00");
        refusedAlike(404, "FUND_NOT_FOUND", bFund, fund -> admin()
                .body(Map.of("fundId", fund, "disbursedOn", "2025-03-10")).post("/api/v1/cases/" + ready + "/disbursement")
                .then().extract());
        refusedAlike(404, "ORGANIZATION_NOT_FOUND", b, org -> admin()
                .body(Map.of("orgId", org)).post("/api/v1/cases/" + ready + "/reassignment").then().extract());
    }

    @Test
    void aVisitOrAnObjectionOfACaseOfAnotherSubtreeIsNotFoundLikeAnUnknownOne() {
        String mine = CaseFlow.noticed(a, "800.00");
        String theirs = id(asPlatformAdmin().body(Map.of("beneficiaryId", bBeneficiary, "category", "ILLNESS",
                "requestedAmount", "800.00", "appliedOn", "2025-03-01")).post("/api/v1/cases")).toString();
        CaseFlow.step(Caller.PLATFORM_ADMIN, null, theirs, "verification",
                Map.of("visitedOn", "2025-03-02", "findings", SECRET + "家中")).statusCode(200);
        CaseFlow.step(Caller.PLATFORM_ADMIN, null, theirs, "branch-review", Map.of("on", "2025-03-03")).statusCode(200);
        CaseFlow.step(Caller.PLATFORM_ADMIN, null, theirs, "approval", Map.of("on", "2025-03-03")).statusCode(200);
        CaseFlow.step(Caller.PLATFORM_ADMIN, null, theirs, "public-notice", Map.of("startsOn", "2025-03-03")).statusCode(200);
        UUID objection = id(asPlatformAdmin().body(Map.of("raisedOn", "2025-03-04", "content", SECRET + "异议"))
                .post("/api/v1/cases/" + theirs + "/objections"));
        UUID visit = UUID.fromString(asPlatformAdmin().get("/api/v1/cases/" + theirs + "/visits").then().statusCode(200)
                .extract().path("items[0].id"));

        refusedAlike(404, "CASE_VISIT_NOT_FOUND", visit, v -> admin()
                .get("/api/v1/cases/" + mine + "/visits/" + v).then().extract());
        refusedAlike(404, "CASE_OBJECTION_NOT_FOUND", objection, o -> admin()
                .body(Map.of("result", "UPHELD", "note", "属实")).post("/api/v1/cases/" + mine + "/objections/" + o + "/resolution")
                .then().extract());
    }

    @Test
    void aFundOrCampaignOfAnOrganizationOrFundOfAnotherSubtreeIsRefusedLikeAnUnknownOne() {
        refusedAlike(404, "ORGANIZATION_NOT_FOUND", b, org -> admin()
                .body(Map.of("orgId", org, "kind", "DONATION", "name", "捐赠基金")).post("/api/v1/funds").then().extract());
        refusedAlike(404, "ORGANIZATION_NOT_FOUND", b, org -> admin()
                .body(campaign(org, a.fund())).post("/api/v1/campaigns").then().extract());
        refusedAlike(404, "FUND_NOT_FOUND", bFund, fund -> admin()
                .body(campaign(a.tree().committee(), fund)).post("/api/v1/campaigns").then().extract());
    }

    @Test
    void aCampaignRecipientOfAnotherSubtreeIsRefusedLikeAnUnknownOne() {
        UUID mine = id(admin().body(campaign(a.tree().committee(), a.fund())).post("/api/v1/campaigns"));
        UUID theirs = id(asPlatformAdmin().body(campaign(b, bFund)).post("/api/v1/campaigns"));
        UUID recipient = id(asPlatformAdmin().body(Map.of("beneficiaryId", bBeneficiary, "amount", "300.00"))
                .post("/api/v1/campaigns/" + theirs + "/recipients"));

        refusedAlike(404, "BENEFICIARY_NOT_FOUND", bBeneficiary, beneficiary -> admin()
                .body(Map.of("beneficiaryId", beneficiary, "amount", "300.00")).post("/api/v1/campaigns/" + mine + "/recipients")
                .then().extract(), theirs);
        refusedAlike(404, "CAMPAIGN_RECIPIENT_NOT_FOUND", recipient, r -> admin()
                .body(Map.of("deliveredOn", "2025-02-01")).post("/api/v1/campaigns/" + mine + "/recipients/" + r + "/delivery")
                .then().extract(), theirs);
    }

    @Test
    void aPairingOrVisitNamingABeneficiaryOrMemberOfAnotherSubtreeIsRefusedLikeAnUnknownOne() {
        UUID mine = members.registered(a.branch());
        refusedAlike(404, "BENEFICIARY_NOT_FOUND", bBeneficiary, beneficiary -> admin()
                .body(Map.of("beneficiaryId", beneficiary, "memberId", mine)).post("/api/v1/pairings").then().extract());
        refusedAlike(422, "MEMBER_UNKNOWN", bMember, member -> admin()
                .body(Map.of("beneficiaryId", a.beneficiary(), "memberId", member)).post("/api/v1/pairings").then().extract());
        refusedAlike(404, "BENEFICIARY_NOT_FOUND", bBeneficiary, beneficiary -> admin()
                .queryParam("beneficiaryId", beneficiary).get("/api/v1/pairings").then().extract());
        refusedAlike(404, "BENEFICIARY_NOT_FOUND", bBeneficiary, beneficiary -> admin()
                .body(Map.of("beneficiaryId", beneficiary, "visitedOn", "2025-03-01", "findings", "走访"))
                .post("/api/v1/visits").then().extract());
    }

    @Test
    void totalsAndFiltersNamingAnotherSubtreeShowNothingOfIt() {
        asPlatformAdmin().body(Map.of("beneficiaryId", bBeneficiary, "category", "ILLNESS", "requestedAmount", "800.00"))
                .post("/api/v1/cases").then().statusCode(201);
        asPlatformAdmin().body(People.member(b, bMember)).post("/api/v1/beneficiaries").then().statusCode(201);
        refusedAlike(404, "ORGANIZATION_NOT_FOUND", b, org -> admin()
                .queryParam("year", 2025).queryParam("orgId", org).get("/api/v1/reports/totals").then().extract());
        // a filter is a condition within the caller's subtree: another subtree's id matches nothing, like an unknown one
        emptyAlike(bBeneficiary, beneficiary -> admin().queryParam("beneficiaryId", beneficiary).get("/api/v1/cases"));
        emptyAlike(bMember, member -> admin().queryParam("memberId", member).get("/api/v1/beneficiaries"));
    }

    private RequestSpecification admin() {
        return as(Caller.ORG_ADMIN, a.tree().committee());
    }

    private static Map<String, Object> campaign(UUID org, UUID fund) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgId", org);
        body.put("fundId", fund);
        body.put("name", "2025年春节走访慰问");
        body.put("occasion", "SPRING_FESTIVAL");
        return body;
    }

    private static UUID id(Response created) {
        return UUID.fromString(created.then().statusCode(201).extract().path("id"));
    }

    /** Sends the request with {@code foreign} and a random id: refused alike, nothing changed, nothing of B shown. */
    private void refusedAlike(int status, String code, UUID foreign, Function<UUID, ExtractableResponse<Response>> request,
            Object... secrets) {
        String before = state();
        List<Map<String, Object>> problems = new ArrayList<>();
        for (UUID id : List.of(foreign, UUID.randomUUID())) {
            ExtractableResponse<Response> answer = request.apply(id);
            String body = answer.asString();
            assertEquals(status, answer.statusCode(), body);
            assertEquals("application/problem+json", answer.contentType(), body);
            assertEquals(code, answer.path("code"), body);
            assertShowsNothingOfB(body, id, secrets);
            Map<String, Object> problem = new LinkedHashMap<>(answer.jsonPath().getMap("$"));
            problem.replaceAll((k, v) -> String.valueOf(v).replace(id.toString(), "<id>"));
            problems.add(problem);
        }
        assertEquals(problems.get(0), problems.get(1), "a foreign and an unknown id answer alike");
        assertEquals(before, state(), "a refused request changed nothing");
    }

    /** A list filtered by B's id answers exactly as filtered by an id nobody used: an empty page. */
    private void emptyAlike(UUID foreign, Function<UUID, Response> request) {
        String forForeign = request.apply(foreign).then().statusCode(200).extract().asString();
        String forUnknown = request.apply(UUID.randomUUID()).then().statusCode(200).extract().asString();
        assertEquals(forUnknown, forForeign);
        assertEquals(0, (int) io.restassured.path.json.JsonPath.from(forForeign).getList("items").size(), forForeign);
    }

    private void assertShowsNothingOfB(String body, UUID sent, Object... more) {
        List<Object> secrets = new ArrayList<>(List.of(SECRET, b, bMember, bBeneficiary, bFund));
        secrets.addAll(List.of(more));
        for (Object secret : secrets) {
            if (!secret.toString().equals(sent.toString())) {
                assertFalse(body.contains(secret.toString()), "the answer shows " + secret + ": " + body);
            }
        }
    }

    /**
     * Every record of both subtrees (beneficiaries, cases and their steps, visits, objections and moves, funds,
     * budgets and ledger, campaigns and recipients, pairings, the visit log, audit entries, events), comparable.
     */
    private String state() {
        String orgs = "select id from org_unit where path like '/" + a.tree().committee() + "/%' or path like '/" + b + "/%'";
        String beneficiaries = "select id from beneficiary where org_id in (" + orgs + ")";
        String cases = "select id from assistance_case where org_id in (" + orgs + ")";
        String funds = "select id from fund where org_id in (" + orgs + ")";
        String campaigns = "select id from condolence_campaign where org_id in (" + orgs + ")";
        String[] queries = {
            rows("beneficiary", "id in (" + beneficiaries + ")"),
            rows("assistance_case", "id in (" + cases + ")"),
            "select count(*) from case_transition x where x.case_id in (" + cases + ")",
            "select count(*) from case_visit x where x.case_id in (" + cases + ")",
            rows("case_objection", "case_id in (" + cases + ")"),
            "select count(*) from case_org_change x where x.case_id in (" + cases + ")",
            rows("fund", "id in (" + funds + ")"),
            rows("budget", "fund_id in (" + funds + ")"),
            "select count(*) from ledger_entry x where x.fund_id in (" + funds + ")",
            rows("condolence_campaign", "id in (" + campaigns + ")"),
            rows("campaign_recipient", "campaign_id in (" + campaigns + ")"),
            rows("pairing", "beneficiary_id in (" + beneficiaries + ")"),
            rows("visit_log", "beneficiary_id in (" + beneficiaries + ")"),
            "select count(*) from audit_entry x where x.org_id in (" + orgs + ")",
            "select count(*) from outbox_event x where x.aggregate_id in (" + cases + ") or x.aggregate_id in ("
                    + beneficiaries + ")",
        };
        return Database.values(List.of(queries)).toString();
    }

    private static String rows(String table, String condition) {
        return "select md5(coalesce(string_agg(cast(x as text), '|' order by cast(x as text)), '')) from " + table
                + " x where x." + condition;
    }
}
