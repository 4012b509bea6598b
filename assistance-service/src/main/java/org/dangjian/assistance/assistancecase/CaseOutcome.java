package org.dangjian.assistance.assistancecase;

/** How a case ended (结案). */
public enum CaseOutcome {
    /** 困难已缓解 */
    RELIEVED,
    /** 仍需帮扶: to be followed by a new case or the yearly re-assessment */
    STILL_IN_NEED,
    OTHER
}
