package org.dangjian.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.BusinessClock;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Releases a member who leaves their organization (a transfer within the platform, a transfer out of it, the
 * end of membership) from hosting and recording the activities still planned on or after the day they leave,
 * whichever organization holds them: whoever plans the meeting names someone else when recording it. The
 * host and recorder (name and member id) are cleared; the audit log keeps who they were
 * (ACTIVITY_MEMBER_RELEASED). Held and cancelled activities keep theirs: they tell what happened.
 * <p>
 * Judged from the member's periods before and after each batch of member events, so a late or repeated
 * event releases nobody twice and a stage change (same organization) releases nobody.
 */
@ApplicationScoped
public class LeavingMembers {

    private static final Logger LOG = Logger.getLogger(LeavingMembers.class);

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityAudit audit;

    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    void release(@Observes Roster.MembershipsChanged change) {
        var members = change.changedFrom().keySet();
        for (Activity activity : activities.list(
                "status = ?1 and (hostMemberId in ?2 or recorderMemberId in ?2) order by plannedStart, id",
                ActivityStatus.PLANNED, members)) {
            LocalDate day = activity.plannedStart().atZoneSameInstant(clock.zone()).toLocalDate();
            ActivityAudit.Snapshot before = ActivityAudit.Snapshot.of(activity);
            boolean released = false;
            for (UUID member : new UUID[] {activity.hostMemberId(), activity.recorderMemberId()}) {
                if (member != null && members.contains(member) && left(change, member, day)) {
                    released |= activity.release(member);
                }
            }
            if (released) {
                activities.flush();
                audit.write("ACTIVITY_MEMBER_RELEASED", before, activity);
                LOG.infof("activity %s: host or recorder released, they left their organization before %s", activity.id(), day);
            }
        }
    }

    /** Whether the member belonged to an organization on {@code day} before the change, and not to it after. */
    private static boolean left(Roster.MembershipsChanged change, UUID member, LocalDate day) {
        if (day.isBefore(change.changedFrom().get(member))) {
            return false;
        }
        UUID was = change.orgBefore(member, day);
        return was != null && !was.equals(change.orgAfter(member, day));
    }
}
