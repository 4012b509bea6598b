package org.dangjian.activity.activity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One activity of organizational life (组织生活) of one organization. */
@Entity
@Table(name = "activity")
public class Activity {

    /** What happened, as the recorder wrote it down. */
    public record Recording(OffsetDateTime actualStart, OffsetDateTime actualEnd, LocalDate heldOn, String minutes,
            List<Attendance> attendance, List<Guest> guests) {
    }

    /** What a plan says. */
    public record Plan(UUID orgId, ActivityType type, String topic, OffsetDateTime plannedStart, OffsetDateTime plannedEnd,
            String place, String onlineLink, String host, String recorder) {
    }

    @Id
    private UUID id;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Column(nullable = false)
    private String topic;

    @Column(name = "planned_start", nullable = false)
    private OffsetDateTime plannedStart;

    @Column(name = "planned_end")
    private OffsetDateTime plannedEnd;

    private String place;

    @Column(name = "online_link")
    private String onlineLink;

    private String host;

    /** The host as a member, when known: what the secretary-lecture rule checks against leadership seats. */
    @Column(name = "host_member_id")
    private UUID hostMemberId;

    private String recorder;

    /** The recorder as a member, when known. */
    @Column(name = "recorder_member_id")
    private UUID recorderMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityStatus status;

    @Column(name = "planned_at", nullable = false)
    private OffsetDateTime plannedAt;

    @Column(name = "planned_by", nullable = false)
    private String plannedBy;

    @Column(name = "actual_start")
    private OffsetDateTime actualStart;

    @Column(name = "actual_end")
    private OffsetDateTime actualEnd;

    @Column(name = "held_on")
    private LocalDate heldOn;

    private String minutes;

    /** 0 while never recorded; 1 on the first recording; +1 on each correction. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "org_dissolved_at")
    private OffsetDateTime orgDissolvedAt;

    @Column(name = "reassigned_from")
    private UUID reassignedFrom;

    @Column(name = "reassigned_at")
    private OffsetDateTime reassignedAt;

    @Column(name = "reassigned_by")
    private String reassignedBy;

    /** Counts of {@link #attendance}, kept for reports that sum many activities. */
    @Column(name = "expected_count", nullable = false)
    private int expectedCount;

    @Column(name = "present_count", nullable = false)
    private int presentCount;

    @Column(name = "leave_count", nullable = false)
    private int leaveCount;

    @ElementCollection
    @CollectionTable(name = "activity_attendance", joinColumns = @JoinColumn(name = "activity_id"))
    private List<Attendance> attendance = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "activity_guest", joinColumns = @JoinColumn(name = "activity_id"))
    @OrderColumn(name = "position")
    private List<Guest> guests = new ArrayList<>();

    @Version
    private long version;

    protected Activity() {
    }

    public static Activity plan(Plan plan, String by, OffsetDateTime now) {
        if ((plan.place() == null || plan.place().isBlank()) && (plan.onlineLink() == null || plan.onlineLink().isBlank())) {
            throw DomainException.unprocessable("ACTIVITY_VENUE_REQUIRED");
        }
        if (plan.plannedEnd() != null && !plan.plannedEnd().isAfter(plan.plannedStart())) {
            throw DomainException.unprocessable("ACTIVITY_END_BEFORE_START");
        }
        Activity a = new Activity();
        a.id = Ids.next();
        a.orgId = plan.orgId();
        a.type = plan.type();
        a.topic = plan.topic();
        a.plannedStart = plan.plannedStart();
        a.plannedEnd = plan.plannedEnd();
        a.place = plan.place();
        a.onlineLink = plan.onlineLink();
        a.host = plan.host();
        a.recorder = plan.recorder();
        a.status = ActivityStatus.PLANNED;
        a.plannedAt = now;
        a.plannedBy = by;
        return a;
    }

    /** Who hosts (主持/主讲): a member of the roster copy with their name, or a name alone. */
    public void hostedBy(UUID memberId, String name) {
        hostMemberId = memberId;
        host = name;
    }

    /** Who keeps the record (记录): a member of the roster copy with their name, or a name alone. */
    public void recordKeptBy(UUID memberId, String name) {
        recorderMemberId = memberId;
        recorder = name;
    }

    /**
     * The member left the organization they belonged to before this planned activity's day (a transfer, a
     * transfer out of the platform, the end of membership): they no longer host or record it. Name and id
     * are cleared together; the audit log keeps who they were.
     * @return whether the member held either role here
     */
    public boolean release(UUID memberId) {
        if (status != ActivityStatus.PLANNED) {
            return false;
        }
        boolean released = false;
        if (memberId.equals(hostMemberId)) {
            hostMemberId = null;
            host = null;
            released = true;
        }
        if (memberId.equals(recorderMemberId)) {
            recorderMemberId = null;
            recorder = null;
            released = true;
        }
        return released;
    }

    /** PLANNED → HELD: the first recording. */
    public void record(Recording recording, String by, OffsetDateTime now) {
        require(ActivityStatus.HELD, status == ActivityStatus.PLANNED);
        apply(recording, by, now);
    }

    /** HELD → HELD: a correction; the caller keeps the earlier recording ({@link #currentRecording()}) first. */
    public void correct(Recording recording, String by, OffsetDateTime now) {
        require(ActivityStatus.HELD, status == ActivityStatus.HELD);
        apply(recording, by, now);
    }

    /** PLANNED → CANCELLED. */
    public void cancel(String reason, String by, OffsetDateTime now) {
        require(ActivityStatus.CANCELLED, true);
        status = ActivityStatus.CANCELLED;
        cancelReason = reason;
        cancelledBy = by;
        cancelledAt = now;
    }

    /** The organization was dissolved while this was still planned: someone must move or cancel it. */
    public boolean flagOrganizationDissolved(OffsetDateTime at) {
        if (status != ActivityStatus.PLANNED || orgDissolvedAt != null) {
            return false;
        }
        orgDissolvedAt = at;
        return true;
    }

    /** Still PLANNED and flagged: moves to another organization, which clears the flag. */
    public void reassign(UUID toOrgId, String by, OffsetDateTime now) {
        if (status != ActivityStatus.PLANNED || orgDissolvedAt == null) {
            throw DomainException.conflict("ACTIVITY_NOT_AWAITING_REASSIGNMENT", id);
        }
        reassignedFrom = orgId;
        orgId = toOrgId;
        orgDissolvedAt = null;
        reassignedAt = now;
        reassignedBy = by;
    }

    private void require(ActivityStatus next, boolean fromExpectedState) {
        if (!status.mayBecome(next) || !fromExpectedState) {
            throw DomainException.conflict("ACTIVITY_TRANSITION_NOT_ALLOWED", status, next);
        }
    }

    private void apply(Recording r, String by, OffsetDateTime now) {
        if (r.actualEnd() != null && !r.actualEnd().isAfter(r.actualStart())) {
            throw DomainException.unprocessable("ACTIVITY_END_BEFORE_START");
        }
        if (r.actualStart().isAfter(now)) {
            throw DomainException.unprocessable("ACTIVITY_NOT_YET_HELD", r.actualStart());
        }
        status = ActivityStatus.HELD;
        actualStart = r.actualStart();
        actualEnd = r.actualEnd();
        heldOn = r.heldOn();
        minutes = r.minutes();
        attendance.clear();
        attendance.addAll(r.attendance());
        expectedCount = attendance.size();
        presentCount = (int) attendance.stream().filter(x -> x.status() == AttendanceStatus.PRESENT).count();
        leaveCount = (int) attendance.stream().filter(x -> x.status() == AttendanceStatus.LEAVE).count();
        guests.clear();
        guests.addAll(r.guests());
        recordedAt = now;
        recordedBy = by;
        revision++;
    }

    /**
     * Whether recording {@code r} would leave this held activity as it is: a client repeating its recording after
     * a timeout, answered with the current state instead of a correction. Attendance compares as a set by member.
     */
    public boolean isRecordedAs(Recording r) {
        if (status != ActivityStatus.HELD || !actualStart.isEqual(r.actualStart())
                || !sameInstant(actualEnd, r.actualEnd()) || !java.util.Objects.equals(minutes, r.minutes())
                || attendance.size() != r.attendance().size() || guests.size() != r.guests().size()) {
            return false;
        }
        java.util.Map<UUID, Attendance> byMember = new java.util.HashMap<>();
        attendance.forEach(a -> byMember.put(a.memberId(), a));
        for (Attendance line : r.attendance()) {
            Attendance kept = byMember.get(line.memberId());
            if (kept == null || !kept.sameAs(line)) {
                return false;
            }
        }
        for (int i = 0; i < guests.size(); i++) {
            if (!guests.get(i).sameAs(r.guests().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    public Recording currentRecording() {
        return new Recording(actualStart, actualEnd, heldOn, minutes, List.copyOf(attendance), List.copyOf(guests));
    }

    public UUID id() { return id; }
    public UUID orgId() { return orgId; }
    public ActivityType type() { return type; }
    public String topic() { return topic; }
    public OffsetDateTime plannedStart() { return plannedStart; }
    public OffsetDateTime plannedEnd() { return plannedEnd; }
    public String place() { return place; }
    public String onlineLink() { return onlineLink; }
    public String host() { return host; }
    public UUID hostMemberId() { return hostMemberId; }
    public String recorder() { return recorder; }
    public UUID recorderMemberId() { return recorderMemberId; }
    public ActivityStatus status() { return status; }
    public OffsetDateTime plannedAt() { return plannedAt; }
    public String plannedBy() { return plannedBy; }
    public OffsetDateTime actualStart() { return actualStart; }
    public OffsetDateTime actualEnd() { return actualEnd; }
    public LocalDate heldOn() { return heldOn; }
    public String minutes() { return minutes; }
    public int revision() { return revision; }
    public OffsetDateTime recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public OffsetDateTime cancelledAt() { return cancelledAt; }
    public String cancelledBy() { return cancelledBy; }
    public String cancelReason() { return cancelReason; }
    public OffsetDateTime orgDissolvedAt() { return orgDissolvedAt; }
    public UUID reassignedFrom() { return reassignedFrom; }
    public OffsetDateTime reassignedAt() { return reassignedAt; }
    public List<Attendance> attendance() { return List.copyOf(attendance); }
    public List<Guest> guests() { return List.copyOf(guests); }
    public long version() { return version; }
    public int expectedCount() { return expectedCount; }
    public int presentCount() { return presentCount; }
    public int leaveCount() { return leaveCount; }
}
