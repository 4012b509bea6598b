package org.dangjian.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scope for every id a request carries (issue 23, item 1), generated from the four OpenAPI documents: for every
 * operation a scoped role may call, a caller of subtree A (the demo data's 西城镇党委) sends a request on real
 * records of A whose body is generated from the operation's request schema with every UUID field naming a record
 * of A of the kind its name says. Then each id after the path's first — every UUID field of the body (nested, in
 * arrays), every id query parameter, every later path id — is replaced, one at a time, once by the id of a record
 * of the same kind in the sibling subtree B (东坪镇党委) and once by a random UUID. Both must answer alike: the
 * same status (4xx for a write), the same problem code and body but for the id; the foreign one must show nothing
 * of B (no other id of B's records, not B's member's name); and nothing may change in any database.
 *
 * <p>Afterwards the unaltered requests are sent too (once every comparison is done, since they may succeed and
 * change data), so the report shows per operation whether the generated request itself gets through: where it
 * is refused for another reason, the comparison still holds but says less.
 */
final class BodyScopeMatrix {

    /** Roles whose data scope is the token's subtree or the member's own record, in the order one is chosen. */
    static final List<String> SCOPED_ROLES = List.of("org-admin", "branch-secretary", "auditor", "integration", "member");

    /** An id a request may name outside the caller's subtree on purpose, with why. */
    record AllowedForeignId(DangjianService service, String method, String path, String field, String reason) {
    }

    /** Documented exceptions: only these may name a record of another subtree; they are still checked with a random id. */
    static final List<AllowedForeignId> ALLOWED = List.of(
            new AllowedForeignId(DangjianService.MEMBER, "post", "/api/v1/transfers", "toOrgId",
                    "组织关系转接: the letter names the receiving branch anywhere on the platform, which then accepts or rejects it"),
            new AllowedForeignId(DangjianService.MEMBER, "post", "/api/v1/members/{id}/mobility", "hostOrgId",
                    "流入地党组织: the branch a mobile member attends where they are, by nature outside their home subtree"));

    /** One id swapped: the answers to the id of B's record and to a random one, and what is wrong (null: nothing). */
    record Case(SecurityMatrix.Operation op, RequestGenerator.Slot slot, RequestGenerator.Reply foreign,
            RequestGenerator.Reply unknown, String failure) {

        @Override
        public String toString() {
            return "%s %s %s, %s (%s): %s%s".formatted(op.service().module(), op.method().toUpperCase(), op.path(), slot,
                    slot.kind(), failure == null ? "alike" : failure,
                    foreign == null ? "" : " | foreign " + foreign.status() + " " + foreign.head() + " | unknown "
                            + unknown.status() + " " + unknown.head());
        }
    }

    /** What one operation was asked, and how its unaltered request was answered. */
    record Coverage(SecurityMatrix.Operation op, String role, int ids, List<String> notes, RequestGenerator.Reply base) {

        @Override
        public String toString() {
            return "%s %s %s as %s: %d ids swapped; generated request %s%s".formatted(op.service().module(), op.method().toUpperCase(),
                    op.path(), role, ids, base == null ? "not sent" : base.status() < 300 ? "succeeded (" + base.status() + ")"
                            : "refused " + base.status() + " " + base.code(), notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        }
    }

    record Result(List<Case> cases, List<Coverage> coverage, List<String> unrestricted, List<String> failures) {

        long bodyFields() {
            return cases.stream().filter(c -> c.slot().where().equals("body")).count();
        }

        long parameters() {
            return cases.size() - bodyFields();
        }
    }

    private final LocalSystem system;
    private final SubtreeRecords recordsOfA;
    private final SubtreeRecords recordsOfB;

    BodyScopeMatrix(LocalSystem system, UUID subtreeA, UUID subtreeB) {
        this.system = system;
        this.recordsOfA = new SubtreeRecords(system, subtreeA);
        this.recordsOfB = new SubtreeRecords(system, subtreeB);
    }

    /**
     * Records of B of the kinds a request names that the demo data keeps in A only (a fund, a grid, a resident
     * beneficiary and a visit to them), and a party group (党小组) in the first branch of each subtree, created as
     * platform-admin before the matrix counts the rows: the foreign ids must be real.
     */
    void ensureRecords() {
        Client admin = new Client(system, system.adminToken());
        UUID branch = recordsOfB.of("organization-service:organizations").orElseThrow();
        for (SubtreeRecords records : List.of(recordsOfA, recordsOfB)) {
            if (records.of("organization-service:groups").isEmpty()) {
                UUID group = UUID.fromString(admin.post(DangjianService.ORGANIZATION, "/api/v1/organizations", json()
                        .put("name", "第一党小组").put("type", "GROUP")
                        .put("parentId", records.of("organization-service:organizations").orElseThrow().toString()).toString(), 201)
                        .get("id").asText());
                // member-service checks a group against its copy of the tree
                admin.await(DangjianService.MEMBER, "/api/v1/organization-tree/" + group, n -> true);
            }
        }
        if (recordsOfB.of("organization-service:grids").isEmpty()) {
            admin.post(DangjianService.ORGANIZATION, "/api/v1/grids", json().put("organizationId", branch.toString())
                    .put("name", "东坪镇第1网格").put("leaderName", "陈格长").put("area", "东坪村1组").toString(), 201);
        }
        if (recordsOfB.of("assistance-service:funds").isEmpty()) {
            admin.post(DangjianService.ASSISTANCE, "/api/v1/funds", json().put("orgId", recordsOfB.subtree().toString())
                    .put("kind", "SPECIAL").put("name", "东坪镇困难群众专项帮扶资金").toString(), 201);
        }
        if (recordsOfB.of("assistance-service:beneficiaries").isEmpty()) {
            ObjectNode resident = json().put("kind", "RESIDENT").put("orgId", branch.toString()).put("name", "东坪保密居民")
                    .put("nationalId", RequestGenerator.nationalId());
            resident.putArray("categories").add("ELDERLY_ALONE");
            admin.post(DangjianService.ASSISTANCE, "/api/v1/beneficiaries", resident.toString(), 201);
        }
        recordsOfB.refresh();
        if (recordsOfB.of("assistance-service:visits").isEmpty()) {
            admin.post(DangjianService.ASSISTANCE, "/api/v1/visits", json()
                    .put("beneficiaryId", recordsOfB.of("assistance-service:beneficiaries").orElseThrow().toString())
                    .put("visitedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString())
                    .put("findings", "走访：身体状况尚可").toString(), 201);
        }
        recordsOfB.refresh();
        if (recordsOfB.of("assistance-service:recipients").isEmpty()) {
            String fund = recordsOfB.of("assistance-service:funds").orElseThrow().toString();
            admin.put(DangjianService.ASSISTANCE, "/api/v1/funds/" + fund + "/budgets/" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear(),
                    json().put("amount", "10000.00").toString(), 200);
            String campaign = admin.post(DangjianService.ASSISTANCE, "/api/v1/campaigns", json().put("orgId", recordsOfB.subtree().toString())
                    .put("fundId", fund).put("name", "东坪镇春节走访慰问").put("occasion", "SPRING_FESTIVAL").toString(), 201).get("id").asText();
            admin.post(DangjianService.ASSISTANCE, "/api/v1/campaigns/" + campaign + "/recipients", json()
                    .put("beneficiaryId", recordsOfB.of("assistance-service:beneficiaries").orElseThrow().toString())
                    .put("amount", "300.00").toString(), 201);
        }
        recordsOfB.refresh();
        recordsOfA.refresh();
    }

    /** The comparisons, for every operation a scoped role may call; the unaltered requests are kept for {@link #sendBases}. */
    Result run(List<SecurityMatrix.Operation> operations) {
        RequestGenerator generator = new RequestGenerator(system, recordsOfA);
        List<Case> cases = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        List<String> unrestricted = new ArrayList<>();
        UUID foreignMember = recordsOfB.of("member-service:members").orElseThrow();
        String foreignName = recordsOfB.nameOf(foreignMember);
        Set<String> idsOfB = new HashSet<>();
        recordsOfB.all().forEach(id -> idsOfB.add(id.toString()));
        idsOfB.add(recordsOfB.subtree().toString());
        for (SecurityMatrix.Operation op : operations) {
            Optional<String> role = SCOPED_ROLES.stream().filter(op.roles()::contains).findFirst();
            if (role.isEmpty()) {
                unrestricted.add(op.service().module() + " " + op.method().toUpperCase() + " " + op.path());
                continue;
            }
            RequestGenerator.Request request = generator.request(op);
            for (RequestGenerator.Slot slot : request.slots()) {
                // a field that may name another subtree does so in the request itself, as its use intends
                if (allowed(op, slot).isPresent() && recordsOfB.of(slot.kind()).isPresent()) {
                    request = request.with(slot, recordsOfB.of(slot.kind()).get().toString());
                }
            }
            String token = generator.token(role.get());
            List<String> notes = new ArrayList<>(request.notes());
            int swapped = 0;
            for (RequestGenerator.Slot slot : request.slots()) {
                Optional<UUID> foreign = recordsOfB.of(slot.kind());
                Optional<AllowedForeignId> allowed = allowed(op, slot);
                String unknownId = UUID.randomUUID().toString();
                RequestGenerator.Reply unknown = generator.send(request.with(slot, unknownId), token);
                if (allowed.isPresent()) {
                    notes.add(slot + " may name another subtree (" + allowed.get().reason() + "): random id only");
                    String failure = unknown.status() >= 400 && unknown.status() < 500 ? null : "a random id answered " + unknown.status();
                    cases.add(new Case(op, slot, null, unknown, failure));
                    continue;
                }
                if (foreign.isEmpty()) {
                    // the demo data has none in either subtree (a case objection): nothing to compare with, said aloud
                    notes.add(slot + ": subtree B has no record of kind " + slot.kind() + ", random id only");
                    String failure = unknown.status() >= 400 && unknown.status() < 500 || op.method().equals("get") && unknown.status() < 500
                            ? null : "a random id answered " + unknown.status();
                    cases.add(new Case(op, slot, null, unknown, failure));
                    continue;
                }
                String foreignId = foreign.get().toString();
                RequestGenerator.Reply answer = generator.send(request.with(slot, foreignId), token);
                swapped++;
                cases.add(new Case(op, slot, answer, unknown, compare(op, answer, foreignId, unknown, unknownId, idsOfB, foreignName)));
            }
            coverage.add(new Coverage(op, role.get(), swapped, notes, null));
            bases.add(new Base(request, token));
        }
        List<String> failures = cases.stream().filter(c -> c.failure() != null).map(Case::toString).toList();
        return new Result(cases, coverage, unrestricted, failures);
    }

    private static Optional<AllowedForeignId> allowed(SecurityMatrix.Operation op, RequestGenerator.Slot slot) {
        return ALLOWED.stream().filter(a -> a.service() == op.service() && a.method().equals(op.method()) && a.path().equals(op.path())
                && a.field().equals(slot.name())).findFirst();
    }

    private record Base(RequestGenerator.Request request, String token) {
    }

    private final List<Base> bases = new ArrayList<>();

    /**
     * The unaltered requests, sent after every comparison (they may succeed and change data): reads first, then
     * writes, those that end or reshape a record last, so one's success disturbs the others as little as possible.
     */
    List<Coverage> sendBases(Result result) {
        RequestGenerator generator = new RequestGenerator(system, recordsOfA);
        List<Base> ordered = new ArrayList<>(bases);
        ordered.sort(Comparator.comparingInt(b -> disturbance(b.request().op())));
        java.util.Map<SecurityMatrix.Operation, RequestGenerator.Reply> replies = new java.util.HashMap<>();
        for (Base base : ordered) {
            replies.put(base.request().op(), generator.send(base.request(), base.token()));
        }
        return result.coverage().stream().map(c -> new Coverage(c.op(), c.role(), c.ids(), c.notes(), replies.get(c.op()))).toList();
    }

    private static int disturbance(SecurityMatrix.Operation op) {
        if (op.method().equals("get")) {
            return 0;
        }
        return op.path().matches(".*/(dissolve|merge|split|move|stage-changes|reassign|reassignment|reassignments|end|cancel|closure|"
                + "rejection|leave|transfers|accept|reject)$") ? 2 : 1;
    }

    /** Null when the two answers are alike and the foreign one shows nothing of B; else what differs. */
    static String compare(SecurityMatrix.Operation op, RequestGenerator.Reply foreign, String foreignId, RequestGenerator.Reply unknown,
            String unknownId, Collection<String> idsOfB, String foreignName) {
        boolean read = op.method().equals("get");
        String foreignBody = foreign.body().replace(foreignId, "<id>");
        String unknownBody = unknown.body().replace(unknownId, "<id>");
        if (foreign.status() >= 500 || unknown.status() >= 500 || foreign.status() < 0 || unknown.status() < 0) {
            return "server error (foreign " + foreign.status() + ", unknown " + unknown.status() + ")";
        }
        if (foreign.status() != unknown.status()) {
            return "foreign id answered " + foreign.status() + " " + foreign.code() + ", unknown id " + unknown.status() + " " + unknown.code();
        }
        if (!read && foreign.status() < 400) {
            return "both ids accepted (" + foreign.status() + ")";
        }
        if (!foreign.code().equals(unknown.code())) {
            return "codes differ: foreign " + foreign.code() + ", unknown " + unknown.code();
        }
        if (!foreignBody.equals(unknownBody)) {
            return read && foreign.status() < 400 ? "foreign id answered other data than an unknown one" : "problem bodies differ but for the id";
        }
        for (String id : idsOfB) {
            if (!id.equals(foreignId) && foreign.body().contains(id)) {
                return "the answer to the foreign id shows B's record " + id;
            }
        }
        if (foreignName != null && foreign.body().contains(foreignName)) {
            return "the answer to the foreign id shows B's member's name";
        }
        return null;
    }

    private static ObjectNode json() {
        return RequestGenerator.JSON.createObjectNode();
    }
}
