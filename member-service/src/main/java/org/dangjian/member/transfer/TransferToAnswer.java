package org.dangjian.member.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.platform.api.tasks.SqlTaskKind;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 待办 TRANSFER_TO_ANSWER: open letters the caller's scope answers — addressed to a branch in it, or (a letter to
 * outside the platform) issued by it — due on the letter's last valid day.
 */
@ApplicationScoped
public class TransferToAnswer extends SqlTaskKind {

    static final String ANSWERING_ORG = "case when t.kind = 'WITHIN' then t.to_org_id else t.from_org_id end";

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Override
    public String kind() {
        return "TRANSFER_TO_ANSWER";
    }

    @Override
    public boolean appliesToCaller() {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.ORG_ADMIN) || caller.hasRole(Caller.BRANCH_SECRETARY);
    }

    @Override
    protected Select select() {
        Condition inScope = scope.orgCondition(ANSWERING_ORG, "org_unit");
        Map<String, Object> parameters = new HashMap<>(inScope.parameters());
        return new Select("""
                select t.id, t.letter_number || ' ' || t.member_name as label, %s as org_id, t.valid_until as due_on
                from transfer t
                where t.status = 'ISSUED' and t.kind in ('WITHIN', 'OUTGOING') and %s
                """.formatted(ANSWERING_ORG, inScope.sql()), parameters);
    }

    @Override
    protected String subjectType() {
        return "transfer";
    }

    @Override
    protected String link(UUID subjectId) {
        return "/api/v1/transfers/" + subjectId;
    }

}
