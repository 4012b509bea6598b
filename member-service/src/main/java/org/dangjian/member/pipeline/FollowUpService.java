package org.dangjian.member.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.orgtree.Organizations;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberStage;
import org.dangjian.member.pipeline.DevelopmentRecord.Kind;
import org.dangjian.member.pipeline.FollowUpDtos.DevelopmentRecordView;
import org.dangjian.member.pipeline.FollowUpDtos.DueView;
import org.dangjian.member.pipeline.FollowUpDtos.RecordReview;
import org.dangjian.member.pipeline.FollowUpDtos.RecordTalk;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.scope.CallerScope;
import org.dangjian.platform.api.scope.Scope;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The branch's follow-up of people in development: the talk with an applicant (谈话) and the regular
 * review of an activist (考察). A late one is still recorded, marked late: refusing it would only
 * hide that the branch fell behind. What is refused is the next step without them (see
 * {@link DevelopmentPolicy#checkTalkHeld} and {@link DevelopmentPolicy#checkActivistReviewed}).
 */
@ApplicationScoped
public class FollowUpService {

    @Inject
    MemberAccess access;

    @Inject
    CallerScope scope;

    @Inject
    Organizations organizations;

    @Inject
    DevelopmentRecordRepository records;

    @Inject
    DevelopmentPolicy policy;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    BusinessClock clock;

    @Transactional
    public DevelopmentRecordView recordTalk(UUID memberId, RecordTalk r) {
        Member m = inDevelopment(memberId, MemberStage.APPLICANT, "MEMBER_NOT_APPLICANT");
        LocalDate appliedOn = m.dates().appliedOn();
        if (appliedOn == null || r.heldOn().isBefore(appliedOn)) {
            throw DomainException.unprocessable("MEMBER_TALK_BEFORE_APPLICATION", r.heldOn(), appliedOn);
        }
        DevelopmentRecord talk = new DevelopmentRecord(m.id(), Kind.TALK, r.heldOn(), policy.talkDueOn(appliedOn),
                r.talkedBy().strip(), null, null, r.summary(), caller.subject());
        return save(talk, "MEMBER_TALK_RECORDED");
    }

    @Transactional
    public DevelopmentRecordView recordReview(UUID memberId, RecordReview r) {
        Member m = inDevelopment(memberId, MemberStage.ACTIVIST, "MEMBER_NOT_ACTIVIST");
        LocalDate activistOn = m.dates().activistOn();
        if (activistOn == null || r.reviewedOn().isBefore(activistOn)) {
            throw DomainException.unprocessable("MEMBER_REVIEW_BEFORE_ACTIVIST", r.reviewedOn(), activistOn);
        }
        // Due from the review before this one, so a review recorded afterwards from paper is judged fairly.
        LocalDate previous = records.lastReviewBy(m.id(), r.reviewedOn().minusDays(1)).orElse(activistOn);
        DevelopmentRecord review = new DevelopmentRecord(m.id(), Kind.REVIEW, r.reviewedOn(), policy.reviewDueOn(previous),
                r.reviewedBy().strip(), r.decisionRef(), r.outcome(), r.summary(), caller.subject());
        return save(review, "MEMBER_REVIEW_RECORDED");
    }

    @Transactional
    public List<DevelopmentRecordView> history(UUID memberId) {
        Member m = access.visible(memberId);
        return records.of(m.id()).stream().map(DevelopmentRecordView::of).toList();
    }

    /** Talks or reviews due on or before {@code until} (default today) in the caller's subtree. */
    @Transactional
    public ListPage<DueView> due(Kind kind, LocalDate until, UUID orgId, ListQuery query) {
        query.sort("dueOn");
        var after = query.after();
        LocalDate today = clock.today();
        LocalDate by = until == null ? today : until;
        Scope inScope = orgId == null ? scope.get() : Scope.within(orgId, organizations.requireInScope(orgId).path());
        List<DevelopmentRecordRepository.Due> rows = kind == Kind.TALK
                ? records.talksDue(inScope, policy.talkWithin(), by, after, query.limit())
                : records.reviewsDue(inScope, policy.reviewInterval(), by, after, query.limit());
        return ListPage.of(rows, query, d -> Cursor.at(d.dueOn(), d.memberId())).map(d -> new DueView(kind, d.memberId(), d.memberNumber(), d.name(), d.orgId(), d.dueOn(),
                d.dueOn().isBefore(today)));
    }

    private Member inDevelopment(UUID memberId, MemberStage stage, String code) {
        Member m = access.visible(memberId);
        if (m.stage() != stage || !m.isHere()) {
            throw DomainException.unprocessable(code, m.stage());
        }
        return m;
    }

    private DevelopmentRecordView save(DevelopmentRecord record, String action) {
        records.persist(record);
        DevelopmentRecordView view = DevelopmentRecordView.of(record);
        audit.write(action, "member", record.memberId(), null, view);
        return view;
    }
}
