package org.dangjian.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.dangjian.activity.Fixtures.Org;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.dangjian.activity.Activities.*;
import static org.dangjian.activity.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every id a request carries besides the first path id — the organization an activity is planned for or moved to,
 * orgId filters of lists and reports, host, recorder and attendance members — is resolved within the caller's
 * scope. An org-admin of subtree A naming a record of the sibling subtree B gets exactly the answer an id nobody
 * ever used gets, nothing changes, and no name or id of B's records shows in the answer.
 */
@QuarkusTest
class ForeignReferencesTest {

    private static final String SECRET = "乙方秘密党员";
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);
    private static final OffsetDateTime DAY = OffsetDateTime.parse("2025-06-10T14:00:00+08:00");

    /** A root committee over two sibling committees A (the caller's) and B, each with a branch of one member. */
    private record Scene(Org root, Org a, Org aBranch, UUID aMember, Org b, Org bBranch, UUID bMember) {

        static Scene create() {
            Org root = Fixtures.root();
            Org a = child(root, "COMMITTEE");
            Org b = child(root, "COMMITTEE");
            Org aBranch = child(a, "BRANCH");
            Org bBranch = child(b, "BRANCH");
            return new Scene(root, a, aBranch, member(aBranch, "甲方党员"), b, bBranch, member(bBranch, SECRET));
        }

        RequestSpecification admin() {
            return as(Caller.ORG_ADMIN, a.id());
        }

        /** Sends the request with {@code foreign} and with a random id: refused alike, nothing changed, nothing of B shown. */
        void refusedAlike(int status, String code, UUID foreign, Function<UUID, ExtractableResponse<Response>> request) {
            String before = state(root);
            List<Map<String, Object>> problems = new ArrayList<>();
            for (UUID id : List.of(foreign, UUID.randomUUID())) {
                ExtractableResponse<Response> answer = request.apply(id);
                String body = answer.asString();
                assertEquals(status, answer.statusCode(), body);
                assertEquals("application/problem+json", answer.contentType(), body);
                assertEquals(code, answer.path("code"), body);
                for (Object secret : List.of(SECRET, b.id(), bBranch.id(), bMember)) {
                    if (!secret.toString().equals(id.toString())) {
                        assertFalse(body.contains(secret.toString()), "the answer shows " + secret + ": " + body);
                    }
                }
                Map<String, Object> problem = new LinkedHashMap<>(answer.jsonPath().getMap("$"));
                problem.replaceAll((k, v) -> String.valueOf(v).replace(id.toString(), "<id>"));
                problems.add(problem);
            }
            assertEquals(problems.get(0), problems.get(1), "a foreign and an unknown id answer alike");
            assertEquals(before, state(root), "a refused request changed nothing");
        }
    }

    @Test
    void anActivityForAnOrganizationOfAnotherSubtreeIsRefusedLikeAnUnknownOne() {
        Scene s = Scene.create();
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch().id(), org -> s.admin()
                .body(plan(org, "THEMED_PARTY_DAY", DAY)).post("/api/v1/activities").then().extract());
    }

    @Test
    void anActivityIsNotMovedToAnOrganizationOfAnotherSubtree() {
        Scene s = Scene.create();
        UUID activity = planned(s.aBranch().id(), "THEMED_PARTY_DAY", DAY);
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch().id(), org -> s.admin()
                .body(Map.of("orgId", org.toString())).header("If-Match", current(activity))
                .post("/api/v1/activities/" + activity + "/reassign").then().extract());
    }

    @Test
    void listsReportsRostersAndPlansOfAnotherSubtreeAreNotFoundLikeAnUnknownOrganization() {
        Scene s = Scene.create();
        planned(s.bBranch().id(), "THEMED_PARTY_DAY", DAY);
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch().id(), org -> s.admin()
                .queryParam("orgId", org).get("/api/v1/activities").then().extract());
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.b().id(), org -> s.admin()
                .queryParam("orgId", org).queryParam("year", 2025).get("/api/v1/compliance-report").then().extract());
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.b().id(), org -> s.admin()
                .queryParam("orgId", org).queryParam("year", 2025).get("/api/v1/compliance-report/xlsx").then().extract());
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch().id(), org -> s.admin()
                .get("/api/v1/organizations/" + org + "/roster").then().extract());
        s.refusedAlike(404, "ORGANIZATION_NOT_FOUND", s.bBranch().id(), org -> s.admin()
                .body(Map.of("year", 2027)).post("/api/v1/organizations/" + org + "/year-plans").then().extract());
    }

    @Test
    void aHostOrRecorderFromAnotherSubtreeIsRefusedLikeAnUnknownMemberAndTheirNameNeverShows() {
        Scene s = Scene.create();
        for (String field : List.of("hostMemberId", "recorderMemberId")) {
            s.refusedAlike(422, "MEMBER_REFERENCE_UNKNOWN", s.bMember(), member -> {
                Map<String, Object> body = plan(s.aBranch().id(), "PARTY_LECTURE", DAY);
                body.remove("host");
                body.remove("recorder");
                body.put(field, member.toString());
                return s.admin().body(body).post("/api/v1/activities").then().extract();
            });
        }
    }

    @Test
    void recordingNamingAHostRecorderOrAttendeeFromAnotherSubtreeIsRefusedLikeAnUnknownMember() {
        Scene s = Scene.create();
        UUID activity = planned(s.aBranch().id(), "THEMED_PARTY_DAY", DAY.minusDays(3));
        for (String field : List.of("hostMemberId", "recorderMemberId")) {
            s.refusedAlike(422, "MEMBER_REFERENCE_UNKNOWN", s.bMember(), member -> {
                Map<String, Object> body = recording(DAY, line(s.aMember(), "PRESENT"));
                body.put(field, member.toString());
                return s.admin().body(body).header("If-Match", current(activity))
                        .post("/api/v1/activities/" + activity + "/record").then().extract();
            });
        }
        s.refusedAlike(422, "ATTENDANCE_NOT_ON_ROSTER", s.bMember(), member -> s.admin()
                .body(recording(DAY, line(s.aMember(), "PRESENT"), line(member, "PRESENT")))
                .header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then().extract());
    }

    private static UUID member(Org org, String name) {
        UUID member = UUID.randomUUID();
        registered(member, org.id(), "FULL", name, SINCE, 1);
        await("member " + name, () -> count("select count(*) from roster_member where member_id = ?1", member) == 1);
        return member;
    }

    /**
     * Everything stored about the activities of the subtree (each activity row, its attendance, guests and revisions,
     * year plans, audit entries and events written), as one comparable text.
     */
    private static String state(Org root) {
        String orgs = "select id from org_unit where path like '" + root.path() + "%'";
        String activities = "select id from activity where org_id in (" + orgs + ")";
        String[] queries = {
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from activity x where x.org_id in (" + orgs + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by cast(x as text)), '')) from activity_attendance x "
                    + "where x.activity_id in (" + activities + ")",
            "select count(*) from activity_guest x where x.activity_id in (" + activities + ")",
            "select count(*) from activity_revision x where x.activity_id in (" + activities + ")",
            "select count(*) from year_plan x where x.org_id in (" + orgs + ")",
            "select count(*) from audit_entry x where x.org_id in (" + orgs + ")",
            "select count(*) from outbox_event x where x.aggregate_id in (" + activities + ")",
        };
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder state = new StringBuilder();
            for (String sql : queries) {
                state.append(em().createNativeQuery(sql).getSingleResult()).append('\n');
            }
            return state.toString();
        });
    }
}
