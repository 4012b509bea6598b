package org.dangjian.activity.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.activity.Activity;
import org.dangjian.activity.activity.ActivityRepository;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.config.ActivityRules.Frequency;
import org.dangjian.activity.roster.Roster;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.orgtree.OrgUnit;
import org.dangjian.platform.orgtree.Organizations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generates a branch's year plan from the required frequencies (a starting point to edit): each
 * required occurrence spread evenly over its month, quarter or year, group meetings on each Party
 * group, nothing already in the past.
 */
@ApplicationScoped
public class YearPlanService {

    static final String PLACE_TO_BE_DECIDED = "待定";
    private static final LocalTime DEFAULT_START = LocalTime.of(14, 30);

    @Inject
    ActivityRules rules;

    @Inject
    ActivityRepository activities;

    @Inject
    Roster roster;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    @Inject
    BusinessClock clock;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The audit log's view of a generated plan: the organization is the target, the activities are listed. */
    record GeneratedPlan(int year, int activities, List<UUID> activityIds) {
    }

    static final String AUDIT_TARGET = "year_plan";

    @Transactional
    public Generated generate(UUID orgId, int year) {
        OrgUnit branch = organizations.requireInScope(orgId);
        if (!rules.branchTypes().contains(branch.type())) {
            throw DomainException.unprocessable("YEAR_PLAN_NOT_A_BRANCH", branch.name(), branch.type());
        }
        if (!"ACTIVE".equals(branch.status())) {
            throw DomainException.unprocessable("ORGANIZATION_NOT_ACTIVE", branch.name());
        }
        int inserted = em.createNativeQuery("""
                insert into year_plan (org_id, year, generated_at, generated_by, activities)
                values (?1, ?2, now(), ?3, 0) on conflict do nothing""")
                .setParameter(1, orgId).setParameter(2, year).setParameter(3, caller.subject()).executeUpdate();
        if (inserted == 0) {
            return new Generated(false, existing(orgId, year));
        }
        List<Activity> planned = new ArrayList<>();
        LocalDate today = clock.today();
        List<UUID> groups = activeGroups(orgId);
        boolean hasCommittee = fullMembers(orgId, today) >= rules.committeeThreshold();
        for (Map.Entry<String, Frequency> entry : rules.frequencies().entrySet()) {
            ActivityType type = ActivityType.valueOf(entry.getKey());
            Frequency frequency = entry.getValue();
            List<UUID> holders = switch (frequency.appliesWhen()) {
                case ALWAYS -> List.of(orgId);
                case HAS_COMMITTEE -> hasCommittee ? List.of(orgId) : List.of();
                case HAS_GROUPS -> groups;
            };
            for (UUID holder : holders) {
                for (LocalDate day : occurrences(year, frequency)) {
                    if (day.isBefore(today)) {
                        continue;
                    }
                    Activity activity = Activity.plan(new Activity.Plan(holder, type, topic(type, day, frequency),
                            day.atTime(DEFAULT_START).atZone(clock.zone()).toOffsetDateTime(), null, PLACE_TO_BE_DECIDED,
                            null, null, null), caller.subject(), OffsetDateTime.now(ZoneOffset.UTC));
                    activities.persist(activity);
                    planned.add(activity);
                }
            }
        }
        em.createNativeQuery("update year_plan set activities = ?3, activity_ids = cast(?4 as uuid[]) where org_id = ?1 and year = ?2")
                .setParameter(1, orgId).setParameter(2, year).setParameter(3, planned.size())
                .setParameter(4, planned.stream().map(a -> a.id().toString())
                        .collect(java.util.stream.Collectors.joining(",", "{", "}"))).executeUpdate();
        activities.flush();
        audit.write("YEAR_PLAN_GENERATED", AUDIT_TARGET, orgId, null,
                new GeneratedPlan(year, planned.size(), planned.stream().map(Activity::id).toList()));
        return new Generated(true, planned);
    }

    /** A year plan and whether this request generated it (else it existed: a retry, or someone generated it first). */
    public record Generated(boolean created, List<Activity> activities) {
    }

    /** The activities a plan generated, in the order it planned them, as they are now. */
    private List<Activity> existing(UUID orgId, int year) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select x.id from year_plan p, unnest(p.activity_ids) with ordinality as x(id, n)
                where p.org_id = ?1 and p.year = ?2 order by x.n""", UUID.class)
                .setParameter(1, orgId).setParameter(2, year).getResultList();
        Map<UUID, Activity> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            activities.list("id in ?1", ids).forEach(a -> byId.put(a.id(), a));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The days of the required occurrences: {@code minimum} per unit, spread evenly inside each unit. */
    static List<LocalDate> occurrences(int year, Frequency frequency) {
        List<LocalDate> days = new ArrayList<>();
        int months = switch (frequency.per()) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
        for (LocalDate start = LocalDate.of(year, 1, 1); start.getYear() == year; start = start.plusMonths(months)) {
            long length = ChronoUnit.DAYS.between(start, start.plusMonths(months));
            for (int k = 1; k <= frequency.minimum(); k++) {
                days.add(start.plusDays(length * k / (frequency.minimum() + 1)));
            }
        }
        return days;
    }

    private static String topic(ActivityType type, LocalDate day, Frequency frequency) {
        String when = switch (frequency.per()) {
            case MONTH -> day.getYear() + "年" + day.getMonthValue() + "月";
            case QUARTER -> day.getYear() + "年第" + ((day.getMonthValue() - 1) / 3 + 1) + "季度";
            case YEAR -> day.getYear() + "年度";
        };
        return type.label() + "（" + when + "）";
    }

    @SuppressWarnings("unchecked")
    private List<UUID> activeGroups(UUID branchId) {
        return em.createNativeQuery("""
                select id from org_unit where parent_id = ?1 and type = 'GROUP' and status = 'ACTIVE' order by path""")
                .setParameter(1, branchId).getResultList();
    }

    private long fullMembers(UUID orgId, LocalDate on) {
        return roster.on(orgId, on).stream().filter(e -> "FULL".equals(e.stage())).count();
    }
}
