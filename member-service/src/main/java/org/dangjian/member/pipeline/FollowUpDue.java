package org.dangjian.member.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.tasks.SqlTaskKind;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 待办 DEVELOPMENT_FOLLOW_UP_DUE: the talks (谈话) and reviews (考察) due in the caller's scope on or before today —
 * what GET /development-follow-ups lists for kind TALK and REVIEW — each due on its own due date.
 */
@ApplicationScoped
public class FollowUpDue extends SqlTaskKind {

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    DevelopmentPolicy policy;

    @Inject
    BusinessClock clock;

    @Override
    public String kind() {
        return "DEVELOPMENT_FOLLOW_UP_DUE";
    }

    @Override
    public boolean appliesToCaller() {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN) || caller.hasRole(Caller.BRANCH_SECRETARY);
    }

    @Override
    protected Select select() {
        Condition inScope = scope.orgCondition("m.org_id", "org_unit");
        String where = "and " + inScope.sql();
        Map<String, Object> parameters = new HashMap<>(inScope.parameters());
        parameters.put("talkWithin", policy.talkWithin().toString());
        parameters.put("reviewInterval", policy.reviewInterval().toString());
        parameters.put("today", clock.today());
        String talks = DevelopmentRecordRepository.TALKS_DUE.formatted(where).replace(":within", ":talkWithin");
        String reviews = DevelopmentRecordRepository.REVIEWS_DUE.formatted(where).replace(":within", ":reviewInterval");
        return new Select("select f.id, f.name as label, f.org_id, f.due_on from (" + talks + " union all " + reviews
                + ") f where f.due_on <= :today", parameters);
    }

    @Override
    protected String subjectType() {
        return "member";
    }

    @Override
    protected String link(UUID subjectId) {
        return "/api/v1/members/" + subjectId + "/development-records";
    }

}
