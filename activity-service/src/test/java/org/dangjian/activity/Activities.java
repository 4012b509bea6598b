package org.dangjian.activity;

import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dangjian.activity.Fixtures.admin;

/** Request bodies and shortcuts of the activities API. */
public final class Activities {

    private Activities() {
    }

    public static Map<String, Object> plan(UUID orgId, String type, OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgId", orgId.toString());
        body.put("type", type);
        body.put("topic", "学习贯彻党的二十大精神");
        body.put("plannedStart", start.toString());
        body.put("place", "党员活动室");
        body.put("host", "王书记");
        body.put("recorder", "李委员");
        return body;
    }

    public static UUID planned(UUID orgId, String type, OffsetDateTime start) {
        return UUID.fromString(admin().body(plan(orgId, type, start)).post("/api/v1/activities").then().statusCode(201)
                .extract().path("id"));
    }

    public static Map<String, Object> line(UUID memberId, String status) {
        Map<String, Object> line = new HashMap<>();
        line.put("memberId", memberId.toString());
        line.put("status", status);
        if ("LEAVE".equals(status)) {
            line.put("leaveReason", "外出务工");
        }
        return line;
    }

    public static Map<String, Object> line(UUID memberId, String status, BigDecimal hours) {
        Map<String, Object> line = line(memberId, status);
        line.put("hours", hours);
        return line;
    }

    @SafeVarargs
    public static Map<String, Object> recording(OffsetDateTime start, Map<String, Object>... lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("actualStart", start.toString());
        body.put("actualEnd", start.plusHours(2).toString());
        body.put("minutes", "会议传达了上级精神，党员逐一发言。");
        body.put("attendance", new ArrayList<>(List.of(lines)));
        body.put("guests", List.of(Map.of("name", "张指导员", "organization", "镇党委")));
        return body;
    }

    /** The activity's current ETag, as If-Match of a change must name it. */
    public static String current(UUID activity) {
        return admin().get("/api/v1/activities/" + activity).then().statusCode(200).extract().header("ETag");
    }

    public static void record(RequestSpecification as, UUID activity, Map<String, Object> body) {
        as.body(body).header("If-Match", current(activity)).post("/api/v1/activities/" + activity + "/record").then().statusCode(200);
    }

    /** Plans and records an activity held at {@code start} with the given attendance lines. */
    @SafeVarargs
    public static UUID held(UUID orgId, String type, OffsetDateTime start, Map<String, Object>... lines) {
        UUID id = planned(orgId, type, start.minusDays(3));
        record(admin(), id, recording(start, lines));
        return id;
    }
}
