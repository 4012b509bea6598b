package org.dangjian.activity.report;

/**
 * An organization's sector (单位类别, DOMAIN.md §1) as organization-service names it: some requirements of
 * organizational life apply in some sectors only (seed 002: 理论学习 in government organs).
 */
public enum Sector {
    GOVERNMENT_ORGAN,
    PUBLIC_INSTITUTION,
    STATE_ENTERPRISE,
    NON_PUBLIC_ENTERPRISE,
    SOCIAL_ORGANIZATION,
    VILLAGE,
    COMMUNITY,
    SCHOOL,
    MOBILE,
    RETURNED_GRADUATES
}
