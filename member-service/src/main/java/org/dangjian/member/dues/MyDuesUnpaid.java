package org.dangjian.member.dues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.config.MemberRules;
import org.dangjian.platform.api.tasks.SqlTaskKind;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;

import java.util.Map;
import java.util.UUID;

/**
 * 待办 MY_DUES_UNPAID, for a member-role token carrying member_id: their own dues unpaid up to this month (as
 * GET /me/dues counts them), due on the first day of the oldest unpaid month; at most one task.
 */
@ApplicationScoped
public class MyDuesUnpaid extends SqlTaskKind {

    @Inject
    Caller caller;

    @Inject
    MemberRules rules;

    @Inject
    BusinessClock clock;

    @Override
    public String kind() {
        return "MY_DUES_UNPAID";
    }

    @Override
    public boolean appliesToCaller() {
        return caller.hasRole(Caller.MEMBER) && caller.memberId().isPresent();
    }

    @Override
    protected Select select() {
        Map<String, Object> parameters = DuesArrears.months(rules, clock);
        parameters.put("me", caller.memberId().orElseThrow());
        return new Select(DuesArrears.OWING.formatted("m.id = :me"), parameters);
    }

    @Override
    protected String subjectType() {
        return "member";
    }

    @Override
    protected String link(UUID subjectId) {
        return "/api/v1/me/dues";
    }

}
