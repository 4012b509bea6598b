package org.dangjian.member.dues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.dues.DuesDtos.ExemptionView;
import org.dangjian.member.dues.DuesDtos.GrantExemption;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * 党费减免 (2008 规定): a member in real hardship may pay less or nothing for a while, on the branch
 * general meeting's decision. Exemptions are granted, never edited: a changed situation is a new decision.
 */
@ApplicationScoped
public class DuesExemptionService {

    @Inject
    DuesService duesService;

    @Inject
    DuesRepository dues;

    @Inject
    MemberAccess access;

    @Inject
    MemberRules rules;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Transactional
    public ExemptionView grant(UUID memberId, GrantExemption r) {
        Member m = duesService.payingMember(memberId);
        // Two decisions for the same member at once would both pass the overlap check: one waits for the other.
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        if (r.to().isBefore(r.from())) {
            throw DomainException.unprocessable("DUES_EXEMPTION_PERIOD_INVALID", r.from(), r.to());
        }
        long months = ChronoUnit.MONTHS.between(r.from(), r.to()) + 1;
        int maximum = rules.dues().exemptionMaximumMonths();
        if (months > maximum) {
            throw DomainException.unprocessable("DUES_EXEMPTION_TOO_LONG", maximum, months);
        }
        if (r.kind() == DuesExemption.Kind.REDUCED && r.monthlyAmount() == null) {
            throw DomainException.unprocessable("DUES_EXEMPTION_AMOUNT_REQUIRED");
        }
        List<DuesExemption> overlapping = dues.exemptions(List.of(m.id()), r.from(), r.to());
        if (!overlapping.isEmpty()) {
            throw DomainException.conflict("DUES_EXEMPTION_OVERLAPS", overlapping.get(0).from(), overlapping.get(0).to());
        }
        // A paid month stays paid: refunds are outside the platform.
        List<DuesPayment> paid = dues.payments(List.of(m.id()), r.from(), r.to());
        if (!paid.isEmpty()) {
            throw DomainException.conflict("DUES_MONTH_ALREADY_PAID", paid.get(0).month());
        }
        DuesExemption exemption = new DuesExemption(m.id(), r.kind(), r.from(), r.to(),
                r.monthlyAmount() == null ? null : r.monthlyAmount().setScale(2), r.reason().strip(), r.decisionRef().strip(),
                r.approvedOn(), caller.subject());
        dues.persist(exemption);
        dues.flush();
        ExemptionView view = ExemptionView.of(exemption);
        audit.write("DUES_EXEMPTION_GRANTED", "member", m.id(), null, view);
        return view;
    }

    @Transactional
    public List<ExemptionView> of(UUID memberId) {
        Member m = access.visible(memberId);
        return dues.exemptions(List.of(m.id()), YearMonth.of(1900, 1), YearMonth.of(9999, 12)).stream()
                .map(ExemptionView::of).toList();
    }
}
