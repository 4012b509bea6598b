package org.dangjian.activity.activity;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the activities API. */
public final class ActivityDtos {

    private ActivityDtos() {
    }

    @Schema(name = "PlanActivity", description = "计划一次组织生活")
    public record PlanActivity(
            @Schema(description = "the organization holding it") @NotNull UUID orgId,
            @Schema(example = "THEMED_PARTY_DAY") @NotNull ActivityType type,
            @Schema(example = "学习党的二十届四中全会精神") @NotBlank @Size(max = 200) String topic,
            @Schema(example = "2026-12-01T14:30:00+08:00") @NotNull OffsetDateTime plannedStart,
            OffsetDateTime plannedEnd,
            @Schema(example = "村委会二楼会议室", description = "place or online link, at least one") @Size(max = 200) String place,
            @Size(max = 500) String onlineLink,
            @Schema(example = "王书记") @Size(max = 100) String host,
            @Schema(description = "the host as a member (their name fills host when it is blank); a secretary's lecture "
                    + "counts for 书记讲党课 only with it. Must belong, on the planned day, to an organization in your "
                    + "scope: else 422 MEMBER_REFERENCE_UNKNOWN") UUID hostMemberId,
            @Schema(example = "李委员") @Size(max = 100) String recorder,
            @Schema(description = "the recorder as a member (their name fills recorder when it is blank); checked like "
                    + "hostMemberId") UUID recorderMemberId) {
    }

    @Schema(name = "RecordActivity", description = "记录: what happened, with attendance for every member of the expected roster")
    public record RecordActivity(
            @Schema(example = "2026-12-01T14:35:00+08:00") @NotNull OffsetDateTime actualStart,
            OffsetDateTime actualEnd,
            @Schema(description = "会议记录") @Size(max = 20000) String minutes,
            @NotNull @Size(max = 1000) List<@Valid @NotNull AttendanceLine> attendance,
            @Size(max = 200) List<@Valid @NotNull GuestLine> guests,
            @Schema(description = "required when correcting an activity already recorded") @Size(max = 500) String correctionReason,
            @Schema(description = "who actually hosted, as a member, when not the one planned. Must have belonged, on the "
                    + "day held, to an organization in your scope: else 422 MEMBER_REFERENCE_UNKNOWN") UUID hostMemberId,
            @Schema(description = "who actually hosted, by name, when not the one planned") @Size(max = 100) String host,
            @Schema(description = "who actually kept the record, as a member, when not the one planned; checked like "
                    + "hostMemberId") UUID recorderMemberId,
            @Schema(description = "who actually kept the record, by name, when not the one planned") @Size(max = 100)
            String recorder) {
    }

    @Schema(name = "AttendanceLine")
    public record AttendanceLine(@NotNull UUID memberId, @NotNull AttendanceStatus status,
            @Schema(description = "required for LEAVE") @Size(max = 500) String leaveReason,
            @Schema(description = "training and volunteer-service hours of a PRESENT member", example = "3.5")
            @DecimalMin("0") @DecimalMax("999") @Digits(integer = 3, fraction = 2) BigDecimal hours) {

        Attendance toAttendance() {
            return new Attendance(memberId, status, leaveReason == null ? null : leaveReason.strip(),
                    AttendanceSheet.normalize(hours));
        }

        static AttendanceLine of(Attendance a) {
            return new AttendanceLine(a.memberId(), a.status(), a.leaveReason(), a.hours());
        }
    }

    @Schema(name = "GuestLine", description = "列席: an attendee from another organization")
    public record GuestLine(@NotBlank @Size(max = 100) String name, @Size(max = 200) String organization) {

        static GuestLine of(Guest g) {
            return new GuestLine(g.name(), g.organization());
        }
    }

    @Schema(name = "ReassignActivity", description = "move a planned activity of a dissolved organization to another one")
    public record ReassignActivity(@Schema(description = "an active organization in your scope") @NotNull UUID orgId) {
    }

    @Schema(name = "CancelActivity")
    public record CancelActivity(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Recording", description = "what was recorded, as stored in a revision")
    public record RecordingView(OffsetDateTime actualStart, OffsetDateTime actualEnd, LocalDate heldOn, String minutes,
            List<AttendanceLine> attendance, List<GuestLine> guests, OffsetDateTime recordedAt, String recordedBy) {

        static RecordingView of(Activity a) {
            return new RecordingView(a.actualStart(), a.actualEnd(), a.heldOn(), a.minutes(),
                    a.attendance().stream().map(AttendanceLine::of).toList(), a.guests().stream().map(GuestLine::of).toList(),
                    a.recordedAt(), a.recordedBy());
        }
    }

    @Schema(name = "AttendanceSummary")
    public record AttendanceSummary(int expected, int present, int leave, int absent) {

        static AttendanceSummary of(List<Attendance> lines) {
            int present = 0;
            int leave = 0;
            int absent = 0;
            for (Attendance a : lines) {
                switch (a.status()) {
                    case PRESENT -> present++;
                    case LEAVE -> leave++;
                    case ABSENT -> absent++;
                }
            }
            return new AttendanceSummary(lines.size(), present, leave, absent);
        }
    }

    @Schema(name = "Activity")
    public record ActivityView(UUID id, UUID orgId, ActivityType type, String typeLabel, String topic,
            OffsetDateTime plannedStart, OffsetDateTime plannedEnd, String place, String onlineLink,
            @Schema(description = "null once the host member left their organization before the planned day (see the "
                    + "plan operation)") String host,
            UUID hostMemberId,
            @Schema(description = "null once the recorder member left their organization before the planned day")
            String recorder,
            UUID recorderMemberId, ActivityStatus status, RecordingView recording, AttendanceSummary attendanceSummary,
            int revision, OffsetDateTime cancelledAt, String cancelReason,
            @Schema(description = "set while the organization is dissolved and the activity still planned: reassign or cancel it")
            OffsetDateTime orgDissolvedAt,
            @Schema(description = "the dissolved organization it was moved from") UUID reassignedFrom,
            OffsetDateTime reassignedAt, long version) {

        static ActivityView of(Activity a) {
            boolean held = a.status() == ActivityStatus.HELD;
            return new ActivityView(a.id(), a.orgId(), a.type(), a.type().label(), a.topic(), a.plannedStart(),
                    a.plannedEnd(), a.place(), a.onlineLink(), a.host(), a.hostMemberId(), a.recorder(), a.recorderMemberId(),
                    a.status(),
                    held ? RecordingView.of(a) : null, held ? AttendanceSummary.of(a.attendance()) : null,
                    a.revision(), a.cancelledAt(), a.cancelReason(), a.orgDissolvedAt(), a.reassignedFrom(),
                    a.reassignedAt(), a.version());
        }
    }

    @Schema(name = "ActivitySummary", description = "one line of a list")
    public record ActivityLine(UUID id, UUID orgId, ActivityType type, String topic, OffsetDateTime plannedStart,
            ActivityStatus status, LocalDate heldOn, boolean orgDissolved) {

        public static ActivityLine of(Activity a) {
            return new ActivityLine(a.id(), a.orgId(), a.type(), a.topic(), a.plannedStart(), a.status(), a.heldOn(),
                    a.orgDissolvedAt() != null);
        }
    }

    @Schema(name = "ActivityRevision", description = "a recording superseded by a correction")
    public record RevisionView(int revision, OffsetDateTime supersededAt, String supersededBy, String reason,
            JsonNode recording) {
    }
}
