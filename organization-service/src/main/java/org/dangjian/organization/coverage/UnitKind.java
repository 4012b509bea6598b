package org.dangjian.organization.coverage;

public enum UnitKind {
    /** 非公有制企业 */
    NON_PUBLIC_ENTERPRISE,
    /** 社会组织 */
    SOCIAL_ORGANIZATION
}
