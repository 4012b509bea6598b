package org.dangjian.member.dues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on dues bases and payments. */
@ApplicationScoped
public class DuesRepository {

    @Inject
    EntityManager em;

    public Optional<DuesBase> base(UUID memberId, int year) {
        return em.createQuery("from DuesBase b where b.memberId = :m and b.year = :y", DuesBase.class)
                .setParameter("m", memberId).setParameter("y", year).getResultStream().findFirst();
    }

    public List<DuesBase> bases(Collection<UUID> memberIds, int fromYear, int toYear) {
        return em.createQuery("from DuesBase b where b.memberId in :m and b.year between :f and :t", DuesBase.class)
                .setParameter("m", memberIds).setParameter("f", fromYear).setParameter("t", toYear).getResultList();
    }

    public List<DuesPayment> payments(Collection<UUID> memberIds, YearMonth from, YearMonth to) {
        return em.createQuery("from DuesPayment p where p.memberId in :m and p.month between :f and :t order by p.month",
                DuesPayment.class).setParameter("m", memberIds).setParameter("f", from.atDay(1)).setParameter("t", to.atDay(1))
                .getResultList();
    }

    /** Exemptions of the members that cover any month from {@code from} to {@code to}. */
    public List<DuesExemption> exemptions(Collection<UUID> memberIds, YearMonth from, YearMonth to) {
        return em.createQuery("from DuesExemption e where e.memberId in :m and e.fromMonth <= :t and e.toMonth >= :f "
                + "order by e.fromMonth", DuesExemption.class).setParameter("m", memberIds).setParameter("f", from.atDay(1))
                .setParameter("t", to.atDay(1)).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }
}
