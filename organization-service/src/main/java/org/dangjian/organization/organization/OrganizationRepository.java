package org.dangjian.organization.organization;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /** The next generated organization code, e.g. {@code D000000123}. */
    public String nextCode() {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('organization_code_seq')").getSingleResult();
        return "D%09d".formatted(next.longValue());
    }

    public Optional<Organization> byId(UUID id) {
        return findByIdOptional(id);
    }
}
