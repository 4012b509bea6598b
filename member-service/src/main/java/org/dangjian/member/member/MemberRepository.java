package org.dangjian.member.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.OrgTree;

import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.SortOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /**
     * Search criteria; null means "any". Personal data is matched only through blind indexes. {@code needsBranch}:
     * only members flagged since their branch was dissolved (true) or only the others (false).
     */
    public record Criteria(Condition inScope, String nationalIdIndex, String phoneIndex, String namePrefix,
            MemberStage stage, Boolean needsBranch) {
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
        return memberNumber(next.longValue());
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
        return next.stream().mapToLong(Number::longValue).sorted().mapToObj(MemberRepository::memberNumber).toList();
    }

    /**
     * {@code M} and the sequence value zero-padded to ten digits; by hand, since {@code String.format} was a
     * twentieth of a bulk import's CPU (benchmark B4).
     */
    static String memberNumber(long value) {
        String digits = Long.toString(value);
        if (digits.length() >= 10) {
            return "M" + digits;
        }
        return "M" + "0000000000".substring(digits.length()) + digits;
    }

    /** The next chunk of the scope after {@code after}, in id order: keyset paging for exports. */
    public List<Member> chunkAfter(Scope scope, UUID after, int size) {
        Condition inScope = scope.orgCondition("m.orgId", "OrgUnit");
        return inScope.bind(getEntityManager().createQuery("from Member m where m.id > :after and " + inScope.sql()
                        + " order by m.id", Member.class))
                .setParameter("after", after).setMaxResults(size).getResultList();
    }

    /** The key columns of a member search's orders, the id last so each position is unique. */
    static String[] keyColumns(SortOrder order) {
        return order.is("joinedOn")
                ? new String[] {"coalesce(m.admitted_on, date '9999-12-31')", "m.id"}
                : new String[] {"m.name collate \"C\"", "m.id"};
    }

    /**
     * One page of a search (plus one row, to tell whether more exist) in {@code order}, after {@code after}. A name
     * prefix is a byte-order range rather than a LIKE so that member_name_order serves both the match and the name
     * order: the scan stops at the page however many names share the prefix.
     */
    public List<Member> search(Criteria c, SortOrder order, Optional<Cursor> after, int limit) {
        String[] keys = keyColumns(order);
        Map<String, Object> keyset = new LinkedHashMap<>();
        after.ifPresent(cursor -> {
            keyset.put("cursor0", order.is("joinedOn") ? cursor.date(0) : cursor.string(0));
            keyset.put("cursor1", cursor.uuid(1));
        });
        return list(c, after.isPresent() ? order.after(keys) : null, keyset, "order by " + order.orderBy(keys), limit);
    }

    /**
     * The least string greater than every string that starts with {@code prefix}, in byte (code point) order;
     * null when there is none (the prefix is all U+10FFFF).
     */
    static String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int next = codePoints[i] + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : codePoints[i] + 1;
            if (next <= Character.MAX_CODE_POINT) {
                codePoints[i] = next;
                return new String(codePoints, 0, i + 1);
            }
        }
        return null;
    }

    // Native SQL: the name predicates and order need the "C" collation the index is built with.
    @SuppressWarnings("unchecked")
    private List<Member> list(Criteria c, String after, Map<String, Object> keyset, String orderBy, int max) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        where.add(c.inScope().sql());
        params.putAll(c.inScope().parameters());
        if (c.nationalIdIndex() != null) {
            where.add("m.national_id_index = :nid");
            params.put("nid", c.nationalIdIndex());
        }
        if (c.phoneIndex() != null) {
            where.add("m.phone_index = :phone");
            params.put("phone", c.phoneIndex());
        }
        if (c.namePrefix() != null) {
            where.add("m.name collate \"C\" >= :name");
            params.put("name", c.namePrefix());
            String end = successor(c.namePrefix());
            if (end != null) {
                where.add("m.name collate \"C\" < :nameEnd");
                params.put("nameEnd", end);
            }
        }
        if (after != null) {
            where.add(after);
            params.putAll(keyset);
        }
        if (c.stage() != null) {
            where.add("m.stage = :stage");
            params.put("stage", c.stage().name());
        }
        if (c.needsBranch() != null) {
            where.add(c.needsBranch() ? "m.branch_dissolved_on is not null" : "m.branch_dissolved_on is null");
        }
        String sql = "select m.* from member m" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " " + orderBy;
        Query query = getEntityManager().createNativeQuery(sql, Member.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }
}
