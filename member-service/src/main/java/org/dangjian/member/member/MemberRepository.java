package org.dangjian.member.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.platform.orgtree.OrgTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /** Search criteria; null means "any". Personal data is matched only through blind indexes. */
    public record Criteria(String subtreePrefix, String nationalIdIndex, String phoneIndex, String namePrefix,
            MemberStage stage) {
    }

    public Optional<Member> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** The record, when its organization lies in the subtree of {@code root}: one statement with the scope check. */
    public Optional<Member> byIdWithin(UUID id, UUID root) {
        return find("from Member m where m.id = :id and " + OrgTree.withinRoot("m.orgId"),
                Parameters.with("id", id).and("root", root)).firstResultOptional();
    }

    public boolean nationalIdTaken(String blindIndex) {
        return count("nationalIdIndex", blindIndex) > 0;
    }

    /** The next member number, e.g. {@code M0000000123}. */
    public String nextMemberNumber() {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('member_number_seq')").getSingleResult();
        return "M%010d".formatted(next.longValue());
    }

    /** {@code count} new member numbers in ascending order, with one statement (a bulk import's rows). */
    public List<String> nextMemberNumbers(int count) {
        if (count == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> next = getEntityManager()
                .createNativeQuery("select nextval('member_number_seq') from generate_series(1, ?1)")
                .setParameter(1, count).getResultList();
        return next.stream().mapToLong(Number::longValue).sorted().mapToObj("M%010d"::formatted).toList();
    }

    /** The next chunk of a subtree (null prefix: everything) after {@code after}, in id order: keyset paging for exports. */
    public List<Member> chunkAfter(String subtreePrefix, UUID after, int size) {
        Parameters params = Parameters.with("after", after);
        String query = "from Member m where m.id > :after";
        if (subtreePrefix != null) {
            query += " and m.orgId in (select u.id from OrgUnit u where u.path like concat(:prefix, '%'))";
            params.and("prefix", subtreePrefix);
        }
        return find(query + " order by m.id", params).page(0, size).list();
    }

    /** One page (plus one row, to tell whether more exist) in id order: ids are time-ordered, so stable. */
    public List<Member> search(Criteria c, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (c.subtreePrefix() != null) {
            where.add("m.orgId in (select u.id from OrgUnit u where u.path like concat(:prefix, '%'))");
            params.and("prefix", c.subtreePrefix());
        }
        if (c.nationalIdIndex() != null) {
            where.add("m.nationalIdIndex = :nid");
            params.and("nid", c.nationalIdIndex());
        }
        if (c.phoneIndex() != null) {
            where.add("m.phoneIndex = :phone");
            params.and("phone", c.phoneIndex());
        }
        if (c.namePrefix() != null) {
            where.add("m.name like concat(:name, '%')");
            params.and("name", c.namePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        if (c.stage() != null) {
            where.add("m.stage = :stage");
            params.and("stage", c.stage());
        }
        String query = "from Member m" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by m.id";
        return find(query, params).range(page * size, page * size + size).list();
    }
}
