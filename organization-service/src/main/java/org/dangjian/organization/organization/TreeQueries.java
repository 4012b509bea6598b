package org.dangjian.organization.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.dangjian.organization.organization.OrganizationDtos.OrganizationView;
import org.dangjian.organization.organization.OrganizationDtos.Page;
import org.dangjian.organization.organization.OrganizationDtos.SnapshotView;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads of the tree. Subtrees are prefix matches on the materialized path, served by the
 * {@code text_pattern_ops} index; pages are keyset pages in path order ({@code order by path using ~<~},
 * the order that very index stores), so page N of a 100k-node subtree costs what page 1 costs and
 * nothing is loaded beyond one page.
 */
@ApplicationScoped
@Transactional
public class TreeQueries {

    /** The subtree query, also EXPLAINed by a test to show the index serves it. */
    public static final String SUBTREE_SQL = """
            select * from organization
            where path like :prefix || '%' and path ~>~ :after /*filters*/
            order by path using ~<~ limit :size""";

    @Inject
    EntityManager em;

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationsInScope organizationsInScope;

    @Inject
    CallerScope scope;

    public record Filter(OrganizationType type, OrganizationStatus status) {
    }

    public Page<OrganizationView> subtree(UUID rootId, Filter filter, String after, int size) {
        Organization root = organizations.get(rootId);
        return page(SUBTREE_SQL, root.path(), filter, after, size, null);
    }

    public Page<OrganizationView> children(UUID parentId, Filter filter, String after, int size) {
        Organization parent = organizations.get(parentId);
        return page("""
                select * from organization
                where path like :prefix || '%' and parent_id = :extra and path ~>~ :after /*filters*/
                order by path using ~<~ limit :size""", parent.path(), filter, after, size, parent.id());
    }

    /** The chain from the top of the caller's scope down to the node's parent, root first. */
    public List<OrganizationView> ancestors(UUID id) {
        Organization node = organizations.get(id);
        List<UUID> ids = Arrays.stream(node.path().split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString)
                .filter(ancestor -> !ancestor.equals(node.id())).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Organization where id in ?1", Organization.class).setParameter(1, ids)
                .getResultList().stream().filter(organizationsInScope::covers)
                .sorted(Comparator.comparingInt(o -> o.path().length())).map(OrganizationView::of).toList();
    }

    /** The search query, also EXPLAINed by a test to show the trigram index serves it. */
    public static final String SEARCH_SQL = """
            select o.id, r.rank, o.path from organization o
            cross join lateral (select round(cast(greatest(similarity(o.name, :q),
                    case when o.code like :fragment || '%' escape '\\' then 1 else 0 end) as numeric), 6) as rank) r
            where /*scope*/
              and (o.name like '%' || :fragment || '%' escape '\\' or o.name % :q or o.code like :fragment || '%' escape '\\')
              and (r.rank < :afterRank or (r.rank = :afterRank and o.path ~>~ :afterPath)) /*filters*/
            order by r.rank desc, o.path using ~<~ limit :size""";

    /**
     * Names containing the text, names like it (pg_trgm similarity, so a typo still finds), and codes
     * starting with it, within the caller's scope; best match first (an exact name or a code prefix
     * ranks 1), then in tree order. The cursor is {@code rank|path} of the last item.
     */
    public Page<OrganizationView> search(String text, Filter filter, String after, int size) {
        Condition inScope = scope.pathCondition("o.path");
        String q = text.strip();
        String fragment = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        BigDecimal afterRank = BigDecimal.valueOf(2);
        String afterPath = "";
        if (after != null) {
            int bar = after.indexOf('|');
            try {
                afterRank = new BigDecimal(after.substring(0, Math.max(bar, 0)));
            } catch (NumberFormatException e) {
                throw DomainException.badRequest("SEARCH_CURSOR_INVALID", after);
            }
            afterPath = after.substring(bar + 1);
        }
        Query query = inScope.bind(em.createNativeQuery(SEARCH_SQL.replace("/*scope*/", inScope.sql())
                        .replace("/*filters*/", conditions(filter, "o."))))
                .setParameter("q", q).setParameter("fragment", fragment)
                .setParameter("afterRank", afterRank).setParameter("afterPath", afterPath).setParameter("size", size);
        bindFilters(query, filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<UUID, Organization> byId = em.createQuery("from Organization where id in ?1", Organization.class)
                .setParameter(1, rows.stream().map(r -> (UUID) r[0]).toList()).getResultStream()
                .collect(Collectors.toMap(Organization::id, o -> o));
        List<OrganizationView> items = rows.stream().map(r -> OrganizationView.of(byId.get((UUID) r[0]))).toList();
        Object[] last = rows.get(rows.size() - 1);
        String next = rows.size() == size ? ((BigDecimal) last[1]).toPlainString() + "|" + last[2] : null;
        return new Page<>(items, next);
    }

    /** The subtree of a node as it stood at the end of {@code date}, from the validity snapshots. */
    public Page<SnapshotView> asOf(UUID rootId, LocalDate date, String after, int size) {
        Organization root = organizations.get(rootId);
        List<?> then = em.createNativeQuery("""
                select path from organization_snapshot
                where organization_id = ?1 and valid_from <= ?2 and (valid_to is null or valid_to > ?2)""")
                .setParameter(1, root.id()).setParameter(2, date).getResultList();
        if (then.isEmpty()) {
            throw DomainException.notFound("ORGANIZATION_NOT_IN_TREE_ON", root.name(), date);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select organization_id, code, name, type, sector, parent_id, path, valid_from, valid_to
                from organization_snapshot
                where path like ?1 || '%' and path ~>~ ?2 and valid_from <= ?4 and (valid_to is null or valid_to > ?4)
                order by path using ~<~ limit ?3""")
                .setParameter(1, then.get(0)).setParameter(2, after == null ? "" : after).setParameter(3, size)
                .setParameter(4, date).getResultList();
        List<SnapshotView> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new SnapshotView((UUID) r[0], (String) r[1], (String) r[2], OrganizationType.valueOf((String) r[3]),
                    r[4] == null ? null : Sector.valueOf((String) r[4]), (UUID) r[5], (String) r[6],
                    Timeline.toLocalDate(r[7]), r[8] == null ? null : Timeline.toLocalDate(r[8])));
        }
        return new Page<>(items, items.size() == size ? items.get(items.size() - 1).path() : null);
    }

    private Page<OrganizationView> page(String sql, String prefix, Filter filter, String after, int size, Object extra) {
        Query query = em.createNativeQuery(sql.replace("/*filters*/", conditions(filter, "")), Organization.class)
                .setParameter("prefix", prefix).setParameter("after", after == null ? "" : after)
                .setParameter("size", size);
        if (extra != null) {
            query.setParameter("extra", extra);
        }
        bindFilters(query, filter);
        @SuppressWarnings("unchecked")
        List<Organization> found = query.getResultList();
        List<OrganizationView> items = found.stream().map(OrganizationView::of).toList();
        return new Page<>(items, items.size() == size ? items.get(items.size() - 1).path() : null);
    }

    private static String conditions(Filter filter, String alias) {
        StringBuilder conditions = new StringBuilder();
        if (filter.type() != null) {
            conditions.append(" and ").append(alias).append("type = :type");
        }
        if (filter.status() != null) {
            conditions.append(" and ").append(alias).append("status = :status");
        }
        return conditions.toString();
    }

    private static void bindFilters(Query query, Filter filter) {
        if (filter.type() != null) {
            query.setParameter("type", filter.type().name());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
    }
}
