package org.dangjian.organization.organization;

public enum OrganizationStatus {
    ACTIVE,
    /** 撤销: kept with its history, never deleted. */
    DISSOLVED
}
