package org.dangjian.member.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.member.Api;
import org.dangjian.member.EventContracts;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.dangjian.member.Api.asPlatformAdmin;
import static org.dangjian.member.Api.fullMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MemberEventsTest {

    @Test
    void registrationPublishesMemberRegisteredWithoutPersonalData() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        String nationalId = TestIds.nationalId();
        String phone = TestIds.phone();
        UUID id = Api.registered(fullMember(branch.id(), nationalId, phone));

        JsonNode data = EventContracts.await("member.registered", id);
        assertEquals(id.toString(), data.get("memberId").asText());
        assertEquals(branch.id().toString(), data.get("orgId").asText());
        assertEquals("FULL", data.get("stage").asText());
        assertEquals("林志强", data.get("name").asText());
        assertEquals(0, data.get("version").asInt());
        assertFalse(data.toString().contains(nationalId) || data.toString().contains(phone), data::toString);
    }

    @Test
    void correctionPublishesMemberUpdatedWithTheNewVersion() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        UUID id = Api.registered(branch.id());
        asPlatformAdmin().body(Map.of("name", "陈更正")).patch("/api/v1/members/" + id).then().statusCode(200);

        JsonNode data = EventContracts.await("member.updated", id);
        assertEquals("陈更正", data.get("name").asText());
        assertEquals(branch.id().toString(), data.get("orgId").asText());
        assertEquals(1, data.get("version").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"member.registered", "member.updated", "member.transferred", "member.stage-changed", "member.ended",
            "member.transfer-issued", "member.transfer-rejected", "member.transfer-cancelled", "member.transfer-expired"})
    void schemaExamplesAreValidEvents(String type) {
        for (JsonNode example : EventContracts.schemaDocument(type).get("examples")) {
            Set<ValidationMessage> errors = EventContracts.schema(type).validate(example);
            assertTrue(errors.isEmpty(), errors::toString);
        }
    }

    @Test
    void schemasRefuseAnEventCarryingANationalId() {
        JsonNode example = EventContracts.schemaDocument("member.registered").get("examples").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("nationalId", "350203199001011236");
        assertFalse(EventContracts.schema("member.registered").validate(example).isEmpty());
    }
}
