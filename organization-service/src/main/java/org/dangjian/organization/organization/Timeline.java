package org.dangjian.organization.organization;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.audit.AuditTrail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization tree through time: the history of changes (who, when, what, why) and the
 * validity snapshots ({@code organization_snapshot}) that answer "what did the tree look like on
 * a given day". Every tree change goes through here in the transaction of the change itself.
 */
@ApplicationScoped
public class Timeline {

    /** The audit log's target type of tree and leadership changes. */
    public static final String AUDIT_TARGET = "organization";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The history entry users read, and the audit entry auditors read, in the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Organization organization, Change change, LocalDate effectiveOn, String reason,
            Map<String, Object> before, Map<String, Object> after) {
        em.persist(new OrganizationHistory(organization.id(), change, actor(), effectiveOn, reason, before, after));
        audit.write(change.auditAction(), AUDIT_TARGET, organization.id(), organization.id(), before, after);
    }

    /**
     * The caller; "system" for a change no request started (a member event ending a seat). A consumer may run
     * with a request context but no one authenticated in it: its anonymous subject is blank, so blank is "system".
     */
    private String actor() {
        String subject = Arc.container().requestContext().isActive() ? caller.subject() : null;
        return subject == null || subject.isBlank() ? AuditTrail.SYSTEM : subject;
    }

    /** Opens the first snapshot of a new organization, valid from its establishment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Organization organization) {
        em.flush();
        em.createNativeQuery("""
                insert into organization_snapshot (organization_id, valid_from, parent_id, path, code, name, type, sector, status)
                select id, established_on, parent_id, path, code, name, type, sector, status from organization where id = ?1""")
                .setParameter(1, organization.id()).executeUpdate();
    }

    /** The node changed on {@code date}: its open snapshot ends there and a new one starts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Organization organization, LocalDate date) {
        em.flush();
        close(organization.id(), date);
        em.createNativeQuery("""
                insert into organization_snapshot (organization_id, valid_from, parent_id, path, code, name, type, sector, status)
                select id, ?2, parent_id, path, code, name, type, sector, status from organization where id = ?1""")
                .setParameter(1, organization.id()).setParameter(2, date).executeUpdate();
    }

    /** A moved subtree (rooted at {@code path}, already rewritten) starts new snapshots on {@code date}, set-based. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void subtreeChanged(String path, LocalDate date) {
        em.flush();
        em.createNativeQuery("""
                update organization_snapshot set valid_to = ?2
                where valid_to is null and organization_id in (select id from organization where path like ?1 || '%')""")
                .setParameter(1, path).setParameter(2, date).executeUpdate();
        em.createNativeQuery("""
                insert into organization_snapshot (organization_id, valid_from, parent_id, path, code, name, type, sector, status)
                select id, ?2, parent_id, path, code, name, type, sector, status from organization
                where path like ?1 || '%' and status = 'ACTIVE'""")
                .setParameter(1, path).setParameter(2, date).executeUpdate();
    }

    /** A dissolved node leaves the tree on {@code date}: its snapshot ends, none follows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(Organization organization, LocalDate date) {
        em.flush();
        close(organization.id(), date);
    }

    /** The first day of the node's current snapshot: history cannot be rewritten before it. */
    public Optional<LocalDate> lastChange(UUID organizationId) {
        List<?> rows = em.createNativeQuery("""
                select valid_from from organization_snapshot where organization_id = ?1 and valid_to is null""")
                .setParameter(1, organizationId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(toLocalDate(rows.get(0)));
    }

    /** The organization's changes in the order they were written, after {@code afterPosition} (0 for the first). */
    public List<OrganizationHistory> history(UUID organizationId, long afterPosition, int limit) {
        return em.createQuery("from OrganizationHistory where organizationId = ?1 and position > ?2 order by position",
                        OrganizationHistory.class)
                .setParameter(1, organizationId).setParameter(2, afterPosition).setMaxResults(limit).getResultList();
    }

    private void close(UUID organizationId, LocalDate date) {
        em.createNativeQuery("update organization_snapshot set valid_to = ?2 where organization_id = ?1 and valid_to is null")
                .setParameter(1, organizationId).setParameter(2, date).executeUpdate();
    }

    static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value.getClass());
    }
}
