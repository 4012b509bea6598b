package org.dangjian.member.dues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.config.MemberRules;
import org.dangjian.platform.api.tasks.SqlTaskKind;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 待办 DUES_ARREARS: probationary and full members in the caller's scope who owe dues up to this month — the
 * members GET /dues/arrears lists per branch — due on the first day of the oldest unpaid month.
 */
@ApplicationScoped
public class DuesArrears extends SqlTaskKind {

    /**
     * Party members with the first month they owe and have not paid (a waived month is owed nothing), from the
     * month of admission (or of becoming full) but not before the platform tracks dues, up to {@code :thisMonth}:
     * the months a statement counts as unpaid. {@code %s} takes the further conditions on {@code m}.
     */
    static final String OWING = """
            select o.id, o.label, o.org_id, o.due_on from (
              select m.id, m.name as label, m.org_id,
                     (select min(cast(g.month as date))
                      from generate_series(greatest(date_trunc('month', coalesce(m.admitted_on, m.full_on, cast(:tracked as date))),
                                                    cast(:tracked as timestamp)),
                                           cast(:thisMonth as timestamp), interval '1 month') g(month)
                      where not exists (select 1 from dues_payment p where p.member_id = m.id and p.month = cast(g.month as date))
                        and not exists (select 1 from dues_exemption e where e.member_id = m.id and e.kind = 'WAIVED'
                                        and cast(g.month as date) between e.from_month and e.to_month)) as due_on
              from member m
              where m.stage in ('PROBATIONARY', 'FULL') and m.transferred_out_on is null and %s
            ) o where o.due_on is not null
            """;

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    MemberRules rules;

    @Inject
    BusinessClock clock;

    @Override
    public String kind() {
        return "DUES_ARREARS";
    }

    @Override
    public boolean appliesToCaller() {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN) || caller.hasRole(Caller.BRANCH_SECRETARY);
    }

    @Override
    protected Select select() {
        Condition inScope = scope.orgCondition("m.org_id", "org_unit");
        Map<String, Object> parameters = months(rules, clock);
        parameters.putAll(inScope.parameters());
        return new Select(OWING.formatted(inScope.sql()), parameters);
    }

    static Map<String, Object> months(MemberRules rules, BusinessClock clock) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tracked", YearMonth.parse(rules.dues().trackedFrom()).atDay(1));
        parameters.put("thisMonth", YearMonth.from(clock.today()).atDay(1));
        return parameters;
    }

    @Override
    protected String subjectType() {
        return "member";
    }

    @Override
    protected String link(UUID subjectId) {
        return "/api/v1/members/" + subjectId + "/dues";
    }

}
