package org.dangjian.activity.tasks;

import jakarta.enterprise.context.RequestScoped;

/**
 * ACTIVITY_TO_RECORD: a planned activity whose planned start has passed and that is not recorded (记录) or cancelled
 * yet, of an organization not dissolved (those are ACTIVITY_AWAITING_REASSIGNMENT); due on its planned day, so
 * overdue from the next day.
 */
@RequestScoped
public class ToRecord extends ActivityTaskKind {

    @Override
    public String kind() {
        return "ACTIVITY_TO_RECORD";
    }

    @Override
    String where() {
        return "a.status = 'PLANNED' and a.org_dissolved_at is null and a.planned_start <= :now";
    }
}
