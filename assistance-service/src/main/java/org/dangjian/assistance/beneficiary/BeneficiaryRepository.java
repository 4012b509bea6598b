package org.dangjian.assistance.beneficiary;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.dangjian.assistance.common.Page;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryRepository implements PanacheRepositoryBase<Beneficiary, UUID> {

    /** A filter on the list; null fields do not filter. */
    public record Filter(String prefix, BeneficiaryKind kind, HardshipCategory category, String nationalIdIndex,
            UUID memberId) {
    }

    public Page<Beneficiary> find(Filter filter, int page, int size) {
        StringBuilder query = new StringBuilder("orgId in (select u.id from OrgUnit u where u.path like concat(:prefix, '%'))");
        Parameters params = Parameters.with("prefix", filter.prefix());
        if (filter.kind() != null) {
            query.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.category() != null) {
            query.append(" and :category member of categories");
            params.and("category", filter.category());
        }
        if (filter.nationalIdIndex() != null) {
            query.append(" and nationalIdIndex = :nid");
            params.and("nid", filter.nationalIdIndex());
        }
        if (filter.memberId() != null) {
            query.append(" and memberId = :member");
            params.and("member", filter.memberId());
        }
        var found = find(query.toString(), Sort.by("registeredOn").and("id"), params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, found.count());
    }

    public boolean activeWithNationalId(String index) {
        return count("nationalIdIndex = ?1 and status = ?2", index, BeneficiaryStatus.ACTIVE) > 0;
    }

    public boolean activeForMember(UUID memberId) {
        return count("memberId = ?1 and status = ?2", memberId, BeneficiaryStatus.ACTIVE) > 0;
    }

    public List<Beneficiary> ofMember(UUID memberId) {
        return list("memberId", memberId);
    }
}
