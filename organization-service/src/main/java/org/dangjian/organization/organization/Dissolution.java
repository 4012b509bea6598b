package org.dangjian.organization.organization;

import java.time.LocalDate;

/**
 * An organization is being dissolved (撤销, or merged into another), fired in the dissolution's
 * transaction after its rules passed and before organization.dissolved is written: what hangs on the
 * organization (its leadership seats) ends that day, and its events precede the dissolution's.
 *
 * @param mergedInto true when it is dissolved by a merge (合并)
 */
public record Dissolution(Organization organization, LocalDate on, boolean mergedInto) {
}
