package org.dangjian.platform.orgtree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** organization.* events as organization-service publishes them, applied to the local org_unit copy. */
class OrgTreeConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MappedTreeInPostgres db;

    @BeforeAll
    static void start() throws IOException {
        db = new MappedTreeInPostgres();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @Test
    void anEstablishedOrganizationIsAddedUnderItsParent() {
        UUID root = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        apply("organization.established", node(root, null, "/" + root + "/", "某市委", "ACTIVE", 0));
        apply("organization.established", node(branch, root, "/" + root + "/" + branch + "/", "某支部", "ACTIVE", 0));

        OrgUnit unit = unit(branch);
        assertEquals(root, unit.parentId());
        assertEquals("/" + root + "/" + branch + "/", unit.path());
        assertEquals("某支部", unit.name());
        assertEquals("BRANCH", unit.type());
        assertEquals(0, unit.sourceVersion());
    }

    @Test
    void aRenamedOrganizationTakesItsNewNameAndVersion() {
        UUID root = UUID.randomUUID();
        apply("organization.established", node(root, null, "/" + root + "/", "旧名党委", "ACTIVE", 0));

        apply("organization.changed", node(root, null, "/" + root + "/", "新名党委", "ACTIVE", 1));

        assertEquals("新名党委", unit(root).name());
        assertEquals(1, unit(root).sourceVersion());
    }

    @Test
    void aMovedOrganizationTakesItsWholeSubtreeToTheNewPath() {
        UUID oldRoot = UUID.randomUUID();
        UUID newRoot = UUID.randomUUID();
        UUID general = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        apply("organization.established", node(oldRoot, null, "/" + oldRoot + "/", "旧党委", "ACTIVE", 0));
        apply("organization.established", node(newRoot, null, "/" + newRoot + "/", "新党委", "ACTIVE", 0));
        apply("organization.established", node(general, oldRoot, "/" + oldRoot + "/" + general + "/", "总支", "ACTIVE", 0));
        apply("organization.established", node(branch, general, "/" + oldRoot + "/" + general + "/" + branch + "/", "支部",
                "ACTIVE", 0));

        apply("organization.moved", node(general, newRoot, "/" + newRoot + "/" + general + "/", "总支", "ACTIVE", 1));

        assertEquals(newRoot, unit(general).parentId());
        assertEquals("/" + newRoot + "/" + general + "/" + branch + "/", unit(branch).path());
        assertTrue(db.tree.isWithin(branch, newRoot));
        assertFalse(db.tree.isWithin(branch, oldRoot));
    }

    @Test
    void aDissolvedOrganizationStaysInTheTreeMarkedDissolved() {
        UUID root = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        apply("organization.established", node(root, null, "/" + root + "/", "党委", "ACTIVE", 0));
        apply("organization.established", node(branch, root, "/" + root + "/" + branch + "/", "撤销支部", "ACTIVE", 0));

        ObjectNode merged = node(branch, root, "/" + root + "/" + branch + "/", "撤销支部", "DISSOLVED", 2);
        merged.put("dissolvedOn", "2026-11-20").put("reason", "两村合并").put("mergedIntoId", survivor.toString());
        apply("organization.dissolved", merged);

        assertEquals("DISSOLVED", unit(branch).status());
        assertEquals("/" + root + "/" + branch + "/", unit(branch).path());
    }

    @Test
    void anEventOlderThanTheCopyChangesNothing() {
        UUID root = UUID.randomUUID();
        apply("organization.established", node(root, null, "/" + root + "/", "党委", "ACTIVE", 0));
        apply("organization.changed", node(root, null, "/" + root + "/", "第三版", "ACTIVE", 3));

        apply("organization.changed", node(root, null, "/" + root + "/", "第二版", "ACTIVE", 2));

        assertEquals("第三版", unit(root).name());
        assertEquals(3, unit(root).sourceVersion());
    }

    @Test
    void anEventAboutAnOrganizationButNotItsPlaceInTheTreeIsPassedOver() {
        UUID org = UUID.randomUUID();
        ObjectNode leadership = JSON.createObjectNode().put("organizationId", org.toString()).put("version", 1);

        apply("organization.leadership-changed", leadership);

        assertNull(db.em.find(OrgUnit.class, org));
    }

    private static OrgUnit unit(UUID id) {
        return db.tree.node(id).orElseThrow();
    }

    private static void apply(String type, ObjectNode data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("dangjian.organization.v1", 0, 0,
                data.path("id").asText(null), data.toString());
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/organization-service");
        header(record, "ce_time", "2026-07-01T09:00:00+08:00");
        db.consumer.consume(record);
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole node, as organization-service's OrganizationView carries it in every node event. */
    static ObjectNode node(UUID id, UUID parentId, String path, String name, String status, long version) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id.toString());
        node.put("code", "D" + id.toString().substring(0, 8));
        node.put("name", name);
        node.put("type", parentId == null ? "COMMITTEE" : "BRANCH");
        node.putNull("sector");
        if (parentId == null) {
            node.putNull("parentId");
        } else {
            node.put("parentId", parentId.toString());
        }
        node.put("path", path);
        node.put("status", status);
        node.put("establishedOn", "2026-07-01");
        node.put("version", version);
        return node;
    }
}
