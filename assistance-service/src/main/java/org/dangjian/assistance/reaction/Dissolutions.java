package org.dangjian.assistance.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dangjian.platform.api.jdbc.PgArray;

/**
 * The organization dissolutions the case reaction has applied (table dissolved_organization), so that records which
 * arrive in an organization after its dissolution was applied (a merge into it applied later, a member transferred
 * into it) end as if they had been there when it was dissolved: moved on along its merge, or waiting for
 * reassignment. Dissolutions of different organizations come in either order; this makes the result the same.
 *
 * <p>Concurrency: {@link #record} takes a self-exclusive table lock, and {@link #holdStill} (member transfers) a
 * shared one, before either locks a beneficiary or case. So a dissolution and a move into the same organization never
 * miss each other: whichever commits second sees the other's rows.
 */
@ApplicationScoped
public class Dissolutions {

    /**
     * Where records moved into an organization end: {@code orgId} is the organization itself when it is not dissolved
     * here, else the end of its merge chain; {@code dissolved}: that end is itself dissolved (plainly, or the chain
     * runs in a circle), so open cases moved there wait for reassignment.
     */
    public record Destination(UUID orgId, boolean dissolved) {
    }

    @Inject
    EntityManager em;

    /** Remembers a dissolution; the first one recorded for an organization stays (a repeat changes nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID orgId, LocalDate dissolvedOn, UUID mergedIntoId, UUID eventId) {
        em.createNativeQuery("lock table dissolved_organization in share row exclusive mode").executeUpdate();
        em.createNativeQuery("""
                insert into dissolved_organization (org_id, dissolved_on, merged_into_id, event_id) values (?1, ?2, ?3, ?4)
                on conflict (org_id) do nothing""")
                .setParameter(1, orgId).setParameter(2, dissolvedOn).setParameter(3, mergedIntoId).setParameter(4, eventId)
                .executeUpdate();
    }

    /** Holds dissolutions back until the caller's transaction ends; call before locking any beneficiary or case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdStill() {
        em.createNativeQuery("lock table dissolved_organization in share mode").executeUpdate();
    }

    /** Follows the merge chain from the organization; each organization at most once, so a circle ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Destination destination(UUID orgId) {
        Set<UUID> seen = new HashSet<>();
        UUID current = orgId;
        while (true) {
            seen.add(current);
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select merged_into_id from dissolved_organization where org_id = ?1")
                    .setParameter(1, current).getResultList();
            if (rows.isEmpty()) {
                return new Destination(current, false);
            }
            UUID next = (UUID) rows.get(0);
            if (next == null || seen.contains(next)) {
                return new Destination(current, true);
            }
            current = next;
        }
    }

    /** The destinations of those of the organizations that are dissolved here (one read when, as usual, none is). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Destination> destinations(Collection<UUID> orgIds) {
        Map<UUID, Destination> result = new HashMap<>();
        if (orgIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object> dissolved = em.createNativeQuery("select org_id from dissolved_organization where org_id = any(cast(?1 as uuid[]))")
                .setParameter(1, PgArray.literal(orgIds)).getResultList();
        for (Object org : dissolved) {
            result.put((UUID) org, destination((UUID) org));
        }
        return result;
    }
}
