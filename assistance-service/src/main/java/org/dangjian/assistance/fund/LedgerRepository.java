package org.dangjian.assistance.fund;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.dangjian.platform.api.list.Cursor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** Up to {@code limit} of a fund's movements, optionally of one year, in the order they were recorded, after a position. */
    public List<LedgerEntry> ofFund(UUID fundId, Integer fiscalYear, Optional<Cursor> after, int limit) {
        String query = "from LedgerEntry e where e.fundId = :fund" + (fiscalYear == null ? "" : " and e.fiscalYear = :year")
                + (after.isEmpty() ? "" : " and (e.recordedAt, e.id) > (:cursor0, :cursor1)")
                + " order by e.recordedAt, e.id";
        TypedQuery<LedgerEntry> q = getEntityManager().createQuery(query, LedgerEntry.class).setParameter("fund", fundId);
        if (fiscalYear != null) {
            q.setParameter("year", fiscalYear);
        }
        after.ifPresent(c -> q.setParameter("cursor0", c.dateTime(0).toInstant()).setParameter("cursor1", c.uuid(1)));
        return q.setMaxResults(limit).getResultList();
    }
}
