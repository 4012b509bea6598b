package org.dangjian.platform.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalStackTest {

    @Test
    void everyServiceHasItsOwnDatabase() throws Exception {
        LocalStack stack = LocalStack.shared();
        for (String database : LocalStack.DATABASES) {
            try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
                    ResultSet rs = connection.createStatement().executeQuery("select current_database()")) {
                rs.next();
                assertEquals(database, rs.getString(1));
            }
        }
    }

    @Test
    void dataSurvivesAPostgresRestart() throws Exception {
        LocalStack stack = LocalStack.shared();
        String url = stack.postgres().jdbcUrl("activity");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            connection.createStatement().execute("create table if not exists restart_probe (v text)");
            connection.createStatement().execute("insert into restart_probe values ('kept')");
        }
        stack.postgres().restart();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                ResultSet rs = connection.createStatement().executeQuery("select count(*) from restart_probe where v = 'kept'")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1);
        }
    }

    @Test
    void aRecordPublishedToTheBrokerIsReadBack() {
        KafkaCompanion kafka = LocalStack.shared().kafka().companion();
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> sent = new ProducerRecord<>("dangjian.member.v1", key, "{}");
        sent.headers().add("ce_id", key.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(sent).awaitCompletion(Duration.ofSeconds(30));
        ConsumerRecord<String, String> read = kafka.consumeStrings()
                .fromTopics("dangjian.member.v1", records -> records.select().where(r -> key.equals(r.key())).select().first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
        assertEquals(key, KafkaCompanion.getHeader(read.headers(), "ce_id"));
    }

    @Test
    void tokensCarryTheRequestedRoleAndDataScope() throws Exception {
        UUID org = UUID.randomUUID();
        JsonNode claims = claims(Tokens.issue("org-admin", org));
        assertEquals("org-admin", claims.at("/realm_access/roles/0").asText());
        assertEquals(org.toString(), claims.get("org_id").asText());
        assertEquals(OidcIssuer.NONE, claims.get("member_id").asText());
        assertEquals(LocalStack.shared().oidc().issuerUrl(), claims.get("iss").asText());
        assertTrue(claims.get("aud").toString().contains(OidcIssuer.AUDIENCE));
    }

    @Test
    void namedClientsGetTheirFixedClaims() throws Exception {
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(java.nio.file.Path.of("target", "named-clients"), 0, 0, 0, false,
                java.util.List.of(new OidcIssuer.Client("demo-secretary", java.util.List.of("branch-secretary"), "b-1", null))))) {
            JsonNode claims = claims(Tokens.forClient(stack.oidc(), "demo-secretary"));
            assertEquals("branch-secretary", claims.at("/realm_access/roles/0").asText());
            assertEquals("b-1", claims.get("org_id").asText());
        }
    }

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
