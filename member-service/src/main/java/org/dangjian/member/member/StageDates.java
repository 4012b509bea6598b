package org.dangjian.member.member;

import org.dangjian.platform.api.DomainException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The date each pipeline stage was reached: 申请, 确定为积极分子, 确定为发展对象, 接收为预备党员 (the
 * branch vote), 转正. A record registered from paper files carries the dates it has.
 */
public record StageDates(LocalDate appliedOn, LocalDate activistOn, LocalDate candidateOn, LocalDate admittedOn,
        LocalDate fullOn) {

    public static final StageDates NONE = new StageDates(null, null, null, null, null);

    /** The date the given live stage was reached, or null. */
    public LocalDate of(MemberStage stage) {
        return switch (stage) {
            case APPLICANT -> appliedOn;
            case ACTIVIST -> activistOn;
            case CANDIDATE -> candidateOn;
            case PROBATIONARY -> admittedOn;
            case FULL -> fullOn;
            default -> null;
        };
    }

    public StageDates with(MemberStage stage, LocalDate date) {
        return new StageDates(
                stage == MemberStage.APPLICANT ? date : appliedOn,
                stage == MemberStage.ACTIVIST ? date : activistOn,
                stage == MemberStage.CANDIDATE ? date : candidateOn,
                stage == MemberStage.PROBATIONARY ? date : admittedOn,
                stage == MemberStage.FULL ? date : fullOn);
    }

    /**
     * Refuses dates that cannot describe a record at {@code stage}: the current stage's date missing,
     * a date of a later stage, dates out of pipeline order, or a date after {@code today}.
     */
    public void requireConsistentWith(MemberStage stage, LocalDate today) {
        if (of(stage) == null) {
            throw DomainException.unprocessable("MEMBER_STAGE_DATE_MISSING", stage);
        }
        List<LocalDate> reached = new ArrayList<>();
        for (MemberStage s : MemberStage.values()) {
            if (!s.isLive()) {
                break;
            }
            LocalDate date = of(s);
            if (s.ordinal() > stage.ordinal()) {
                if (date != null) {
                    throw DomainException.unprocessable("MEMBER_STAGE_DATES_INCONSISTENT", s, stage);
                }
                continue;
            }
            if (date == null) {
                continue;
            }
            if (date.isAfter(today) || (!reached.isEmpty() && date.isBefore(reached.get(reached.size() - 1)))) {
                throw DomainException.unprocessable("MEMBER_STAGE_DATES_INCONSISTENT", s, stage);
            }
            reached.add(date);
        }
    }
}
