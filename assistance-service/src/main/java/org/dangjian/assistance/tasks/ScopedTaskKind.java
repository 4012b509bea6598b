package org.dangjian.assistance.tasks;

import jakarta.inject.Inject;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Condition;
import org.dangjian.platform.api.tasks.SqlTaskKind;

import java.util.HashMap;
import java.util.Map;

/**
 * This service's task kinds: a source {@code from … where …} of rows {@code id, org_id, due, label} whose organization
 * {@code org_unit u} lies in the caller's scope; the platform's {@link SqlTaskKind} counts and pages it.
 */
abstract class ScopedTaskKind extends SqlTaskKind {

    @Inject
    CallerScope scope;

    @Inject
    BusinessClock clock;

    /** The source, with {@code inScope} in its where clause. */
    abstract String source(Condition inScope);

    /** The source's own parameters besides the scope's. */
    Map<String, Object> sourceParameters() {
        return Map.of();
    }

    @Override
    protected Select select() {
        Condition inScope = scope.get().pathCondition("u.path");
        Map<String, Object> parameters = new HashMap<>(inScope.parameters());
        parameters.putAll(sourceParameters());
        return new Select("select t.id, t.label, t.org_id, t.due as due_on from (select * " + source(inScope) + ") t", parameters);
    }

}
