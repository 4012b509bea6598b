package org.dangjian.assistance.assistancecase;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.dangjian.assistance.OrgTreeFixture;
import org.dangjian.assistance.People;
import org.dangjian.platform.api.Caller;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.dangjian.assistance.Api.as;

/**
 * Drives cases through the API as case workers do, with 2025 dates (steps are recorded after the
 * fact): applied 1 March, verified 2 March, reviewed and approved 3 March, notice from Monday 3
 * March to Friday 7 March, paid 10 March, visited 1 April, closed 2 April.
 */
public final class CaseFlow {

    /** A committee's fund with a 2025 budget and a resident of one of its branches. */
    public record Setup(OrgTreeFixture.Tree tree, UUID fund, UUID beneficiary) {

        public UUID branch() {
            return tree.branch();
        }
    }

    private CaseFlow() {
    }

    public static Setup setup(OrgTreeFixture orgs, String budget) {
        OrgTreeFixture.Tree tree = orgs.tree();
        UUID fund = fund(() -> as(Caller.ORG_ADMIN, tree.committee()), tree.committee(), "RETAINED_DUES", "党费留存", budget);
        UUID beneficiary = beneficiary(() -> as(Caller.BRANCH_SECRETARY, tree.branch()),
                People.resident(tree.branch(), People.nationalId()));
        return new Setup(tree, fund, beneficiary);
    }

    /** A fund of {@code orgId} opened with a 2025 budget by the caller {@code as} makes requests for. */
    public static UUID fund(Supplier<RequestSpecification> as, UUID orgId, String kind, String name, String budget) {
        UUID fund = UUID.fromString(as.get().body(Map.of("orgId", orgId, "kind", kind, "name", name))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id"));
        as.get().body(Map.of("amount", budget)).put("/api/v1/funds/" + fund + "/budgets/2025").then().statusCode(200);
        return fund;
    }

    /** A beneficiary registered from {@code body} ({@link People#resident}, {@link People#member}) by that caller. */
    public static UUID beneficiary(Supplier<RequestSpecification> as, Map<String, Object> body) {
        return UUID.fromString(as.get().body(body).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id"));
    }

    public static String apply(Setup s, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("beneficiaryId", s.beneficiary());
        body.put("category", "ILLNESS");
        body.put("requestedAmount", amount);
        body.put("description", "住院治疗，自付医药费约两万元");
        body.put("appliedOn", "2025-03-01");
        return as(Caller.BRANCH_SECRETARY, s.branch()).body(body).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    public static ValidatableResponse step(String role, UUID orgId, String caseId, String step, Map<String, ?> body) {
        return as(role, orgId).body(body).post("/api/v1/cases/" + caseId + "/" + step).then();
    }

    public static ValidatableResponse secretary(Setup s, String caseId, String step, Map<String, ?> body) {
        return step(Caller.BRANCH_SECRETARY, s.branch(), caseId, step, body);
    }

    public static String reviewed(Setup s, String amount) {
        String id = apply(s, amount);
        secretary(s, id, "verification", Map.of("visitedOn", "2025-03-02", "findings", "家中确有困难")).statusCode(200);
        secretary(s, id, "branch-review", Map.of("on", "2025-03-03", "note", "支委会同意")).statusCode(200);
        return id;
    }

    public static String approved(Setup s, String amount) {
        String id = reviewed(s, amount);
        secretary(s, id, "approval", Map.of("on", "2025-03-03")).statusCode(200);
        return id;
    }

    public static String noticed(Setup s, String amount) {
        String id = approved(s, amount);
        secretary(s, id, "public-notice", Map.of("startsOn", "2025-03-03")).statusCode(200);
        return id;
    }

    public static String disbursed(Setup s, String amount) {
        String id = noticed(s, amount);
        disburse(s, id, "2025-03-10").statusCode(200);
        return id;
    }

    public static ValidatableResponse disburse(Setup s, String caseId, String on) {
        return step(Caller.ORG_ADMIN, s.tree().committee(), caseId, "disbursement", Map.of("fundId", s.fund(), "disbursedOn", on));
    }
}
