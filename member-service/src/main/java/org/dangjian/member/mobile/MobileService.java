package org.dangjian.member.mobile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.member.Branches;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberAccess;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberStage;
import org.dangjian.member.mobile.MobileDtos.MobileView;
import org.dangjian.member.mobile.MobileDtos.RegisterMobile;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.api.scope.CallerScope;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Mobile members (流动党员): registered by the home branch, listed by home and by host branch. */
@ApplicationScoped
public class MobileService {

    @Inject
    EntityManager em;

    @Inject
    MemberAccess access;

    @Inject
    MemberRepository members;

    @Inject
    Branches branches;

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
    public MobileView register(UUID memberId, RegisterMobile r) {
        Member m = access.visible(memberId);
        if (!m.stage().isMember() || !m.isHere()) {
            throw DomainException.unprocessable("MOBILE_NOT_A_PARTY_MEMBER", m.stage());
        }
        if (r.hostOrgId() != null) {
            branches.requireAnywhere(r.hostOrgId(), "MOBILE_HOST_NOT_FOUND");
            if (r.hostOrgId().equals(m.orgId())) {
                throw DomainException.unprocessable("MOBILE_HOST_IS_HOME_BRANCH");
            }
        }
        if (r.contactMemberId() != null) {
            // A member the caller may see, or the same answer for an unknown id and one outside the scope.
            Member contact = access.lookup(r.contactMemberId())
                    .orElseThrow(() -> DomainException.unprocessable("MOBILE_CONTACT_NOT_FOUND", r.contactMemberId()));
            if (contact.id().equals(m.id()) || contact.stage() != MemberStage.FULL || !contact.isHere()) {
                throw DomainException.unprocessable("MOBILE_CONTACT_NOT_FULL_MEMBER", r.contactMemberId());
            }
        }
        if (active(m.id()).isPresent()) {
            throw DomainException.conflict("MOBILE_ALREADY_REGISTERED", m.memberNumber());
        }
        MobileRegistration registration = new MobileRegistration(m.id(), m.orgId(), r.location().strip(), r.fixedPlace(),
                r.since(), r.hostOrgId(), r.contactMemberId(), r.note(), caller.subject());
        em.persist(registration);
        em.flush();
        MobileView view = view(registration, m.name());
        audit.write("MOBILE_REGISTERED", "member", m.id(), null, view);
        return view;
    }

    @Transactional
    public MobileView end(UUID memberId, LocalDate on, String reason) {
        Member m = access.visible(memberId);
        java.util.Optional<MobileRegistration> open = active(m.id());
        if (open.isEmpty()) {
            // A retry after a lost answer: the last registration already ended that day, for the same reason.
            MobileRegistration last = latest(m.id()).filter(r -> on.equals(r.endedOn()) && reason.equals(r.endReason()))
                    .orElseThrow(() -> DomainException.notFound("MOBILE_NOT_REGISTERED", memberId));
            return view(last, m.name());
        }
        MobileRegistration registration = open.get();
        MobileView before = view(registration, m.name());
        registration.end(on, reason);
        em.flush();
        MobileView after = view(registration, m.name());
        audit.write("MOBILE_ENDED", "member", m.id(), before, after);
        return after;
    }

    @Transactional
    public MobileView current(UUID memberId) {
        Member m = access.visible(memberId);
        return active(m.id()).map(r -> view(r, m.name()))
                .orElseThrow(() -> DomainException.notFound("MOBILE_NOT_REGISTERED", memberId));
    }

    /** Active mobile members attending a host branch, or belonging to a home branch; the branch must be in scope. */
    @Transactional
    public ListPage<MobileView> list(UUID hostOrgId, UUID homeOrgId, ListQuery query) {
        query.sort("id");
        var cursor = query.after();
        if ((hostOrgId == null) == (homeOrgId == null)) {
            throw DomainException.badRequest("MOBILE_LIST_NEEDS_ONE_BRANCH");
        }
        UUID branch = hostOrgId != null ? hostOrgId : homeOrgId;
        if (!scope.covers(branch)) {
            throw DomainException.notFound("ORGANIZATION_NOT_FOUND", branch);
        }
        String select = "from MobileRegistration r where " + (hostOrgId != null ? "r.hostOrgId" : "r.homeOrgId")
                + " = :branch and r.status = :active" + (cursor.isPresent() ? " and r.id > :after" : "") + " order by r.id";
        var rowsQuery = em.createQuery(select, MobileRegistration.class)
                .setParameter("branch", branch).setParameter("active", MobileRegistration.ACTIVE).setMaxResults(query.limit());
        cursor.ifPresent(c -> rowsQuery.setParameter("after", c.uuid(0)));
        List<MobileRegistration> rows = rowsQuery.getResultList();
        Map<UUID, String> names = rows.isEmpty() ? Map.of() : members.list("id in ?1", rows.stream().map(MobileRegistration::memberId).toList())
                .stream().collect(Collectors.toMap(Member::id, Member::name));
        return ListPage.of(rows, query, r -> Cursor.at(r.id())).map(r -> view(r, names.get(r.memberId())));
    }

    private java.util.Optional<MobileRegistration> active(UUID memberId) {
        return em.createQuery("from MobileRegistration r where r.memberId = :m and r.status = :active", MobileRegistration.class)
                .setParameter("m", memberId).setParameter("active", MobileRegistration.ACTIVE).getResultStream().findFirst();
    }

    private java.util.Optional<MobileRegistration> latest(UUID memberId) {
        return em.createQuery("from MobileRegistration r where r.memberId = :m order by r.id desc", MobileRegistration.class)
                .setParameter("m", memberId).setMaxResults(1).getResultStream().findFirst();
    }

    private MobileView view(MobileRegistration r, String name) {
        return new MobileView(r.id(), r.memberId(), name, r.homeOrgId(), r.location(), r.fixedPlace(), r.since(), r.hostOrgId(),
                r.contactMemberId(), r.note(), r.status(), r.endedOn(), r.endReason(),
                r.transferDue(clock.today(), rules.mobile().transferAfter()), r.version());
    }
}
