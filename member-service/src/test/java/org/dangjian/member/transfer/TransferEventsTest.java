package org.dangjian.member.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dangjian.member.EventContracts;
import org.dangjian.platform.api.BusinessClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.dangjian.member.transfer.TransferLifecycleTest.issued;
import static org.dangjian.member.transfer.TransferLifecycleTest.letter;
import static org.dangjian.member.transfer.TransferLifecycleTest.setup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Letters in flight on the topic: issued, then rejected, withdrawn or expired (acceptance is member.transferred). */
@QuarkusTest
class TransferEventsTest {

    @Inject
    TransferExpiry expiry;

    @Inject
    BusinessClock clock;

    @Test
    void issuingALetterPublishesTransferIssuedWithBothBranches() {
        TransferLifecycleTest.Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));

        JsonNode event = EventContracts.await("member.transfer-issued", s.member());
        assertEquals(id, event.get("transferId").asText());
        assertEquals("ISSUED", event.get("status").asText());
        assertEquals("WITHIN", event.get("kind").asText());
        assertEquals(s.from().id().toString(), event.get("fromOrgId").asText());
        assertEquals(s.to().id().toString(), event.get("toOrgId").asText());
        assertEquals(clock.today().plusDays(30).toString(), event.get("validUntil").asText());
        assertTrue(event.get("decidedOn").isNull());
        assertEquals(0, event.get("transferVersion").asInt());
        assertFalse(event.has("version"), "version is the member's in member events");
    }

    @Test
    void rejectionPublishesTransferRejectedWithoutTheFreeTextReason() {
        TransferLifecycleTest.Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.receiver().body(Map.of("reason", "本人未到接收支部报到")).post("/api/v1/transfers/" + id + "/reject").then().statusCode(200);

        JsonNode event = EventContracts.await("member.transfer-rejected", s.member());
        assertEquals(id, event.get("transferId").asText());
        assertEquals("REJECTED", event.get("status").asText());
        assertEquals(clock.today().toString(), event.get("decidedOn").asText());
        assertEquals(1, event.get("transferVersion").asInt());
        assertFalse(event.has("reason"));
    }

    @Test
    void withdrawalPublishesTransferCancelled() {
        TransferLifecycleTest.Setup s = setup();
        String id = issued(s, letter(s.member(), s.to().id()));
        s.issuer().body(Map.of("reason", "去向有误")).post("/api/v1/transfers/" + id + "/cancel").then().statusCode(200);

        JsonNode event = EventContracts.await("member.transfer-cancelled", s.member());
        assertEquals(id, event.get("transferId").asText());
        assertEquals("CANCELLED", event.get("status").asText());
    }

    @Test
    void expiryPublishesTransferExpiredOnTheDayAfterTheLastValidDay() {
        TransferLifecycleTest.Setup s = setup();
        Map<String, Object> body = letter(s.member(), s.to().id());
        body.put("issuedOn", clock.today().minusDays(20).toString());
        body.put("validityDays", 10);
        String id = issued(s, body);
        LocalDate lastDay = clock.today().minusDays(10);
        expiry.expireUnansweredAsOf(lastDay.plusDays(1));

        JsonNode event = EventContracts.await("member.transfer-expired", s.member());
        assertEquals(id, event.get("transferId").asText());
        assertEquals("EXPIRED", event.get("status").asText());
        assertEquals(lastDay.plusDays(1).toString(), event.get("decidedOn").asText());
        assertEquals(lastDay.toString(), event.get("validUntil").asText());
    }

    @Test
    void asyncApiListsEveryLetterEvent() throws IOException {
        String asyncApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String type : new String[] {"issued", "rejected", "cancelled", "expired"}) {
            assertTrue(asyncApi.contains("name: member.transfer-" + type), type);
            assertTrue(asyncApi.contains("./member.transfer-" + type + ".schema.json"), type);
        }
    }
}
