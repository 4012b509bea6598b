package org.dangjian.member.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.member.Api;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.fullMember;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The auditor's view of the audit trail (platform/api-support AuditResource), on member records. */
@QuarkusTest
class AuditTrailQueryTest {

    @Test
    void auditorFindsTheRegistrationAndTheUnmaskedReadOfAMemberNewestFirst() {
        TestTree.Node committee = TestTree.committee();
        String nationalId = TestIds.nationalId();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), nationalId, TestIds.phone()));
        as(Caller.ORG_ADMIN, committee.id()).header("X-Purpose", "political review").get("/api/v1/members/" + id).then().statusCode(200);

        var entries = as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries?targetId=" + id).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("READ_UNMASKED"))
                .body("items[0].actor", equalTo("test-org-admin"))
                .body("items[0].details.reason", containsString("political review"))
                .body("items[1].action", equalTo("MEMBER_REGISTERED"))
                .body("nextCursor", nullValue());
        // The audit copy of the record is masked: the full national ID appears nowhere in the trail.
        entries.body(not(containsString(nationalId)));
    }

    /** A browser can send only Latin-1 in a header: a Chinese purpose comes as RFC 8187 and is stored as written. */
    @Test
    void aChinesePurposeSentAsRfc8187IsStoredInTheTrailAsTheReaderWroteIt() {
        TestTree.Node committee = TestTree.committee();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(), TestIds.phone()));
        as(Caller.ORG_ADMIN, committee.id()).header("X-Purpose", "UTF-8''%E6%94%BF%E5%AE%A1").get("/api/v1/members/" + id)
                .then().statusCode(200);

        as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries?targetId=" + id + "&action=READ_UNMASKED")
                .then().statusCode(200)
                .body("items[0].details.reason", equalTo("政审"));
    }

    @Test
    void anAuditorOfAnotherSubtreeSeesNoneOfTheseEntries() {
        TestTree.Node committee = TestTree.committee();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(), TestIds.phone()));
        as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/members/" + id).then().statusCode(200);

        TestTree.Node other = TestTree.committee();
        as(Caller.AUDITOR, other.id()).get("/api/v1/audit-entries?targetId=" + id).then().statusCode(200)
                .body("items", hasSize(0));
        String csv = as(Caller.AUDITOR, other.id()).get("/api/v1/audit-entries/export?targetId=" + id)
                .then().statusCode(200).extract().asString();
        assertEquals(1, csv.split("\r\n").length, "only the header");
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        TestTree.Node committee = TestTree.committee();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(), TestIds.phone()));
        for (int i = 0; i < 3; i++) {
            as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/members/" + id).then().statusCode(200);
        }
        var first = as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries?targetId=" + id + "&size=3")
                .then().statusCode(200).body("items", hasSize(3)).body("nextCursor", notNullValue()).extract();
        String cursor = first.path("nextCursor");
        List<String> firstIds = first.path("items.id");
        List<String> secondIds = as(Caller.AUDITOR, committee.id())
                .get("/api/v1/audit-entries?targetId=" + id + "&size=3&cursor=" + cursor)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .extract().path("items.id");
        assertEquals(1, secondIds.size());
        assertEquals(false, firstIds.contains(secondIds.get(0)));
    }

    @Test
    void filtersByActionAndTime() {
        TestTree.Node committee = TestTree.committee();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(), TestIds.phone()));
        as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries?targetId=" + id + "&action=MEMBER_REGISTERED")
                .then().statusCode(200).body("items", hasSize(1));
        as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries?targetId=" + id + "&from=2999-01-01")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void auditorExportsTheTrailAsCsv() {
        TestTree.Node committee = TestTree.committee();
        UUID id = Api.registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(), TestIds.phone()));
        String csv = as(Caller.AUDITOR, committee.id()).get("/api/v1/audit-entries/export?targetId=" + id)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,occurredAt,actor,action,targetType,targetId,details", lines[0]);
        assertEquals(2, lines.length);
        assertEquals(true, lines[1].contains("MEMBER_REGISTERED") && lines[1].contains(id.toString()));
    }

    @Test
    void onlyAuditorsAndPlatformAdminsReadTheTrail() {
        TestTree.Node committee = TestTree.committee();
        as(Caller.ORG_ADMIN, committee.id()).get("/api/v1/audit-entries").then().statusCode(403);
        as(Caller.MEMBER, committee.id()).get("/api/v1/audit-entries/export").then().statusCode(403);
        given().get("/api/v1/audit-entries").then().statusCode(401);
    }

    @Test
    void aForgedCursorIsRefusedWith400() {
        as(Caller.AUDITOR, TestTree.committee().id()).get("/api/v1/audit-entries?cursor=not-a-cursor")
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("errors[0].field", equalTo("cursor"));
    }
}
