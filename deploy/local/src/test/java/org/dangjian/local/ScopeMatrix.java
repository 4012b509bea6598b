package org.dangjian.local;

import org.dangjian.platform.localstack.Tokens;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    private static final HttpClient HTTP = RequestGenerator.HTTP;

    record Result(List<SecurityMatrix.Outcome> outcomes, List<String> unrestricted, List<String> withoutRecord) {
    }

    private final LocalSystem system;
    private final UUID subtreeA;
    private final UUID subtreeB;
    private final SubtreeRecords recordsOfA;

    ScopeMatrix(LocalSystem system, UUID subtreeA, UUID subtreeB) {
        this.system = system;
        this.subtreeA = subtreeA;
        this.subtreeB = subtreeB;
        this.recordsOfA = new SubtreeRecords(system, subtreeA);
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

    private Optional<UUID> record(DangjianService service, String segment) {
        return recordsOfA.of(service, segment);
    }

    private UUID branchOf(UUID member) {
        return recordsOfA.branchOf(member);
    }

    private Collection<UUID> allRecordsOfA() {
        return recordsOfA.all();
    }
}
