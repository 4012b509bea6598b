package org.dangjian.activity.tasks;

import jakarta.enterprise.context.RequestScoped;

/**
 * ACTIVITY_AWAITING_REASSIGNMENT: a planned activity of a dissolved organization, to move to another organization or
 * cancel (the items of GET /activities/awaiting-reassignment); due on its planned day.
 */
@RequestScoped
public class AwaitingReassignment extends ActivityTaskKind {

    @Override
    public String kind() {
        return "ACTIVITY_AWAITING_REASSIGNMENT";
    }

    @Override
    String where() {
        return "a.status = 'PLANNED' and a.org_dissolved_at is not null";
    }
}
