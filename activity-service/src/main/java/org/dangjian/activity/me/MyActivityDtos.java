package org.dangjian.activity.me;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dangjian.activity.activity.ActivityStatus;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.activity.AttendanceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The member's own view of their activities (/me). */
public final class MyActivityDtos {

    private MyActivityDtos() {
    }

    public enum ResponseKind {
        /** 签到: the member says they are there. */
        SIGNED_IN,
        /** 请假: the member asks to be excused, with a reason. */
        LEAVE_REQUESTED
    }

    @Schema(name = "MyActivityResponse", description = "the member's own answer to a planned activity")
    public record MyResponse(ResponseKind kind, @Schema(nullable = true, maxLength = 500) String reason,
            OffsetDateTime respondedAt) {
    }

    @Schema(name = "MyActivity", description = "an activity the member was or is expected at, with their attendance")
    public record MyActivity(UUID id, UUID orgId, ActivityType type, String typeLabel, String topic,
            OffsetDateTime plannedStart, @Schema(nullable = true) OffsetDateTime plannedEnd,
            @Schema(nullable = true) String place, @Schema(nullable = true) String onlineLink, ActivityStatus status,
            @Schema(nullable = true, description = "the day held, once recorded") LocalDate heldOn,
            @Schema(nullable = true, description = "as recorded; null until the activity is recorded") AttendanceStatus attendance,
            @Schema(nullable = true, description = "training or volunteer hours credited, as recorded") BigDecimal hours,
            @Schema(nullable = true, description = "the leave reason as recorded") String leaveReason,
            @Schema(nullable = true, description = "the member's own sign-in or leave request, if any") MyResponse response) {
    }

    @Schema(name = "LeaveRequest", description = "请假: why the member cannot attend")
    public record LeaveRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
