package org.dangjian.member;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Organizations in member-service's copy of the tree, inserted directly (as the organization.*
 * consumer would store them), so each test owns a fresh subtree without waiting for Kafka.
 */
public final class TestTree {

    private TestTree() {
    }

    public record Node(UUID id, String path) {
    }

    public static Node committee() {
        UUID id = UUID.randomUUID();
        return insert(id, null, "/" + id + "/", "COMMITTEE", "ACTIVE");
    }

    public static Node child(Node parent, String type) {
        return child(parent, type, "ACTIVE");
    }

    public static Node child(Node parent, String type, String status) {
        UUID id = UUID.randomUUID();
        return insert(id, parent.id(), parent.path() + id + "/", type, status);
    }

    public static Node branch(Node parent) {
        return child(parent, "BRANCH");
    }

    private static Node insert(UUID id, UUID parentId, String path, String type, String status) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                insert into org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)""")
                .setParameter(1, id).setParameter(2, parentId).setParameter(3, path)
                .setParameter(4, "T" + id.toString().substring(0, 8)).setParameter(5, "测试" + type + id.toString().substring(0, 4))
                .setParameter(6, type).setParameter(7, status).setParameter(8, OffsetDateTime.now())
                .executeUpdate());
        return new Node(id, path);
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
