package org.dangjian.activity.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.activity.AttendanceStatus;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.leadership.LeadershipCopy;
import org.dangjian.activity.participation.ParticipationDtos.Participation;
import org.dangjian.activity.participation.ParticipationDtos.ParticipationLine;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Standing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A member's organizational life in a year: activities, attendance rate, training and volunteer hours. */
@ApplicationScoped
public class ParticipationService {

    static final String MEMBER = "MEMBER";
    static final String LEADER = "LEADER";

    @Inject
    EntityManager em;

    @Inject
    Roster roster;

    @Inject
    ActivityRules rules;

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    LeadershipCopy leadership;

    @Inject
    BusinessClock clock;

    @Transactional
    public Participation of(UUID memberId, int year) {
        Roster.MemberNow member = roster.member(memberId)
                .orElseThrow(() -> DomainException.notFound("MEMBER_NOT_FOUND", memberId));
        boolean ownRecord = requireVisible(member);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.id, a.org_id, a.type, a.topic, a.held_on, t.status, t.leave_reason, t.hours
                from activity_attendance t join activity a on a.id = t.activity_id
                where t.member_id = ?1 and a.status = 'HELD' and a.held_on >= ?2 and a.held_on < ?3
                order by a.held_on, a.id""")
                .setParameter(1, memberId)
                .setParameter(2, LocalDate.of(year, 1, 1))
                .setParameter(3, LocalDate.of(year + 1, 1, 1))
                .getResultList();
        List<ParticipationLine> lines = rows.stream().map(r -> {
            ParticipationLine line = new ParticipationLine((UUID) r[0], (UUID) r[1], ActivityType.valueOf((String) r[2]),
                    (String) r[3], Sql.date(r[4]), AttendanceStatus.valueOf((String) r[5]), (String) r[6],
                    r[7] == null ? null : Sql.decimal(r[7]), false);
            // A member transferred in brings their year's record, but the activities their former branch held
            // outside this caller's subtree stay that branch's: counted, not named.
            return ownRecord || scope.covers(line.orgId()) ? line : line.withheld();
        }).toList();
        // Who owes the leaders' hours is judged on the year's last day, or today while the year runs.
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = clock.today().isBefore(yearEnd) ? clock.today() : yearEnd;
        boolean leader = leadership.leaderOn(memberId, asOf);
        int required = leader ? rules.hours().leaderTraining() : rules.hours().memberTraining();
        return Participation.of(member, year, lines, BigDecimal.valueOf(required), leader ? LEADER : MEMBER, asOf,
                leadership.seatsOn(memberId, asOf));
    }

    /**
     * Whether the caller reads their own record. A member sees only themselves; others the members currently in their subtree, and those who left the
     * platform from it (their history stays with the organization they last belonged to). This read does not
     * admit auditors: one who is also a member gets in as a member, and so sees only themselves too.
     */
    private boolean requireVisible(Roster.MemberNow member) {
        Standing standing = scope.standing();
        if (standing.isMemberOnly() || standing == Standing.AUDITOR) {
            if (!caller.memberId().map(member.memberId()::equals).orElse(false)) {
                throw DomainException.notFound("MEMBER_NOT_FOUND", member.memberId());
            }
            return true;
        }
        scope.require(member.lastOrgId(), "MEMBER_NOT_FOUND", member.memberId());
        return false;
    }
}
