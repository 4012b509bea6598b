package org.dangjian.platform.orgtree;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree's own questions (a node's path, whether it lies in a subtree), asked of PostgreSQL through JPQL. */
class OrgTreeTest {

    private static MappedTreeInPostgres db;
    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID BC = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    @BeforeAll
    static void tree() throws IOException {
        db = new MappedTreeInPostgres();
        // Short labels so that siblings share a prefix: /r/b/ and /r/bc/.
        db.inTransaction(() -> {
            insert(ROOT, null, "/r/");
            insert(B, ROOT, "/r/b/");
            insert(BC, ROOT, "/r/bc/");
            insert(C, B, "/r/b/c/");
            return null;
        });
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @Test
    void aKnownOrganizationHasItsPathAndAnUnknownOneNone() {
        assertEquals(Optional.of("/r/b/c/"), db.tree.pathOf(C));
        assertEquals(Optional.empty(), db.tree.pathOf(UUID.randomUUID()));
        assertEquals(Optional.empty(), db.tree.pathOf(null));
    }

    @Test
    void anOrganizationLiesWithinItselfAndEveryAncestor() {
        assertTrue(db.tree.isWithin(C, C));
        assertTrue(db.tree.isWithin(C, B));
        assertTrue(db.tree.isWithin(C, ROOT));
    }

    @Test
    void anOrganizationDoesNotLieWithinItsChildOrASiblingSharingItsPrefix() {
        assertFalse(db.tree.isWithin(B, C));
        assertFalse(db.tree.isWithin(BC, B), "/r/bc/ starts with /r/b but not with /r/b/");
    }

    @Test
    void anUnknownOrganizationLiesWithinNothingAndHoldsNothing() {
        UUID unknown = UUID.randomUUID();
        assertFalse(db.tree.isWithin(unknown, ROOT));
        assertFalse(db.tree.isWithin(C, unknown));
    }

    private static void insert(UUID id, UUID parent, String path) {
        db.em.createNativeQuery("""
                insert into org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, 'BRANCH', 'ACTIVE', 0, now())""")
                .setParameter(1, id).setParameter(2, parent).setParameter(3, path)
                .setParameter(4, "T" + id.toString().substring(0, 8)).setParameter(5, path).executeUpdate();
    }
}
