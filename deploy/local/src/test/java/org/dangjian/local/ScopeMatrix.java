package org.dangjian.local;

import org.dangjian.platform.localstack.PostgresServer;
import org.dangjian.platform.localstack.Tokens;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data-scope rows of the security matrix, generated from the same OpenAPI operations: each
 * operation is called with a role it allows, on a real record of subtree A (the demo data's
 * 西城镇党委), once by a caller scoped to a sibling subtree B (东坪镇党委) — it must be refused as
 * not found (404; a write may be refused for its body first, 400) and must not leak A's ids — and,
 * for reads, once by a caller scoped to A, which must get 200: the same request succeeds in scope,
 * so the 404 is the scope's doing, not a wrong id.
 */
final class ScopeMatrix {

    /** Roles whose data scope is the token's subtree or the member's own record; platform-admin has no scope. */
    private static final List<String> SCOPED_ROLES = List.of("org-admin", "branch-secretary", "auditor", "integration", "member");
    private static final Pattern FIRST_PARAMETER = Pattern.compile("/([a-z-]+)/\\{[^}]+}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Result(List<SecurityMatrix.Outcome> outcomes, List<String> unrestricted, List<String> withoutRecord) {
    }

    private final LocalSystem system;
    private final UUID subtreeA;
    private final UUID subtreeB;
    private final Map<String, Optional<UUID>> records = new LinkedHashMap<>();

    ScopeMatrix(LocalSystem system, UUID subtreeA, UUID subtreeB) {
        this.system = system;
        this.subtreeA = subtreeA;
        this.subtreeB = subtreeB;
    }

    Result run(List<SecurityMatrix.Operation> operations) throws Exception {
        List<SecurityMatrix.Outcome> outcomes = new ArrayList<>();
        List<String> unrestricted = new ArrayList<>();
        List<String> withoutRecord = new ArrayList<>();
        Collection<UUID> idsOfA = null;
        for (SecurityMatrix.Operation op : operations) {
            String name = op.service().module() + " " + op.method().toUpperCase() + " " + op.path();
            Optional<String> role = SCOPED_ROLES.stream().filter(op.roles()::contains).findFirst();
            if (role.isEmpty()) {
                unrestricted.add(name);
                continue;
            }
            Matcher first = FIRST_PARAMETER.matcher(op.path());
            String segment = first.find() ? first.group(1) : null;
            boolean read = op.method().equals("get");
            UUID member = record(DangjianService.MEMBER, "members").orElseThrow();
            String other = token(role.get(), subtreeB, UUID.randomUUID());
            if (segment != null) {
                Optional<UUID> record = record(op.service(), segment);
                if (record.isEmpty()) {
                    withoutRecord.add(name);
                    continue;
                }
                String path = SecurityMatrix.concrete(first.replaceFirst("/" + segment + "/" + record.get())) + query(op.path());
                Reply refused = call(op, path, other);
                int expected = !read && refused.status() == 400 ? 400 : 404;
                outcomes.add(new SecurityMatrix.Outcome(op, "other subtree as " + role.get(), expected, refused.status()));
                boolean ownRecordOfThisRole = !role.get().equals("member") || segment.equals("members");
                if (read && ownRecordOfThisRole) {
                    String own = role.get().equals("member") ? token("member", branchOf(member), member)
                            : token(role.get(), subtreeA, UUID.randomUUID());
                    UUID ownRecord = role.get().equals("member") ? member : record.get();
                    String ownPath = SecurityMatrix.concrete(first.replaceFirst("/" + segment + "/" + ownRecord)) + query(op.path());
                    Reply allowed = call(op, ownPath, own);
                    // Past the scope check, a missing sub-record (no mobility registration, a random visit id)
                    // is a 404 of another code than the record's own "not found": still in scope.
                    boolean inScope = allowed.status() == 200
                            || allowed.status() == 404 && !code(allowed).equals(code(refused));
                    outcomes.add(new SecurityMatrix.Outcome(op, "own scope as " + role.get(), 200,
                            inScope ? 200 : allowed.status()));
                }
            } else {
                // A collection: whatever it answers a caller of B, nothing of A may be in it, and no write succeeds.
                if (idsOfA == null) {
                    idsOfA = allRecordsOfA();
                }
                Reply reply = call(op, SecurityMatrix.concrete(op.path()) + (read ? query(op.path()) : ""), other);
                boolean leaks = idsOfA.stream().anyMatch(id -> reply.body().contains(id.toString()));
                boolean refusedOrClean = read ? reply.status() < 500 && !leaks : reply.status() >= 400 && reply.status() < 500;
                outcomes.add(new SecurityMatrix.Outcome(op, "other subtree as " + role.get() + (leaks ? " (leaks A)" : ""),
                        refusedOrClean ? reply.status() : -1, reply.status()));
            }
        }
        return new Result(outcomes, unrestricted, withoutRecord);
    }

    private String token(String role, UUID orgId, UUID memberId) {
        return Tokens.issue(system.stack().oidc(), "scope-" + role, role, orgId, memberId);
    }

    record Reply(int status, String body) {
    }

    /** Query parameters some reads require (a year; a day, or for dues a month); the others ignore them. */
    private static String query(String path) {
        return "?year=2025&asOf=" + (path.contains("/dues") ? "2025-12" : "2025-12-31");
    }

    private static String code(Reply reply) {
        java.util.regex.Matcher code = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(reply.body());
        return code.find() ? code.group(1) : "";
    }

    private Reply call(SecurityMatrix.Operation op, String path, String token) {
        try {
            HttpResponse<String> response = HTTP.send(SecurityMatrix.request(system.baseUrl(op.service()), op, path, token),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(op + ": " + e, e);
        }
    }

    /** One record of subtree A of the kind a path segment names, read from the owning service's database. */
    private Optional<UUID> record(DangjianService service, String segment) {
        String key = service.module() + ":" + segment;
        if (!records.containsKey(key)) {
            records.put(key, Optional.ofNullable(SQL.get(key)).flatMap(sql -> first(service, sql)));
        }
        return records.get(key);
    }

    private UUID branchOf(UUID member) {
        return first(DangjianService.MEMBER, "select org_id from member where id = '" + member + "' and ?1 is not null")
                .orElseThrow();
    }

    private Collection<UUID> allRecordsOfA() {
        List<UUID> ids = new ArrayList<>();
        SQL.forEach((key, sql) -> {
            DangjianService service = DangjianService.valueOf(key.substring(0, key.indexOf('-')).toUpperCase());
            first(service, sql).ifPresent(ids::add);
        });
        return ids;
    }

    private Optional<UUID> first(DangjianService service, String sql) {
        try (Connection c = DriverManager.getConnection(system.stack().postgres().jdbcUrl(service.database()),
                PostgresServer.USER, "");
                PreparedStatement statement = c.prepareStatement(sql.replace("?1", "?"))) {
            statement.setString(1, "%/" + subtreeA + "/%");
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (Exception e) {
            throw new IllegalStateException(service + ": " + sql, e);
        }
    }

    private static final String IN_A = " join org_unit u on u.id = x.org_id where u.path like ?1 order by x.id limit 1";
    private static final String ORG_IN_A = " where organization_id in (select id from organization where path like ?1) order by id limit 1";

    /** Where a record of each kind lives; ?1 is a path pattern matching subtree A. */
    private static final Map<String, String> SQL = Map.ofEntries(
            Map.entry("organization-service:organizations",
                    "select id from organization where path like ?1 and type = 'BRANCH' and status = 'ACTIVE' order by path limit 1"),
            Map.entry("organization-service:units", "select id from unit" + ORG_IN_A),
            Map.entry("organization-service:pairings", "select id from pairing" + ORG_IN_A),
            Map.entry("organization-service:grids", "select id from grid" + ORG_IN_A),
            Map.entry("organization-service:assessment-sets", "select id from assessment_set" + ORG_IN_A),
            Map.entry("organization-service:assessments", "select id from assessment" + ORG_IN_A),
            Map.entry("member-service:members", "select x.id from member x" + IN_A),
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
            Map.entry("assistance-service:pairings", "select x.id from pairing x join beneficiary b on b.id = x.beneficiary_id "
                    + "join org_unit u on u.id = b.org_id where u.path like ?1 order by x.id limit 1"),
            Map.entry("assistance-service:visits", "select x.id from visit_log x join beneficiary b on b.id = x.beneficiary_id "
                    + "join org_unit u on u.id = b.org_id where u.path like ?1 order by x.id limit 1"),
            Map.entry("assistance-service:organization-tree", "select id from org_unit where path like ?1 and type = 'BRANCH' order by path limit 1"));
}
