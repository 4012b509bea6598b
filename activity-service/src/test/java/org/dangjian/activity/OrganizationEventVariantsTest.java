package org.dangjian.activity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.dangjian.activity.Fixtures.Org;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.dangjian.activity.Activities.planned;
import static org.dangjian.activity.Fixtures.*;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every variant of every organization.* event that organization-service's schemas allow (each type and sector,
 * sector null or absent, a root without parent, a dissolution with and without mergedIntoId, a split keeping or
 * dissolving the original, a team with and without endedSeats or a term) sent through the real topic to the
 * three consumer groups reading it: the tree copy, the dissolution reaction and the leadership copy. Each group
 * applies the variant with its documented effect or passes over a type it does not read, and none dead-letters it.
 */
@QuarkusTest
class OrganizationEventVariantsTest {

    private static final String PRODUCER = "organization-service";
    private static final String TREE = "activity-service.org-tree";
    private static final String DISSOLUTION = "activity-service.dissolution";
    private static final String LEADERSHIP = "activity-service.leadership";
    private static final List<String> TYPES = List.of("COMMITTEE", "WORKING_COMMITTEE", "GENERAL_BRANCH", "BRANCH",
            "JOINT_BRANCH", "TEMPORARY_BRANCH", "GROUP");
    private static final List<String> SECTORS = List.of("GOVERNMENT_ORGAN", "PUBLIC_INSTITUTION", "STATE_ENTERPRISE",
            "NON_PUBLIC_ENTERPRISE", "SOCIAL_ORGANIZATION", "VILLAGE", "COMMUNITY", "SCHOOL", "MOBILE", "RETURNED_GRADUATES");
    private static final LocalDate D = LocalDate.of(2025, 3, 10);

    /** A committee and a branch under it (in the tree copy, version 0) with an activity planned, before the variant. */
    record Given(Org committee, Org branch, UUID plannedActivity) {
    }

    /** One variant: the event's type, its data, which consumer applies it (the others pass it over) and the effect. */
    record Variant(String name, String type, Function<Given, ObjectNode> data, List<String> appliedBy, Consumer<Given> then) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        List<Variant> v = new ArrayList<>();
        // every type, and every sector, null and absent among them
        List<String> sectors = new ArrayList<>(SECTORS);
        sectors.add("null");
        sectors.add("absent");
        for (int i = 0; i < sectors.size(); i++) {
            String type = TYPES.get(i % TYPES.size());
            String sector = sectors.get(i);
            UUID id = UUID.randomUUID();
            v.add(new Variant("organization.established " + type + ", sector " + sector, "organization.established",
                    g -> sector(node(id, g.committee(), type, "ACTIVE", 0), sector), List.of(TREE),
                    g -> assertEquals(1, count("select count(*) from org_unit where id = ?1 and type = ?2 and status = 'ACTIVE'",
                            id, type))));
        }
        v.add(new Variant("organization.established root (parentId null)", "organization.established",
                g -> root(UUID.randomUUID()), List.of(TREE), g -> {
                }));
        v.add(new Variant("organization.established root (parentId absent)", "organization.established",
                g -> {
                    ObjectNode d = root(UUID.randomUUID());
                    d.remove("parentId");
                    return d;
                }, List.of(TREE), g -> {
                }));
        v.add(new Variant("organization.changed: renamed", "organization.changed",
                g -> node(g.branch().id(), g.committee(), "BRANCH", "ACTIVE", 1).put("name", "更名后的支部"), List.of(TREE),
                g -> assertEquals(1, count("select count(*) from org_unit where id = ?1 and name = '更名后的支部'", g.branch().id()))));
        v.add(new Variant("organization.moved under another parent", "organization.moved", g -> {
            Org other = Fixtures.root();
            return node(g.branch().id(), other, "BRANCH", "ACTIVE", 1).put("oldParentId", g.committee().id().toString())
                    .put("oldPath", g.branch().path());
        }, List.of(TREE), g -> assertEquals(0, count("select count(*) from org_unit where id = ?1 and path = ?2",
                g.branch().id(), g.branch().path()))));
        v.add(new Variant("organization.moved from the top (oldParentId null)", "organization.moved", g -> {
            Org top = Fixtures.root();
            return node(top.id(), g.committee(), "COMMITTEE", "ACTIVE", 1).putNull("oldParentId").put("oldPath", top.path());
        }, List.of(TREE), g -> {
        }));
        v.add(new Variant("organization.moved, oldParentId absent", "organization.moved", g -> {
            Org other = Fixtures.root();
            return node(g.branch().id(), other, "BRANCH", "ACTIVE", 1).put("oldPath", g.branch().path());
        }, List.of(TREE), g -> {
        }));
        for (String merged : List.of("absent", "null", "a survivor")) {
            v.add(new Variant("organization.dissolved, mergedIntoId " + merged, "organization.dissolved", g -> {
                ObjectNode d = dissolved(g, 1);
                if ("null".equals(merged)) {
                    d.putNull("mergedIntoId");
                } else if (!"absent".equals(merged)) {
                    d.put("mergedIntoId", child(g.committee(), "BRANCH").id().toString());
                }
                return d;
            }, List.of(TREE, DISSOLUTION), g -> {
                assertEquals(1, count("select count(*) from org_unit where id = ?1 and status = 'DISSOLVED'", g.branch().id()));
                admin().get("/api/v1/activities/" + g.plannedActivity()).then().statusCode(200)
                        .body("orgDissolvedAt", notNullValue());
            }));
        }
        for (boolean originalDissolved : new boolean[] {false, true}) {
            v.add(new Variant("organization.split, originalDissolved " + originalDissolved, "organization.split", g -> {
                ObjectNode d = node(g.branch().id(), g.committee(), "BRANCH", "ACTIVE", 1).put("splitOn", D.toString())
                        .put("reason", "党员人数超过50人").put("originalDissolved", originalDissolved)
                        .put("memberRule", "listed members go to their part; others stay");
                ObjectNode part = d.putArray("parts").addObject().put("id", UUID.randomUUID().toString()).put("code", "P1")
                        .put("name", "第二支部");
                part.putArray("childIds");
                part.putArray("memberIds").add(UUID.randomUUID().toString());
                return d;
            }, List.of(TREE), g -> assertEquals(1, count("select count(*) from org_unit where id = ?1 and source_version = 1",
                    g.branch().id()))));
        }
        v.add(new Variant("organization.leadership-changed with endedSeats", "organization.leadership-changed", g -> {
            ObjectNode secretary = seat("SECRETARY", UUID.randomUUID(), D.minusYears(1));
            return team(g, 1, List.of(seat("DEPUTY_SECRETARY", UUID.randomUUID(), D)), List.of(endedSeat(secretary, D)));
        }, List.of(LEADERSHIP), g -> {
            assertEquals(1, count("select count(*) from leadership_seat where org_id = ?1 and ended_on is null", g.branch().id()));
            assertEquals(1, count("select count(*) from leadership_seat where org_id = ?1 and ended_on = ?2", g.branch().id(), D));
        }));
        v.add(new Variant("organization.leadership-changed without endedSeats (older events)", "organization.leadership-changed",
                g -> team(g, 1, List.of(seat("SECRETARY", UUID.randomUUID(), D)), null), List.of(LEADERSHIP),
                g -> assertEquals(1, count("select count(*) from leadership_seat where org_id = ?1", g.branch().id()))));
        v.add(new Variant("organization.leadership-changed, every seat, no term (termStartedOn, termEndsOn null)",
                "organization.leadership-changed", g -> {
                    List<ObjectNode> seats = Stream.of("SECRETARY", "DEPUTY_SECRETARY", "ORGANIZATION", "PUBLICITY", "DISCIPLINE",
                            "OTHER").map(s -> seat(s, UUID.randomUUID(), D)).toList();
                    ObjectNode d = team(g, 1, seats, List.of());
                    d.putNull("termStartedOn");
                    d.putNull("termEndsOn");
                    return d;
                }, List.of(LEADERSHIP),
                g -> assertEquals(6, count("select count(*) from leadership_seat where org_id = ?1 and ended_on is null",
                        g.branch().id()))));
        v.add(new Variant("organization.leadership-changed, term absent, no seats", "organization.leadership-changed", g -> {
            ObjectNode d = team(g, 1, List.of(), null);
            d.remove("termStartedOn");
            d.remove("termEndsOn");
            return d;
        }, List.of(LEADERSHIP), g -> assertEquals(1, count(
                "select count(*) from leadership_team where org_id = ?1 and source_version = 1 and term_ends_on is null",
                g.branch().id()))));
        return v.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachVariantTheProducerAllowsIsAppliedOrPassedOverAndNoneDeadLettered(Variant variant) {
        Org committee = Fixtures.root();
        Org branch = child(committee, "BRANCH");
        Given given = new Given(committee, branch, planned(branch.id(), "THEMED_PARTY_DAY", OffsetDateTime.now().plusDays(10)));
        ObjectNode data = variant.data().apply(given);
        ProducerSchemas.assertValid(PRODUCER, variant.type(), data);
        String key = data.has("organizationId") ? data.get("organizationId").asText() : data.get("id").asText();

        UUID event = publishOrganization(variant.type(), key, data);

        variant.appliedBy().forEach(consumer -> awaitProcessed(consumer, event));
        variant.then().accept(given);
        // the next events of the same organization, one read by each group: once applied, every group has passed the variant
        UUID team = publishOrganization("organization.leadership-changed", key, json().put("organizationId", key)
                .put("path", data.path("path").asText(branch.path())).put("version", 100).set("seats", json().arrayNode()));
        UUID dissolution = publishOrganization("organization.dissolved", key, sentinelDissolved(key, data, branch));
        awaitProcessed(LEADERSHIP, team);
        awaitProcessed(DISSOLUTION, dissolution);
        awaitProcessed(TREE, dissolution);
        for (String consumer : List.of(TREE, DISSOLUTION, LEADERSHIP)) {
            if (!variant.appliedBy().contains(consumer)) {
                assertEquals(0, count("select count(*) from processed_event where consumer = ?1 and event_id = ?2", consumer,
                        event), consumer + " passes over " + variant.type());
            }
        }
        assertNull(deadLetter(event));
    }

    private static UUID publishOrganization(String type, String key, ObjectNode data) {
        UUID eventId = UUID.randomUUID();
        publish(ORGANIZATION_TOPIC, eventId, type, key, data, "/organization-service");
        return eventId;
    }

    private static ObjectNode node(UUID id, Org parent, String type, String status, long version) {
        return json().put("id", id.toString()).put("code", "V" + id.toString().substring(0, 8))
                .put("name", "变体党组织" + id.toString().substring(0, 4)).put("type", type)
                .put("parentId", parent.id().toString()).put("path", parent.path() + id + "/").put("status", status)
                .put("establishedOn", "2020-01-01").put("version", version).put("sector", "VILLAGE");
    }

    private static ObjectNode root(UUID id) {
        return json().put("id", id.toString()).put("code", "R" + id.toString().substring(0, 8)).put("name", "变体市委")
                .put("type", "COMMITTEE").putNull("parentId").put("path", "/" + id + "/").put("status", "ACTIVE")
                .put("establishedOn", "2020-01-01").put("version", 0).putNull("sector");
    }

    private static ObjectNode sector(ObjectNode node, String sector) {
        switch (sector) {
            case "null" -> node.putNull("sector");
            case "absent" -> node.remove("sector");
            default -> node.put("sector", sector);
        }
        return node;
    }

    private static ObjectNode dissolved(Given g, long version) {
        return node(g.branch().id(), g.committee(), "BRANCH", "DISSOLVED", version).put("dissolvedOn", D.toString())
                .put("reason", "撤销");
    }

    /** A later dissolution of whatever the variant was about, read by the tree copy and the dissolution reaction. */
    private static ObjectNode sentinelDissolved(String key, ObjectNode variant, Org branch) {
        String path = variant.has("path") ? variant.get("path").asText() : branch.path();
        UUID id = UUID.fromString(key);
        return json().put("id", key).put("code", "S" + key.substring(0, 8)).put("name", "哨兵").put("type", "BRANCH")
                .put("path", path).put("status", "DISSOLVED").put("establishedOn", "2020-01-01").put("version", 101)
                .put("dissolvedOn", D.toString()).put("reason", "测试结束").put("parentId", parentOf(path, id));
    }

    private static String parentOf(String path, UUID id) {
        String[] ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        return ids.length > 1 && ids[ids.length - 1].equals(id.toString()) ? ids[ids.length - 2] : null;
    }

    private static ObjectNode team(Given g, long version, List<ObjectNode> seats, List<ObjectNode> endedSeats) {
        ObjectNode d = json().put("organizationId", g.branch().id().toString()).put("path", g.branch().path())
                .put("termStartedOn", "2024-01-01").put("termEndsOn", "2026-12-31").put("version", version);
        ArrayNode open = d.putArray("seats");
        seats.forEach(open::add);
        if (endedSeats != null) {
            ArrayNode ended = d.putArray("endedSeats");
            endedSeats.forEach(ended::add);
        }
        return d;
    }
}
