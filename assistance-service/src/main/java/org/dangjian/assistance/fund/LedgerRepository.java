package org.dangjian.assistance.fund;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.assistance.common.Page;

import java.util.UUID;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** A fund's movements, optionally of one year, in the order they were recorded. */
    public Page<LedgerEntry> ofFund(UUID fundId, Integer fiscalYear, int page, int size) {
        String query = "fundId = :fund" + (fiscalYear == null ? "" : " and fiscalYear = :year");
        Parameters params = Parameters.with("fund", fundId);
        if (fiscalYear != null) {
            params.and("year", fiscalYear);
        }
        var found = find(query, Sort.by("recordedAt").and("id"), params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, found.count());
    }
}
