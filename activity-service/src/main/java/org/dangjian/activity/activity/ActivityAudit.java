package org.dangjian.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.audit.AuditTrail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Writes each change of an activity to the audit log, as before/after snapshots. Leave reasons
 * (often health or family matters) and the minutes' text stay out: the snapshot says whether a
 * reason was given and how long the minutes are; the full earlier recording is in the revisions.
 */
@ApplicationScoped
public class ActivityAudit {

    public static final String TARGET = "activity";

    public record AttendanceEntry(UUID memberId, AttendanceStatus status, BigDecimal hours, boolean leaveReasonGiven) {
    }

    public record Snapshot(UUID orgId, ActivityType type, String topic, ActivityStatus status, OffsetDateTime plannedStart,
            OffsetDateTime plannedEnd, String place, String onlineLink, String host, UUID hostMemberId, String recorder,
            UUID recorderMemberId, OffsetDateTime actualStart, OffsetDateTime actualEnd, LocalDate heldOn, int minutesLength,
            List<AttendanceEntry> attendance, int guests, int revision, String cancelReason, OffsetDateTime orgDissolvedAt,
            long version) {

        public static Snapshot of(Activity a) {
            return new Snapshot(a.orgId(), a.type(), a.topic(), a.status(), a.plannedStart(), a.plannedEnd(), a.place(),
                    a.onlineLink(), a.host(), a.hostMemberId(), a.recorder(), a.recorderMemberId(), a.actualStart(), a.actualEnd(), a.heldOn(),
                    a.minutes() == null ? 0 : a.minutes().length(),
                    a.attendance().stream().map(x -> new AttendanceEntry(x.memberId(), x.status(), x.hours(),
                            x.leaveReason() != null)).toList(),
                    a.guests().size(), a.revision(), a.cancelReason(), a.orgDissolvedAt(), a.version());
        }
    }

    @Inject
    AuditTrail trail;

    /** Call after the change is flushed (so the version is the new one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String action, Snapshot before, Activity after) {
        trail.write(action, TARGET, after.id(), before, Snapshot.of(after));
    }
}
