package org.dangjian.activity.participation;

import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.activity.AttendanceStatus;
import org.dangjian.activity.roster.Roster;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class ParticipationDtos {

    private ParticipationDtos() {
    }

    @Schema(name = "ParticipationLine", description = "one held activity the member was expected at")
    public record ParticipationLine(
            @Schema(description = "null when heldElsewhere") UUID activityId,
            @Schema(description = "null when heldElsewhere") UUID orgId,
            ActivityType type,
            @Schema(description = "null when heldElsewhere") String topic,
            LocalDate heldOn, AttendanceStatus attendance,
            @Schema(description = "null when heldElsewhere") String leaveReason,
            BigDecimal hours,
            @Schema(description = "held by an organization outside the caller's data scope (e.g. the branch a member "
                    + "was transferred from): counted in the figures, its activity, organization, topic and leave "
                    + "reason withheld; never true for the member's own view")
            boolean heldElsewhere) {

        ParticipationLine withheld() {
            return new ParticipationLine(null, null, type, null, heldOn, attendance, null, hours, true);
        }
    }

    @Schema(name = "Participation", description = "a member's organizational life in a year")
    public record Participation(UUID memberId, String name, UUID orgId, int year, List<ParticipationLine> activities,
            int expected, int present, int leave, int absent,
            @Schema(description = "present / expected, 4 decimals; null when never expected") BigDecimal attendanceRate,
            BigDecimal trainingHours,
            @Schema(description = "yearly training hours owed (configurable: members 32, secretaries and committee members 56)")
            BigDecimal trainingHoursRequired,
            @Schema(description = "MEMBER, or LEADER for a secretary or committee member (班子成员) on requirementAsOf")
            String requirementBasis,
            @Schema(description = "the day leadership seats are judged on: the year's last day, or today while it runs")
            LocalDate requirementAsOf,
            @Schema(description = "leadership seats the member holds on requirementAsOf, e.g. SECRETARY") List<String> seats,
            boolean trainingRequirementMet, BigDecimal volunteerHours) {

        static Participation of(Roster.MemberNow member, int year, List<ParticipationLine> lines, BigDecimal required,
                String basis, LocalDate asOf, List<String> seats) {
            int present = count(lines, AttendanceStatus.PRESENT);
            int leave = count(lines, AttendanceStatus.LEAVE);
            int absent = count(lines, AttendanceStatus.ABSENT);
            BigDecimal training = hours(lines, ActivityType.TRAINING);
            BigDecimal volunteer = hours(lines, ActivityType.VOLUNTEER_SERVICE);
            BigDecimal rate = lines.isEmpty() ? null
                    : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(lines.size()), 4, RoundingMode.HALF_UP);
            return new Participation(member.memberId(), member.name(), member.orgId(), year, lines, lines.size(), present,
                    leave, absent, rate, training, required.setScale(2), basis, asOf, List.copyOf(seats),
                    training.compareTo(required) >= 0, volunteer);
        }

        private static int count(List<ParticipationLine> lines, AttendanceStatus status) {
            return (int) lines.stream().filter(l -> l.attendance() == status).count();
        }

        private static BigDecimal hours(List<ParticipationLine> lines, ActivityType type) {
            return lines.stream().filter(l -> l.type() == type && l.hours() != null).map(ParticipationLine::hours)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }
}
