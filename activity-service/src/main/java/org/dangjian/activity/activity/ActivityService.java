package org.dangjian.activity.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.activity.activity.ActivityDtos.ActivityLine;
import org.dangjian.activity.activity.ActivityDtos.ActivityView;
import org.dangjian.activity.activity.ActivityDtos.AttendanceLine;
import org.dangjian.activity.activity.ActivityDtos.PlanActivity;
import org.dangjian.activity.activity.ActivityDtos.RecordActivity;
import org.dangjian.activity.activity.ActivityDtos.RecordingView;
import org.dangjian.activity.activity.ActivityDtos.RevisionView;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.event.ActivityEvents;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;
import org.dangjian.platform.orgtree.OrgUnit;
import org.dangjian.platform.orgtree.Organizations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Plans, records, corrects and cancels activities, inside the caller's data scope. */
@ApplicationScoped
public class ActivityService {

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityEvents events;

    @Inject
    Roster roster;

    @Inject
    CallerScope scope;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    ActivityAudit audit;

    @Inject
    TrainingHours trainingHours;

    @Inject
    HeldActivities held;

    @Transactional
    public ActivityView plan(PlanActivity request) {
        OrgUnit org = organizations.requireInScope(request.orgId());
        if (!"ACTIVE".equals(org.status())) {
            throw DomainException.unprocessable("ORGANIZATION_NOT_ACTIVE", org.name());
        }
        Activity activity = Activity.plan(new Activity.Plan(org.id(), request.type(), request.topic().strip(),
                request.plannedStart(), request.plannedEnd(), blankToNull(request.place()), blankToNull(request.onlineLink()),
                blankToNull(request.host()), blankToNull(request.recorder())), caller.subject(), now());
        LocalDate plannedOn = request.plannedStart().atZoneSameInstant(clock.zone()).toLocalDate();
        if (request.hostMemberId() != null) {
            Roster.MemberOn host = referenced("hostMemberId", request.hostMemberId(), plannedOn);
            activity.hostedBy(host.memberId(), nameOr(request.host(), host));
        }
        if (request.recorderMemberId() != null) {
            Roster.MemberOn recorder = referenced("recorderMemberId", request.recorderMemberId(), plannedOn);
            activity.recordKeptBy(recorder.memberId(), nameOr(request.recorder(), recorder));
        }
        activities.persist(activity);
        activities.flush();
        audit.write("ACTIVITY_PLANNED", null, activity);
        return ActivityView.of(activity);
    }

    @Transactional
    public ActivityView view(UUID id) {
        return ActivityView.of(get(id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Activity get(UUID id) {
        Activity activity = activities.byId(id).orElseThrow(() -> DomainException.notFound("ACTIVITY_NOT_FOUND", id));
        scope.require(activity.orgId(), "ACTIVITY_NOT_FOUND", id);
        return activity;
    }

    /** The first recording, or a correction of an earlier one (which is kept as a revision). */
    @Transactional
    public ActivityView record(UUID id, Long expectedVersion, RecordActivity request) {
        Activity activity = get(id);
        LocalDate heldOn = request.actualStart().atZoneSameInstant(clock.zone()).toLocalDate();
        List<Attendance> given = request.attendance().stream().map(AttendanceLine::toAttendance).toList();
        List<Guest> guests = request.guests() == null ? List.of()
                : request.guests().stream().map(g -> new Guest(g.name().strip(), blankToNull(g.organization()))).toList();
        Activity.Recording recording = new Activity.Recording(request.actualStart(), request.actualEnd(), heldOn,
                request.minutes(), given, guests);
        if (activity.isRecordedAs(recording) && namesTheSamePeople(activity, request)) {
            // a retry of the recording that made it so (the client's ETag is the one before it): nothing to change
            requireIfMatch(expectedVersion);
            return ActivityView.of(activity);
        }
        requireVersion(activity, expectedVersion);
        Set<UUID> expected = new HashSet<>();
        roster.on(activity.orgId(), heldOn).forEach(e -> expected.add(e.memberId()));
        AttendanceSheet.check(activity.type(), expected, given);
        ActivityAudit.Snapshot before = ActivityAudit.Snapshot.of(activity);
        if (request.hostMemberId() != null) {
            Roster.MemberOn host = referenced("hostMemberId", request.hostMemberId(), heldOn);
            activity.hostedBy(host.memberId(), nameOr(request.host(), host));
        } else if (request.host() != null && !request.host().isBlank()) {
            activity.hostedBy(null, request.host().strip());
        }
        if (request.recorderMemberId() != null) {
            Roster.MemberOn recorder = referenced("recorderMemberId", request.recorderMemberId(), heldOn);
            activity.recordKeptBy(recorder.memberId(), nameOr(request.recorder(), recorder));
        } else if (request.recorder() != null && !request.recorder().isBlank()) {
            activity.recordKeptBy(null, request.recorder().strip());
        }
        boolean correction = activity.status() == ActivityStatus.HELD;
        TrainingHours.Credited credited = TrainingHours.Credited.of(activity);
        HeldActivities.Counted counted = HeldActivities.Counted.of(activity);
        if (correction) {
            if (request.correctionReason() == null || request.correctionReason().isBlank()) {
                throw DomainException.unprocessable("ACTIVITY_CORRECTION_REASON_REQUIRED", id);
            }
            keepRevision(activity, request.correctionReason().strip());
            activity.correct(recording, caller.subject(), now());
        } else {
            activity.record(recording, caller.subject(), now());
        }
        activities.flush();
        held.changed(counted, activity);
        trainingHours.changed(credited, activity);
        audit.write(correction ? "ACTIVITY_CORRECTED" : "ACTIVITY_RECORDED", before, activity);
        events.recorded(activity);
        return ActivityView.of(activity);
    }

    @Transactional
    public ActivityView cancel(UUID id, Long expectedVersion, String reason) {
        Activity activity = get(id);
        if (activity.status() == ActivityStatus.CANCELLED) {
            // already cancelled (a retry, or someone else did): the current state, no second event
            requireIfMatch(expectedVersion);
            return ActivityView.of(activity);
        }
        requireVersion(activity, expectedVersion);
        ActivityAudit.Snapshot before = ActivityAudit.Snapshot.of(activity);
        HeldActivities.Counted counted = HeldActivities.Counted.of(activity);
        activity.cancel(reason.strip(), caller.subject(), now());
        activities.flush();
        held.changed(counted, activity);
        audit.write("ACTIVITY_CANCELLED", before, activity);
        events.cancelled(activity);
        return ActivityView.of(activity);
    }

    /** Moves a flagged activity to another active organization in scope; its roster becomes that organization's. */
    @Transactional
    public ActivityView reassign(UUID id, Long expectedVersion, UUID toOrgId) {
        Activity activity = get(id);
        if (activity.status() == ActivityStatus.PLANNED && activity.orgDissolvedAt() == null
                && activity.reassignedFrom() != null && activity.orgId().equals(toOrgId)) {
            // already moved there: a retry answers the current state
            requireIfMatch(expectedVersion);
            return ActivityView.of(activity);
        }
        requireVersion(activity, expectedVersion);
        OrgUnit org = organizations.requireInScope(toOrgId);
        if (!"ACTIVE".equals(org.status())) {
            throw DomainException.unprocessable("ORGANIZATION_NOT_ACTIVE", org.name());
        }
        ActivityAudit.Snapshot before = ActivityAudit.Snapshot.of(activity);
        HeldActivities.Counted counted = HeldActivities.Counted.of(activity);
        activity.reassign(org.id(), caller.subject(), now());
        activities.flush();
        held.changed(counted, activity);
        audit.write("ACTIVITY_REASSIGNED", before, activity);
        return ActivityView.of(activity);
    }

    /** Planned activities of dissolved organizations in the caller's scope: each to be reassigned or cancelled. */
    @Transactional
    public ListPage<ActivityLine> awaitingReassignment(ListQuery query) {
        return activities.awaitingReassignment(scope.get(), query).map(ActivityLine::of);
    }

    @Transactional
    public ListPage<RevisionView> revisions(UUID id, ListQuery query) {
        query.sort("revision");
        int after = query.after().map(c -> (int) c.number(0)).orElse(0);
        get(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = activities.getEntityManager().createNativeQuery("""
                select revision, superseded_at, superseded_by, reason, cast(recording as text)
                from activity_revision where activity_id = ?1 and revision > ?2 order by revision limit ?3""")
                .setParameter(1, id).setParameter(2, after).setParameter(3, query.limit()).getResultList();
        return ListPage.of(rows.stream().map(r -> new RevisionView(((Number) r[0]).intValue(), Sql.timestamp(r[1]),
                (String) r[2], (String) r[3], readTree((String) r[4]))).toList(), query, r -> Cursor.at(r.revision()));
    }

    /** Who is expected: as recorded once held, else the organization's members on the planned day. */
    @Transactional
    public ListPage<Roster.RosterEntry> expectedRoster(UUID id, ListQuery query) {
        Activity activity = get(id);
        LocalDate on = activity.heldOn() != null ? activity.heldOn()
                : activity.plannedStart().atZoneSameInstant(clock.zone()).toLocalDate();
        return roster.page(activity.orgId(), on, query);
    }

    @Transactional
    public ListPage<ActivityLine> list(UUID orgId, ActivityStatus status, ActivityType type, LocalDate from, LocalDate to,
            ListQuery query) {
        Scope listed = orgId == null ? scope.get() : Scope.within(orgId, organizations.requireInScope(orgId).path());
        return activities.list(new ActivityRepository.Filter(listed, status, type, from, to, clock.zone()), query)
                .map(ActivityLine::of);
    }

    /**
     * A member named in a request (host, recorder): one who belongs, on the activity's day, to an organization
     * in the caller's scope. An id never heard of, a member ended or transferred away by then, and one of an
     * organization outside the scope are refused alike, with the id given and nothing of the member, so the
     * answer tells nothing about records outside the scope.
     */
    private Roster.MemberOn referenced(String field, UUID memberId, LocalDate day) {
        return roster.memberOn(memberId, day).filter(m -> scope.covers(m.orgId()))
                .orElseThrow(() -> DomainException.unprocessable("MEMBER_REFERENCE_UNKNOWN", field, memberId));
    }

    /** The name given in the request, else the member's. */
    private static String nameOr(String given, Roster.MemberOn member) {
        return given != null && !given.isBlank() ? given.strip() : member.name();
    }

    /** A change names the version it was made on (If-Match): 428 without it, 412 when someone changed it since. */
    static void requireVersion(Activity activity, Long expectedVersion) {
        requireIfMatch(expectedVersion);
        if (expectedVersion != activity.version()) {
            throw new DomainException(412, "ACTIVITY_VERSION_STALE", activity.version());
        }
    }

    /** A change always names a version, even a repeat that changes nothing: 428 without If-Match. */
    static void requireIfMatch(Long expectedVersion) {
        if (expectedVersion == null) {
            throw new DomainException(428, "IF_MATCH_REQUIRED");
        }
    }

    /** The host and recorder a recording names (when it names them) are the ones the activity has. */
    private static boolean namesTheSamePeople(Activity activity, RecordActivity request) {
        boolean sameHost = request.hostMemberId() != null ? request.hostMemberId().equals(activity.hostMemberId())
                && (blankToNull(request.host()) == null || blankToNull(request.host()).equals(activity.host()))
                : blankToNull(request.host()) == null || blankToNull(request.host()).equals(activity.host());
        boolean sameRecorder = request.recorderMemberId() != null
                ? request.recorderMemberId().equals(activity.recorderMemberId())
                && (blankToNull(request.recorder()) == null || blankToNull(request.recorder()).equals(activity.recorder()))
                : blankToNull(request.recorder()) == null || blankToNull(request.recorder()).equals(activity.recorder());
        return sameHost && sameRecorder;
    }

    private void keepRevision(Activity activity, String reason) {
        String recording;
        try {
            recording = json.writeValueAsString(RecordingView.of(activity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        activities.getEntityManager().createNativeQuery("""
                insert into activity_revision (activity_id, revision, recording, superseded_at, superseded_by, reason)
                values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)""")
                .setParameter(1, activity.id()).setParameter(2, activity.revision()).setParameter(3, recording)
                .setParameter(4, now()).setParameter(5, caller.subject()).setParameter(6, reason).executeUpdate();
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Microseconds, as PostgreSQL keeps them: the answer to a change equals every later read of it (a retry's too). */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
