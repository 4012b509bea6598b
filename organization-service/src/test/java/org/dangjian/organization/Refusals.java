package org.dangjian.organization;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * How a refused reference must look: the same request sent once with an id of another subtree and once with an id
 * nobody ever used gets the same problem (status, code, title, detail, instance, field errors), differing only in
 * the id sent, with nothing of the foreign record in it, and no row of either subtree changed.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Sends {@code request} with each id and asserts the answers are alike and refused with {@code status} and
     * {@code code}; none may contain any of {@code secrets} (names and ids of the foreign records other than the
     * id sent).
     */
    public static void alike(int status, String code, Function<UUID, ExtractableResponse<Response>> request,
            List<UUID> ids, List<?> secrets) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (UUID id : ids) {
            ExtractableResponse<Response> answer = request.apply(id);
            String body = answer.asString();
            assertEquals(status, answer.statusCode(), body);
            assertEquals("application/problem+json", answer.contentType(), body);
            assertEquals(code, answer.path("code"), body);
            for (Object secret : secrets) {
                if (!secret.toString().equals(id.toString())) {
                    assertFalse(body.contains(secret.toString()), "the answer shows " + secret + ": " + body);
                }
            }
            Map<String, Object> problem = new LinkedHashMap<>(answer.jsonPath().getMap("$"));
            problem.replaceAll((k, v) -> String.valueOf(v).replace(id.toString(), "<id>"));
            problems.add(problem);
        }
        problems.forEach(p -> assertEquals(problems.get(0), p, "every refused id answers alike"));
    }

    /**
     * Everything stored about the organizations of these subtrees (the nodes, their history, seats, grids and
     * their members, pairings, units, assessment sets and assessments, audit entries, events written), as one
     * comparable text: equal before and after a refused request means it changed nothing.
     */
    public static String state(UUID... roots) {
        String subtree = """
                select o.id from organization o join organization r on o.path like r.path || '%'
                where r.id in (:roots)""";
        String[] tables = {
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from organization x where x.id in (" + subtree + ")",
            "select count(*) from organization_history x where x.organization_id in (" + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from leadership_seat x where x.organization_id in ("
                    + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.organization_id), '')) from leadership_team x "
                    + "where x.organization_id in (" + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from grid x where x.organization_id in (" + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by cast(x as text)), '')) from grid_member x join grid g on g.id = x.grid_id "
                    + "where g.organization_id in (" + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from pairing x where x.organization_id in ("
                    + subtree + ") or x.partner_id in (" + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from unit x where x.organization_id in ("
                    + subtree + ") or x.covering_organization_id in (" + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from assessment_set x where x.organization_id in ("
                    + subtree + ")",
            "select md5(coalesce(string_agg(cast(x as text), '|' order by x.id), '')) from assessment x where x.organization_id in ("
                    + subtree + ")",
            "select count(*) from audit_entry x where x.org_id in (" + subtree + ")",
            // published_at changes as the relay sends them: only their number says whether one was written
            "select count(*) from outbox_event x where x.aggregate_id in (" + subtree + ")",
        };
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder state = new StringBuilder();
            for (String sql : tables) {
                state.append(em.createNativeQuery(sql).setParameter("roots", List.of(roots)).getSingleResult()).append('\n');
            }
            return state.toString();
        });
    }
}
