package org.dangjian.organization.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.dangjian.organization.organization.OrganizationDtos.OrganizationView;
import org.dangjian.organization.organization.OrganizationDtos.SnapshotView;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
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
 * nothing is loaded beyond one page. The cursor is the last path (it ends with the node's id, so it is unique);
 * the order is the tree's ({@code sort=path}, the only one).
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

    public ListPage<OrganizationView> subtree(UUID rootId, Filter filter, ListQuery query) {
        String after = afterPath(query);
        Organization root = organizations.get(rootId);
        return page(SUBTREE_SQL, root.path(), filter, after, query, null);
    }

    public ListPage<OrganizationView> children(UUID parentId, Filter filter, ListQuery query) {
        String after = afterPath(query);
        Organization parent = organizations.get(parentId);
        return page("""
                select * from organization
                where path like :prefix || '%' and parent_id = :extra and path ~>~ :after /*filters*/
                order by path using ~<~ limit :size""", parent.path(), filter, after, query, parent.id());
    }

    /** The chain from the top of the caller's scope down to the node's parent, root first. */
    public ListPage<OrganizationView> ancestors(UUID id) {
        Organization node = organizations.get(id);
        List<UUID> ids = Arrays.stream(node.path().split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString)
                .filter(ancestor -> !ancestor.equals(node.id())).toList();
        if (ids.isEmpty()) {
            return ListPage.complete(List.of());
        }
        return ListPage.complete(em.createQuery("from Organization where id in ?1", Organization.class).setParameter(1, ids)
                .getResultList().stream().filter(organizationsInScope::covers)
                .sorted(Comparator.comparingInt(o -> o.path().length())).map(OrganizationView::of).toList());
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
     * ranks 1), then in tree order ({@code sort=relevance}, the only one). The cursor holds the last item's rank and path.
     */
    public ListPage<OrganizationView> search(String text, Filter filter, ListQuery query) {
        query.sort("relevance");
        Cursor after = query.after().orElse(null);
        Condition inScope = scope.pathCondition("o.path");
        String q = text.strip();
        String fragment = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        BigDecimal afterRank = BigDecimal.valueOf(2);
        String afterPath = "";
        if (after != null) {
            afterRank = after.decimal(0);
            afterPath = after.string(1);
            if (afterRank == null || afterPath == null) {
                throw new org.dangjian.platform.api.input.InvalidParameter("cursor", "INVALID_VALUE", null);
            }
        }
        Query select = inScope.bind(em.createNativeQuery(SEARCH_SQL.replace("/*scope*/", inScope.sql())
                        .replace("/*filters*/", conditions(filter, "o."))))
                .setParameter("q", q).setParameter("fragment", fragment)
                .setParameter("afterRank", afterRank).setParameter("afterPath", afterPath).setParameter("size", query.limit());
        bindFilters(select, filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        if (rows.isEmpty()) {
            return ListPage.complete(List.of());
        }
        Map<UUID, Organization> byId = em.createQuery("from Organization where id in ?1", Organization.class)
                .setParameter(1, rows.stream().map(r -> (UUID) r[0]).toList()).getResultStream()
                .collect(Collectors.toMap(Organization::id, o -> o));
        return ListPage.of(rows, query, r -> Cursor.at(((BigDecimal) r[1]).toPlainString(), r[2]))
                .map(r -> OrganizationView.of(byId.get((UUID) r[0])));
    }

    /** The subtree of a node as it stood at the end of {@code date}, from the validity snapshots. */
    public ListPage<SnapshotView> asOf(UUID rootId, LocalDate date, ListQuery query) {
        String after = afterPath(query);
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
                .setParameter(1, then.get(0)).setParameter(2, after).setParameter(3, query.limit())
                .setParameter(4, date).getResultList();
        List<SnapshotView> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new SnapshotView((UUID) r[0], (String) r[1], (String) r[2], OrganizationType.valueOf((String) r[3]),
                    r[4] == null ? null : Sector.valueOf((String) r[4]), (UUID) r[5], (String) r[6],
                    Timeline.toLocalDate(r[7]), r[8] == null ? null : Timeline.toLocalDate(r[8])));
        }
        return ListPage.of(items, query, v -> Cursor.at(v.path()));
    }

    /** The path to continue after: "" (before every path) for the first page. Resolves the one order first. */
    private static String afterPath(ListQuery query) {
        query.sort("path");
        return query.after().map(c -> c.string(0)).orElse("");
    }

    private ListPage<OrganizationView> page(String sql, String prefix, Filter filter, String after, ListQuery list,
            Object extra) {
        Query query = em.createNativeQuery(sql.replace("/*filters*/", conditions(filter, "")), Organization.class)
                .setParameter("prefix", prefix).setParameter("after", after)
                .setParameter("size", list.limit());
        if (extra != null) {
            query.setParameter("extra", extra);
        }
        bindFilters(query, filter);
        @SuppressWarnings("unchecked")
        List<Organization> found = query.getResultList();
        return ListPage.of(found.stream().map(OrganizationView::of).toList(), list, v -> Cursor.at(v.path()));
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
