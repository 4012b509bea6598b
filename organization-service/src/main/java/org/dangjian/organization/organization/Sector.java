package org.dangjian.organization.organization;

/** 单位类别: the kind of unit or community an organization is set up in (DOMAIN.md §1). */
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
