package org.dangjian.local;

import org.dangjian.platform.localstack.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Real records of one subtree of the organization tree, one of each kind, read from the owning service's
 * database: the generated matrices put them into paths, query parameters and bodies. A kind is named as
 * the first path segment that carries its id ("member-service:members"), so the URL says which to take.
 */
final class SubtreeRecords {

    private final LocalSystem system;
    private final UUID subtree;
    private final Map<String, Optional<UUID>> records = new LinkedHashMap<>();

    SubtreeRecords(LocalSystem system, UUID subtree) {
        this.system = system;
        this.subtree = subtree;
    }

    UUID subtree() {
        return subtree;
    }

    /** One record of the subtree of the kind a path segment of the service names; empty if it has none (or no SQL). */
    Optional<UUID> of(DangjianService service, String segment) {
        return of(service.module() + ":" + segment);
    }

    /** By kind key, "service-module:segment". */
    Optional<UUID> of(String kind) {
        if (!records.containsKey(kind)) {
            records.put(kind, Optional.ofNullable(SQL.get(kind)).flatMap(sql -> first(serviceOf(kind), sql)));
        }
        return records.get(kind);
    }

    /** Forgets what was looked up, for records created after the first look. */
    void refresh() {
        records.clear();
    }

    static boolean known(String kind) {
        return SQL.containsKey(kind);
    }

    UUID branchOf(UUID member) {
        return first(DangjianService.MEMBER, "select org_id from member where id = '" + member + "' and ?1 is not null")
                .orElseThrow();
    }

    /** A member's name as member-service holds it: what must not leak to a caller of another subtree. */
    String nameOf(UUID member) {
        try (Connection c = DriverManager.getConnection(system.stack().postgres().jdbcUrl(DangjianService.MEMBER.database()),
                PostgresServer.USER, "");
                PreparedStatement statement = c.prepareStatement("select name from member where id = ?")) {
            statement.setObject(1, member);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException("member " + member, e);
        }
    }

    /** One record of every kind the subtree has. */
    Collection<UUID> all() {
        List<UUID> ids = new ArrayList<>();
        SQL.keySet().forEach(kind -> of(kind).ifPresent(ids::add));
        return ids;
    }

    /** The first column of the first row of {@code sql} on the service's database; ?1 is a path pattern matching the subtree. */
    Optional<UUID> first(DangjianService service, String sql) {
        List<UUID> ids = all(service, sql);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    /** The first column of every row of {@code sql}; ?1 is a path pattern matching the subtree. */
    List<UUID> all(DangjianService service, String sql) {
        try (Connection c = DriverManager.getConnection(system.stack().postgres().jdbcUrl(service.database()),
                PostgresServer.USER, "");
                PreparedStatement statement = c.prepareStatement(sql.replace("?1", "?"))) {
            statement.setString(1, "%/" + subtree + "/%");
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(service + ": " + sql, e);
        }
    }

    private static DangjianService serviceOf(String kind) {
        return DangjianService.valueOf(kind.substring(0, kind.indexOf('-')).toUpperCase());
    }

    private static final String IN_A = " join org_unit u on u.id = x.org_id where u.path like ?1 order by x.id limit 1";
    private static final String ORG_IN_A = " where organization_id in (select id from organization where path like ?1) order by id limit 1";

    /** Where a record of each kind lives; ?1 is a path pattern matching the subtree. */
    private static final Map<String, String> SQL = Map.ofEntries(
            Map.entry("organization-service:organizations",
                    "select id from organization where path like ?1 and type = 'BRANCH' and status = 'ACTIVE' order by path limit 1"),
            Map.entry("organization-service:units", "select id from unit" + ORG_IN_A),
            Map.entry("organization-service:pairings", "select id from pairing" + ORG_IN_A),
            Map.entry("organization-service:grids", "select id from grid" + ORG_IN_A),
            // a seat of the first branch, the organization "organizations" names
            Map.entry("organization-service:seats", "select s.id from leadership_seat s join organization o on o.id = s.organization_id "
                    + "where o.path like ?1 and o.type = 'BRANCH' and o.status = 'ACTIVE' and s.ended_on is null order by o.path, s.id limit 1"),
            Map.entry("organization-service:assessment-sets", "select id from assessment_set" + ORG_IN_A),
            Map.entry("organization-service:assessments", "select id from assessment" + ORG_IN_A),
            // A full member of the subtree's first branch (as "organizations" is), in no transfer: bodies that name a
            // branch and a member of it then agree, and the demo's transfer in flight does not get in the way.
            Map.entry("member-service:members", "select x.id from member x join org_unit u on u.id = x.org_id where u.path like ?1 "
                    + "and x.stage = 'FULL' and x.ended_on is null and x.branch_dissolved_on is null and not exists (select 1 from transfer t where t.member_id = x.id) "
                    + "order by u.path, x.id limit 1"),
            Map.entry("organization-service:groups",
                    "select id from organization where path like ?1 and type = 'GROUP' and status = 'ACTIVE' order by path limit 1"),
            Map.entry("member-service:transfers", "select x.id from transfer x join org_unit u on u.id = x.from_org_id "
                    + "where u.path like ?1 order by x.id limit 1"),
            Map.entry("member-service:organization-tree", "select id from org_unit where path like ?1 and type = 'BRANCH' order by path limit 1"),
            Map.entry("activity-service:activities", "select x.id from activity x" + IN_A),
            Map.entry("activity-service:organizations", "select id from org_unit where path like ?1 and type = 'BRANCH' order by path limit 1"),
            Map.entry("activity-service:members", "select x.member_id from roster_member x" + IN_A.replace("x.id", "x.member_id")),
            Map.entry("activity-service:organization-tree", "select id from org_unit where path like ?1 and type = 'BRANCH' order by path limit 1"),
            Map.entry("assistance-service:funds", "select x.id from fund x" + IN_A),
            Map.entry("assistance-service:beneficiaries", "select x.id from beneficiary x" + IN_A),
            Map.entry("assistance-service:cases", "select x.id from assistance_case x" + IN_A),
            Map.entry("assistance-service:campaigns", "select x.id from condolence_campaign x" + IN_A),
            Map.entry("assistance-service:recipients", "select r.id from campaign_recipient r join condolence_campaign x on x.id = r.campaign_id "
                    + "join org_unit u on u.id = x.org_id where u.path like ?1 order by x.id, r.id limit 1"),
            Map.entry("assistance-service:objections", "select o.id from case_objection o join assistance_case x on x.id = o.case_id "
                    + "join org_unit u on u.id = x.org_id where u.path like ?1 order by x.id, o.id limit 1"),
            Map.entry("assistance-service:pairings", "select x.id from pairing x join beneficiary b on b.id = x.beneficiary_id "
                    + "join org_unit u on u.id = b.org_id where u.path like ?1 order by x.id limit 1"),
            Map.entry("assistance-service:visits", "select x.id from visit_log x join beneficiary b on b.id = x.beneficiary_id "
                    + "join org_unit u on u.id = b.org_id where u.path like ?1 order by x.id limit 1"),
            Map.entry("assistance-service:organization-tree", "select id from org_unit where path like ?1 and type = 'BRANCH' order by path limit 1"));
}
