package org.dangjian.assistance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Organizations in the local tree copy, inserted directly (the copy's consumer is platform's and is
 * tested there): each test gets its own committee with two branches, and a sibling committee.
 */
@ApplicationScoped
public class OrgTreeFixture {

    /** A committee with branches {@code branch} and {@code otherBranch}, and an unrelated {@code sibling} committee. */
    public record Tree(UUID committee, UUID branch, UUID otherBranch, UUID sibling) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Tree tree() {
        UUID committee = UUID.randomUUID();
        UUID sibling = UUID.randomUUID();
        insert(committee, null, "/" + committee + "/", "COMMITTEE");
        insert(sibling, null, "/" + sibling + "/", "COMMITTEE");
        UUID branch = UUID.randomUUID();
        UUID otherBranch = UUID.randomUUID();
        insert(branch, committee, "/" + committee + "/" + branch + "/", "BRANCH");
        insert(otherBranch, committee, "/" + committee + "/" + otherBranch + "/", "BRANCH");
        return new Tree(committee, branch, otherBranch, sibling);
    }

    private void insert(UUID id, UUID parent, String path, String type) {
        em.createNativeQuery("""
                insert into org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'ACTIVE', 0, now())""")
                .setParameter(1, id).setParameter(2, parent).setParameter(3, path)
                .setParameter(4, "T" + id.toString().substring(0, 8)).setParameter(5, "测试组织" + id.toString().substring(0, 4))
                .setParameter(6, type).executeUpdate();
    }
}
