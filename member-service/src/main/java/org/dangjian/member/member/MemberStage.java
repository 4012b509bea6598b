package org.dangjian.member.member;

/**
 * Where a person stands in the development pipeline (发展党员), in order, followed by the ends of
 * membership. Only the five live stages can be given when a record is registered.
 */
public enum MemberStage {
    /** 入党申请人 */
    APPLICANT,
    /** 入党积极分子 */
    ACTIVIST,
    /** 发展对象 */
    CANDIDATE,
    /** 预备党员 */
    PROBATIONARY,
    /** 正式党员 */
    FULL,
    /** 去世 */
    DECEASED,
    /** 退党 */
    WITHDRAWN,
    /** 除名 (incl. 取消预备党员资格 and 自行脱党) */
    REMOVED,
    /** 开除党籍 */
    EXPELLED;

    /**
     * The allowed stage changes: one step forward along the pipeline, or from any live stage to an
     * end. Nothing leaves an end, and no stage is skipped.
     */
    public boolean mayBecome(MemberStage next) {
        if (!isLive()) {
            return false;
        }
        return next.isLive() ? next.ordinal() == ordinal() + 1 : true;
    }

    public boolean isLive() {
        return ordinal() <= FULL.ordinal();
    }

    /** Whether the person is a Party member (probationary or full), e.g. to act as a contact. */
    public boolean isMember() {
        return this == PROBATIONARY || this == FULL;
    }
}
