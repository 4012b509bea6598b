package org.dangjian.member.dues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.dues.DuesDtos.BaseView;
import org.dangjian.member.dues.DuesDtos.MonthView;
import org.dangjian.member.dues.DuesDtos.PaymentView;
import org.dangjian.member.dues.DuesDtos.Receipt;
import org.dangjian.member.dues.DuesDtos.SetBase;
import org.dangjian.member.dues.DuesDtos.Statement;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberStage;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.scope.CallerScope;

import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.list.SortOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Dues (党费): the yearly base, monthly payments, statements and the arrears of a branch. */
@ApplicationScoped
public class DuesService {

    @Inject
    DuesRepository dues;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    DuesTable table;

    @Inject
    MemberAccess access;

    @Inject
    MemberRepository members;

    @Inject
    CallerScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    MemberRules rules;

    @Inject
    BusinessClock clock;

    @Transactional
    public BaseView setBase(UUID memberId, int year, SetBase r) {
        Member m = payingMember(memberId);
        DuesTable.Due due = table.monthly(m.category(), r.monthlyIncome(), r.monthlyAmount());
        java.util.Optional<DuesBase> existing = dues.base(m.id(), year);
        BaseView before = existing.map(BaseView::of).orElse(null);
        DuesBase base = existing.orElseGet(() -> new DuesBase(m.id(), year));
        base.set(m.category(), r.monthlyIncome(), due, caller.subject());
        if (existing.isEmpty()) {
            dues.persist(base);
        }
        dues.flush();
        audit.write("DUES_BASE_SET", "member", m.id(), before, BaseView.of(base));
        return BaseView.of(base);
    }

    @Transactional
    public Receipt pay(UUID memberId, List<YearMonth> months, LocalDate paidOn) {
        return pay(payingMember(access.visible(memberId)), months, paidOn);
    }

    /** The token's own member pays (/me): their record whatever their role's scope, by the same rule as staff recording it. */
    @Transactional
    public Receipt payOwn(UUID memberId, List<YearMonth> months, LocalDate paidOn) {
        return pay(payingMember(own(memberId)), months, paidOn);
    }

    @Transactional
    public Statement ownStatement(UUID memberId, YearMonth asOf) {
        YearMonth until = asOf != null ? asOf : YearMonth.from(clock.today());
        return statements(List.of(own(memberId)), until).get(0);
    }

    /** The member's payments, newest month first by default; a member pays a month once, so the month is the key. */
    @Transactional
    public ListPage<PaymentView> ownPayments(UUID memberId, ListQuery query) {
        Member m = own(memberId);
        SortOrder order = query.sort("-month", "month");
        var cursor = query.after();
        String where = cursor.isPresent() ? " and " + order.after("p.month") : "";
        var select = em.createQuery("from DuesPayment p where p.memberId = :m" + where + " order by "
                + order.orderBy("p.month"), DuesPayment.class).setParameter("m", m.id()).setMaxResults(query.limit());
        cursor.ifPresent(c -> select.setParameter("cursor0", c.date(0)));
        return ListPage.of(select.getResultList(), query, p -> Cursor.at(p.month().atDay(1))).map(PaymentView::of);
    }

    private Member own(UUID memberId) {
        return members.byId(memberId).orElseThrow(() -> MemberAccess.notFound(memberId));
    }

    private Receipt pay(Member m, List<YearMonth> months, LocalDate paidOn) {
        YearMonth owedFrom = owedFrom(m);
        Set<YearMonth> wanted = new TreeSet<>(months);
        if (wanted.size() != months.size()) {
            throw DomainException.badRequest("DUES_MONTH_REPEATED");
        }
        YearMonth first = wanted.iterator().next();
        YearMonth last = ((TreeSet<YearMonth>) wanted).last();
        Set<YearMonth> paid = dues.payments(List.of(m.id()), first, last).stream().map(DuesPayment::month)
                .collect(Collectors.toSet());
        Map<Integer, DuesBase> bases = basesByYear(m.id(), first.getYear(), last.getYear());
        List<DuesExemption> exemptions = dues.exemptions(List.of(m.id()), first, last);
        LocalDate on = paidOn != null ? paidOn : clock.today();
        List<PaymentView> recorded = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (YearMonth month : wanted) {
            if (month.isBefore(owedFrom)) {
                throw DomainException.unprocessable("DUES_MONTH_BEFORE_ADMISSION", month, owedFrom);
            }
            if (paid.contains(month)) {
                throw DomainException.conflict("DUES_MONTH_ALREADY_PAID", month);
            }
            BigDecimal amount = amountOwed(month, bases, exemptions);
            DuesPayment payment = new DuesPayment(m.id(), month, amount, on, caller.subject());
            dues.persist(payment);
            recorded.add(PaymentView.of(payment));
            total = total.add(amount);
        }
        dues.flush();
        Receipt receipt = new Receipt(m.id(), recorded, total);
        audit.write("DUES_PAID", "member", m.id(), null, receipt);
        return receipt;
    }

    @Transactional
    public Statement statement(UUID memberId, YearMonth asOf) {
        Member m = access.visible(memberId);
        YearMonth until = asOf != null ? asOf : YearMonth.from(clock.today());
        return statements(List.of(m), until).get(0);
    }

    /**
     * Members of the branch who owe dues up to {@code asOf}, the lapsed ones first, then by member id. A branch holds
     * tens of members (DOMAIN.md §1: normally ≤ 50), so its statements are computed whole and paged here.
     */
    @Transactional
    public ListPage<Statement> arrears(UUID branchId, YearMonth asOf, ListQuery query) {
        query.sort("lapsed");
        var after = query.after();
        if (!scope.covers(branchId)) {
            throw DomainException.notFound("ORGANIZATION_NOT_FOUND", branchId);
        }
        YearMonth until = asOf != null ? asOf : YearMonth.from(clock.today());
        List<Member> paying = members.list("orgId = ?1 and stage in ?2 and transferredOutOn is null order by id", branchId,
                List.of(MemberStage.PROBATIONARY, MemberStage.FULL));
        Comparator<Statement> order = Comparator.comparing((Statement s) -> s.lapsed() ? 0 : 1)
                .thenComparing(Statement::memberId, org.dangjian.platform.api.tasks.TaskKind::compareUnsigned);
        List<Statement> owing = statements(paying, until).stream().filter(s -> s.unpaidMonths() > 0).sorted(order).toList();
        if (after.isPresent()) {
            Statement position = new Statement(after.get().uuid(1), null, null, null, List.of(), 0, null, 0,
                    after.get().number(0) == 0);
            owing = owing.stream().filter(s -> order.compare(s, position) > 0).toList();
        }
        return ListPage.of(owing.subList(0, Math.min(owing.size(), query.limit())), query,
                s -> Cursor.at(s.lapsed() ? 0 : 1, s.memberId()));
    }

    private List<Statement> statements(List<Member> ms, YearMonth asOf) {
        if (ms.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = ms.stream().map(Member::id).toList();
        YearMonth earliest = ms.stream().map(this::owedFrom).min(Comparator.naturalOrder()).orElseThrow();
        Map<UUID, List<DuesPayment>> payments = dues.payments(ids, earliest, asOf).stream()
                .collect(Collectors.groupingBy(DuesPayment::memberId));
        Map<UUID, List<DuesBase>> bases = dues.bases(ids, earliest.getYear(), asOf.getYear()).stream()
                .collect(Collectors.groupingBy(DuesBase::memberId));
        Map<UUID, List<DuesExemption>> exemptions = dues.exemptions(ids, earliest, asOf).stream()
                .collect(Collectors.groupingBy(DuesExemption::memberId));
        return ms.stream().map(m -> statement(m, asOf, payments.getOrDefault(m.id(), List.of()),
                bases.getOrDefault(m.id(), List.of()), exemptions.getOrDefault(m.id(), List.of()))).toList();
    }

    private Statement statement(Member m, YearMonth asOf, List<DuesPayment> payments, List<DuesBase> bases,
            List<DuesExemption> exemptions) {
        Map<YearMonth, DuesPayment> paid = payments.stream().collect(Collectors.toMap(DuesPayment::month, Function.identity()));
        Map<Integer, BigDecimal> amounts = bases.stream().collect(Collectors.toMap(DuesBase::year, DuesBase::monthlyAmount));
        YearMonth owedFrom = owedFrom(m);
        List<MonthView> months = new ArrayList<>();
        int unpaid = 0;
        int run = 0;
        int longest = 0;
        BigDecimal arrears = BigDecimal.ZERO.setScale(2);
        for (YearMonth month = owedFrom; !month.isAfter(asOf); month = month.plusMonths(1)) {
            DuesPayment payment = paid.get(month);
            DuesExemption exemption = covering(month, exemptions);
            BigDecimal amount = payment != null ? payment.amount()
                    : exemption != null ? exemption.amountOwed() : amounts.get(month.getYear());
            months.add(new MonthView(month, amount, payment != null, payment == null ? null : payment.paidOn(),
                    exemption == null ? null : exemption.kind()));
            if (exemption != null && exemption.kind() == DuesExemption.Kind.WAIVED) {
                // Excused: nothing owed, and not part of a run of months "unpaid without reason".
                run = 0;
            } else if (payment == null) {
                unpaid++;
                run++;
                longest = Math.max(longest, run);
                arrears = amount == null ? arrears : arrears.add(amount);
            } else {
                run = 0;
            }
        }
        return new Statement(m.id(), m.name(), owedFrom, asOf, months, unpaid, arrears, longest,
                longest >= rules.dues().lapseMonths());
    }

    /** Dues are owed from the month of admission, but not before the platform tracks them. */
    private YearMonth owedFrom(Member m) {
        LocalDate admitted = m.dates().admittedOn() != null ? m.dates().admittedOn() : m.dates().fullOn();
        YearMonth tracked = YearMonth.parse(rules.dues().trackedFrom());
        YearMonth from = admitted == null ? tracked : YearMonth.from(admitted);
        return from.isBefore(tracked) ? tracked : from;
    }

    /** A month's dues: the exemption's amount when one covers it (a waived month cannot be paid), else the year's base. */
    private static BigDecimal amountOwed(YearMonth month, Map<Integer, DuesBase> bases, List<DuesExemption> exemptions) {
        DuesExemption exemption = covering(month, exemptions);
        if (exemption != null) {
            if (exemption.kind() == DuesExemption.Kind.WAIVED) {
                throw DomainException.unprocessable("DUES_MONTH_WAIVED", month);
            }
            return exemption.amountOwed();
        }
        DuesBase base = bases.get(month.getYear());
        if (base == null) {
            throw DomainException.unprocessable("DUES_BASE_NOT_SET", month.getYear());
        }
        return base.monthlyAmount();
    }

    static DuesExemption covering(YearMonth month, List<DuesExemption> exemptions) {
        return exemptions.stream().filter(e -> e.covers(month)).findFirst().orElse(null);
    }

    Member payingMember(UUID memberId) {
        return payingMember(access.visible(memberId));
    }

    private static Member payingMember(Member m) {
        if (!m.stage().isMember() || !m.isHere()) {
            throw DomainException.unprocessable("DUES_NOT_A_PARTY_MEMBER", m.stage());
        }
        return m;
    }

    private Map<Integer, DuesBase> basesByYear(UUID memberId, int from, int to) {
        return dues.bases(List.of(memberId), from, to).stream().collect(Collectors.toMap(DuesBase::year, Function.identity()));
    }
}
