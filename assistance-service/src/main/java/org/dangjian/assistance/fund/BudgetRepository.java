package org.dangjian.assistance.fund;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BudgetRepository implements PanacheRepositoryBase<Budget, UUID> {

    /**
     * The budget with its row locked (SELECT … FOR UPDATE) until the transaction ends: concurrent
     * charges queue here and each sees what the previous one left.
     */
    public Optional<Budget> lockFor(UUID fundId, int fiscalYear) {
        return find("fundId = ?1 and fiscalYear = ?2", fundId, fiscalYear)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Budget> ofFund(UUID fundId) {
        return list("fundId", Sort.by("fiscalYear"), fundId);
    }
}
