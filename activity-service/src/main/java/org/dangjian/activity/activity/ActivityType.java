package org.dangjian.activity.activity;

/** Kinds of organizational life (DOMAIN.md §3); required frequencies are configuration (ActivityRules). */
public enum ActivityType {
    BRANCH_GENERAL_MEETING("支部党员大会"),
    BRANCH_COMMITTEE_MEETING("支部委员会会议"),
    GROUP_MEETING("党小组会"),
    PARTY_LECTURE("党课"),
    THEMED_PARTY_DAY("主题党日"),
    ORGANIZATIONAL_LIFE_MEETING("组织生活会"),
    DEMOCRATIC_EVALUATION("民主评议党员"),
    STUDY_SESSION("理论学习"),
    TRAINING("培训班"),
    VOLUNTEER_SERVICE("志愿服务"),
    JOINT_MEETING("党建联席会");

    private final String label;

    ActivityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Training and volunteer service are counted in hours per member, not only in attendance. */
    public boolean countsHours() {
        return this == TRAINING || this == VOLUNTEER_SERVICE;
    }
}
