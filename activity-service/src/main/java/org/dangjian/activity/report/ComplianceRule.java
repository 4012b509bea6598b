package org.dangjian.activity.report;

/** Rules of organizational life the compliance report checks beyond each type's frequency. */
public enum ComplianceRule {
    /** The branch's secretary (as seated on the day) gives a Party lecture (支部工作条例: 书记讲党课). */
    SECRETARY_LECTURE("书记讲党课");

    private final String label;

    ComplianceRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
