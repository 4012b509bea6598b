package org.dangjian.member.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberStage;
import org.dangjian.member.pipeline.PipelineDtos.ChangeStage;
import org.dangjian.platform.api.DomainException;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The rules of 发展党员工作细则 (DOMAIN.md §2), one check per rule, each refusing with its own code.
 * The numbers come from {@link MemberRules.Pipeline}.
 */
@ApplicationScoped
public class DevelopmentPolicy {

    @Inject
    MemberRules rules;

    /** 确定为入党积极分子: by the branch committee, with the contacts who will cultivate the activist. */
    public void checkActivist(ChangeStage r, int contacts) {
        requireDecision(r);
        requireContacts(contacts);
    }

    /** 确定为发展对象: after at least a year of cultivation, with the contacts still assigned. */
    public void checkCandidate(Member m, ChangeStage r, int contacts) {
        requireDecision(r);
        LocalDate earliest = m.dates().activistOn().plus(rules.pipeline().activistMinimumPeriod());
        if (r.effectiveOn().isBefore(earliest)) {
            throw DomainException.unprocessable("MEMBER_ACTIVIST_PERIOD_TOO_SHORT", rules.pipeline().activistMinimumPeriod(),
                    earliest);
        }
        requireContacts(contacts);
    }

    /**
     * 接收为预备党员: political review passed, enough training, the branch general meeting's vote
     * (effectiveOn) and the higher committee's approval within the allowed period after it.
     */
    public void checkAdmission(ChangeStage r) {
        requireDecision(r);
        if (!Boolean.TRUE.equals(r.politicalReviewPassed())) {
            throw DomainException.unprocessable("MEMBER_POLITICAL_REVIEW_MISSING");
        }
        int hours = rules.pipeline().candidateTrainingHours();
        if (r.trainingHours() == null || r.trainingHours() < hours) {
            throw DomainException.unprocessable("MEMBER_TRAINING_HOURS_INSUFFICIENT", hours, r.trainingHours() == null ? 0 : r.trainingHours());
        }
        if (r.approvedOn() == null || r.approver() == null || r.approver().isBlank()) {
            throw DomainException.unprocessable("MEMBER_APPROVAL_REQUIRED");
        }
        if (r.approvedOn().isBefore(r.effectiveOn())) {
            throw DomainException.unprocessable("MEMBER_APPROVAL_BEFORE_VOTE", r.approvedOn(), r.effectiveOn());
        }
        LocalDate latest = r.effectiveOn().plus(rules.pipeline().approvalWithin());
        if (r.approvedOn().isAfter(latest)) {
            throw DomainException.unprocessable("MEMBER_APPROVAL_TOO_LATE", rules.pipeline().approvalWithin(), latest);
        }
    }

    /** 转正: not before probation (one year from the vote, plus any extension) is over. */
    public void checkConversion(Member m, ChangeStage r) {
        requireDecision(r);
        LocalDate ends = m.probationEndsOn(rules.pipeline().probationPeriod());
        if (r.effectiveOn().isBefore(ends)) {
            throw DomainException.unprocessable("MEMBER_PROBATION_NOT_OVER", ends);
        }
    }

    /** 延长预备期: once, by a number of months within the allowed range, before conversion. */
    public void checkExtension(Member m, int months) {
        if (m.stage() != MemberStage.PROBATIONARY) {
            throw DomainException.unprocessable("MEMBER_NOT_ON_PROBATION", m.stage());
        }
        if (m.probationExtensionMonths() > 0) {
            throw DomainException.unprocessable("MEMBER_PROBATION_ALREADY_EXTENDED", m.probationExtensionMonths());
        }
        int min = rules.pipeline().extensionMinimumMonths();
        int max = rules.pipeline().extensionMaximumMonths();
        if (months < min || months > max) {
            throw DomainException.unprocessable("MEMBER_EXTENSION_OUT_OF_RANGE", months, min, max);
        }
    }

    /** The ends: a reason always; expulsion (开除党籍) only of a Party member. */
    public void checkEnd(Member m, ChangeStage r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw DomainException.unprocessable("MEMBER_END_REASON_REQUIRED", r.toStage());
        }
        if (r.toStage() == MemberStage.EXPELLED && !m.stage().isMember()) {
            throw DomainException.unprocessable("MEMBER_END_NOT_APPLICABLE", r.toStage(), m.stage());
        }
    }

    /** 谈话: due within the configured period of the application. */
    public LocalDate talkDueOn(LocalDate appliedOn) {
        return appliedOn.plus(talkWithin());
    }

    /** 考察: the next review is due one interval after the activist date or the last review. */
    public LocalDate reviewDueOn(LocalDate lastCheckpoint) {
        return lastCheckpoint.plus(reviewInterval());
    }

    public Period talkWithin() {
        return rules.pipeline().talkWithin();
    }

    public Period reviewInterval() {
        return rules.pipeline().activistReviewInterval();
    }

    /** An applicant becomes an activist only after the branch has talked with them (late or not). */
    public void checkTalkHeld(ChangeStage r, Optional<LocalDate> firstTalk) {
        if (firstTalk.isEmpty()) {
            throw DomainException.unprocessable("MEMBER_TALK_REQUIRED", r.effectiveOn());
        }
    }

    /**
     * An activist's cultivation is current when the last review (or the activist date, if none) is no
     * older than the review interval on the day of the candidacy decision.
     */
    public void checkActivistReviewed(Member m, ChangeStage r, Optional<LocalDate> lastReview) {
        LocalDate due = reviewDueOn(lastReview.orElse(m.dates().activistOn()));
        if (r.effectiveOn().isAfter(due)) {
            throw DomainException.unprocessable("MEMBER_ACTIVIST_REVIEW_OVERDUE", reviewInterval(), due);
        }
    }

    public int requiredContacts() {
        return rules.pipeline().requiredContacts();
    }

    private void requireContacts(int contacts) {
        int required = rules.pipeline().requiredContacts();
        if (contacts < required) {
            throw DomainException.unprocessable("MEMBER_CONTACTS_REQUIRED", required, contacts);
        }
    }

    private static void requireDecision(ChangeStage r) {
        if (r.decisionRef() == null || r.decisionRef().isBlank()) {
            throw DomainException.unprocessable("MEMBER_DECISION_REQUIRED", r.toStage());
        }
    }
}
