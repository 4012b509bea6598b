package org.dangjian.activity.activity;

import org.dangjian.platform.api.DomainException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules of an attendance sheet: exactly one line per member of the expected roster (guests are
 * listed separately), a reason for every leave, and hours only where the type counts hours.
 */
public final class AttendanceSheet {

    private AttendanceSheet() {
    }

    public static List<Attendance> check(ActivityType type, Set<UUID> roster, List<Attendance> lines) {
        Set<UUID> seen = new HashSet<>();
        for (Attendance line : lines) {
            if (!seen.add(line.memberId())) {
                throw DomainException.unprocessable("ATTENDANCE_DUPLICATE", line.memberId());
            }
            if (!roster.contains(line.memberId())) {
                throw DomainException.unprocessable("ATTENDANCE_NOT_ON_ROSTER", line.memberId());
            }
            if (line.status() == AttendanceStatus.LEAVE && (line.leaveReason() == null || line.leaveReason().isBlank())) {
                throw DomainException.unprocessable("ATTENDANCE_LEAVE_REASON_REQUIRED", line.memberId());
            }
            checkHours(type, line);
        }
        Set<UUID> missing = roster.stream().filter(m -> !seen.contains(m)).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!missing.isEmpty()) {
            throw DomainException.unprocessable("ATTENDANCE_INCOMPLETE", missing.size(),
                    missing.stream().map(UUID::toString).collect(Collectors.joining(", ")));
        }
        return lines;
    }

    private static void checkHours(ActivityType type, Attendance line) {
        boolean hasHours = line.hours() != null && line.hours().signum() > 0;
        if (!type.countsHours() || line.status() != AttendanceStatus.PRESENT) {
            if (hasHours) {
                throw DomainException.unprocessable("ATTENDANCE_HOURS_NOT_APPLICABLE", line.memberId(), type);
            }
            return;
        }
        if (!hasHours) {
            throw DomainException.unprocessable("ATTENDANCE_HOURS_REQUIRED", line.memberId(), type);
        }
    }

    static BigDecimal normalize(BigDecimal hours) {
        return hours == null ? null : hours.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
