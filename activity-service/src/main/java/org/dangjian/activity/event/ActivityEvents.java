package org.dangjian.activity.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.activity.activity.Activity;
import org.dangjian.activity.activity.Attendance;
import org.dangjian.platform.messaging.Outbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What activity-service tells the other services, through its outbox (schemas in events/). */
@ApplicationScoped
public class ActivityEvents {

    public static final String TOPIC = "dangjian.activity.v1";
    public static final String RECORDED = "activity.recorded";
    public static final String CANCELLED = "activity.cancelled";

    public record AttendanceData(UUID memberId, String status, BigDecimal hours) {
    }

    /** activity.recorded: the activity as held; a correction is published again with a higher revision. */
    public record Recorded(UUID activityId, UUID orgId, String type, String topic, LocalDate heldOn,
            OffsetDateTime actualStart, OffsetDateTime actualEnd, int revision, List<AttendanceData> attendance,
            int guests, long version) {
    }

    public record Cancelled(UUID activityId, UUID orgId, String type, String topic, OffsetDateTime plannedStart,
            String reason, OffsetDateTime cancelledAt, long version) {
    }

    @Inject
    Outbox outbox;

    public void recorded(Activity a) {
        List<AttendanceData> attendance = a.attendance().stream()
                .map((Attendance x) -> new AttendanceData(x.memberId(), x.status().name(), x.hours())).toList();
        outbox.publish(TOPIC, RECORDED, a.id(), new Recorded(a.id(), a.orgId(), a.type().name(), a.topic(), a.heldOn(),
                a.actualStart(), a.actualEnd(), a.revision(), attendance, a.guests().size(), a.version()));
    }

    public void cancelled(Activity a) {
        outbox.publish(TOPIC, CANCELLED, a.id(), new Cancelled(a.id(), a.orgId(), a.type().name(), a.topic(),
                a.plannedStart(), a.cancelReason(), a.cancelledAt(), a.version()));
    }
}
