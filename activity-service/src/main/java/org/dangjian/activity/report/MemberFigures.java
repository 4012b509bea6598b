package org.dangjian.activity.report;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.config.ActivityRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.dangjian.platform.api.jdbc.PgArray;

/**
 * Keeps {@code branch_member_figures} (per branch and year, at each month's end: full members, members
 * on the roster, leaders on it, and those below their training hours) equal to what the report would
 * count from the roster, the seats and the training hours. Every change of those runs inside
 * {@link #changing}: it counts the members it touches before and after (the migration's
 * {@code member_month_figures}, the one definition) and adds the difference, in the same transaction.
 * <p>
 * The figures of a year without a row are the latest earlier row's December with nobody's hours, so a
 * membership open since 2010 needs no row for every year since; a row is created, from that carry,
 * only when a change makes that year differ. Two locks keep that right, each held to the commit: one per
 * member, from before counting them (two changes of one member, say a transfer and a training sheet,
 * each counted without the other's would add a wrong difference), and one per branch moved, from before
 * creating or moving its rows (a row created from its carry must see every difference added before).
 * Member locks come first and each kind is taken in key order; the report reads without either.
 */
@ApplicationScoped
public class MemberFigures {

    /** Arbitrary constants naming the two kinds of lock among the service's advisory locks (two-key form). */
    private static final int MEMBER_LOCKS = 0x6d656d62;
    private static final int BRANCH_LOCKS = 0x6272616e;
    private static final int FIGURES = 5;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MemberFigures.class);

    @Inject
    EntityManager em;

    @Inject
    ActivityRules rules;

    /**
     * The figures count with the roster stages, leaders' seats and hours configured: if the service now
     * runs with others than they were counted with (the migration's are the defaults), it counts them again.
     */
    @Transactional
    void countedWithTheseRules(@Observes StartupEvent start) {
        // Counting again waits for every change that moved figures to commit, and holds back the ones that have
        // yet to (they then add their difference to the new count), however many instances start together.
        em.createNativeQuery("lock table branch_member_figures, activity_figures_ytd in exclusive mode").executeUpdate();
        boolean same = ((Number) em.createNativeQuery("""
                select count(*) from member_figures_rules
                where roster_stages @> cast(?1 as text[]) and roster_stages <@ cast(?1 as text[])
                  and leader_seats @> cast(?2 as text[]) and leader_seats <@ cast(?2 as text[])
                  and member_hours = ?3 and leader_hours = ?4""")
                .setParameter(1, PgArray.literal(rules.rosterStages())).setParameter(2, PgArray.literal(rules.hours().leaderSeats()))
                .setParameter(3, BigDecimal.valueOf(rules.hours().memberTraining()))
                .setParameter(4, BigDecimal.valueOf(rules.hours().leaderTraining())).getSingleResult()).longValue() == 1;
        if (!same) {
            LOG.infof("compliance figures counted again for the configured rules");
            em.createNativeQuery("select cast(compliance_rollup_fill(cast(?1 as text[]), cast(?2 as text[]), ?3, ?4) as text)")
                    .setParameter(1, PgArray.literal(rules.rosterStages())).setParameter(2, PgArray.literal(rules.hours().leaderSeats()))
                    .setParameter(3, BigDecimal.valueOf(rules.hours().memberTraining()))
                    .setParameter(4, BigDecimal.valueOf(rules.hours().leaderTraining())).getSingleResult();
        }
    }

    /**
     * Runs {@code change} (of some members' periods, seats or training hours) and moves the figures it changes.
     * {@code changedFrom} names each member the change touches with the first day on which any of their periods,
     * seats or hours can differ: their figures are counted before and after from that day's year on only, since
     * the month-ends before it cannot move (counting every year since a member's first membership is what made
     * each batch of transfers cost seconds).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changing(Map<UUID, LocalDate> changedFrom, Runnable change) {
        if (changedFrom.isEmpty()) {
            change.run();
            return;
        }
        holdMembers(changedFrom.keySet());
        Map<UUID, Standing> before = standings(changedFrom);
        change.run();
        em.flush();
        Map<UUID, Standing> after = standings(changedFrom);
        int lastYear = lastYear(before, after);
        Map<Key, int[][]> delta = difference(changedFrom.keySet(), before, after, lastYear);
        if (!delta.isEmpty()) {
            apply(delta, lastYear);
        }
    }

    /**
     * Holds these members' figures still until the commit. {@link #changing} does so itself; a caller that reads
     * what it changes before (to tell from when it differs) holds them first, so that reading sees every earlier
     * change of them committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdMembers(Collection<UUID> members) {
        lock(MEMBER_LOCKS, members);
    }

    /** Takes the locks of these members or branches, in key order so that two changes cannot wait on each other. */
    private void lock(int kind, Collection<UUID> ids) {
        em.createNativeQuery("""
                select count(pg_advisory_xact_lock(?1, k.key))
                from (select distinct hashtext(cast(id as text)) as key from unnest(cast(?2 as uuid[])) as id order by 1) k""")
                .setParameter(1, kind).setParameter(2, PgArray.literal(ids)).getSingleResult();
    }

    /** What one member counts for: per year (null: every year after the last) and branch, the figures at each month's end. */
    private record Standing(Map<Integer, Map<UUID, int[][]>> years, int firstYear, int lastYear) {
        // a HashMap: its key null (every year after the last) may be asked of it
        static final Standing NONE = new Standing(new HashMap<>(), Integer.MAX_VALUE, Integer.MIN_VALUE);

        Map<UUID, int[][]> at(int year) {
            return year > lastYear ? years.getOrDefault(null, Map.of()) : years.getOrDefault(year, Map.of());
        }
    }

    /** One row of branch_member_figures to move; year null: every row after the change's last year. */
    private record Key(UUID orgId, Integer year) {
    }

    private Map<UUID, Standing> standings(Map<UUID, LocalDate> changedFrom) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select member_id, org_id, year, month, full_member, on_roster, leader, below, leader_below
                from member_month_figures(cast(?1 as uuid[]), cast(?2 as int[]), null, cast(?3 as text[]), cast(?4 as text[]),
                                          ?5, ?6)""")
                .setParameter(1, PgArray.literal(changedFrom.keySet()))
                .setParameter(2, PgArray.literal(changedFrom.values().stream().map(LocalDate::getYear).toList()))
                .setParameter(3, PgArray.literal(rules.rosterStages()))
                .setParameter(4, PgArray.literal(rules.hours().leaderSeats()))
                .setParameter(5, BigDecimal.valueOf(rules.hours().memberTraining()))
                .setParameter(6, BigDecimal.valueOf(rules.hours().leaderTraining()))
                .getResultList();
        Map<UUID, Map<Integer, Map<UUID, int[][]>>> byMember = new HashMap<>();
        for (Object[] r : rows) {
            Integer year = r[2] == null ? null : ((Number) r[2]).intValue();
            int month = ((Number) r[3]).intValue();
            int[][] figures = byMember.computeIfAbsent((UUID) r[0], m -> new HashMap<>())
                    .computeIfAbsent(year, y -> new HashMap<>()).computeIfAbsent((UUID) r[1], o -> new int[FIGURES][12]);
            for (int f = 0; f < FIGURES; f++) {
                figures[f][month - 1] += ((Number) r[4 + f]).intValue();
            }
        }
        Map<UUID, Standing> standings = new HashMap<>();
        byMember.forEach((member, years) -> {
            int first = years.keySet().stream().filter(Objects::nonNull).min(Integer::compare).orElse(Integer.MAX_VALUE);
            int last = years.keySet().stream().filter(Objects::nonNull).max(Integer::compare).orElse(Integer.MIN_VALUE);
            standings.put(member, new Standing(years, first, last));
        });
        return standings;
    }

    private static int lastYear(Map<UUID, Standing> before, Map<UUID, Standing> after) {
        int last = Integer.MIN_VALUE;
        for (Standing s : before.values()) {
            last = Math.max(last, s.lastYear());
        }
        for (Standing s : after.values()) {
            last = Math.max(last, s.lastYear());
        }
        return last;
    }

    /** After minus before, per branch and year up to {@code lastYear}, and for every year after it; without zeros. */
    private static Map<Key, int[][]> difference(Collection<UUID> members, Map<UUID, Standing> before, Map<UUID, Standing> after,
            int lastYear) {
        Map<Key, int[][]> delta = new TreeMap<>(java.util.Comparator.comparing((Key k) -> k.orgId())
                .thenComparing(k -> k.year(), java.util.Comparator.nullsLast(Integer::compare)));
        for (UUID member : members) {
            Standing b = before.getOrDefault(member, Standing.NONE);
            Standing a = after.getOrDefault(member, Standing.NONE);
            for (int year = Math.min(b.firstYear(), a.firstYear()); year <= lastYear; year++) {
                add(delta, year, a.at(year), 1);
                add(delta, year, b.at(year), -1);
            }
            add(delta, null, a.years().getOrDefault(null, Map.of()), 1);
            add(delta, null, b.years().getOrDefault(null, Map.of()), -1);
        }
        delta.values().removeIf(figures -> Arrays.stream(figures).allMatch(f -> Arrays.stream(f).allMatch(v -> v == 0)));
        return delta;
    }

    private static void add(Map<Key, int[][]> delta, Integer year, Map<UUID, int[][]> figures, int sign) {
        figures.forEach((org, f) -> {
            int[][] d = delta.computeIfAbsent(new Key(org, year), k -> new int[FIGURES][12]);
            for (int i = 0; i < FIGURES; i++) {
                for (int m = 0; m < 12; m++) {
                    d[i][m] += sign * f[i][m];
                }
            }
        });
    }

    private void apply(Map<Key, int[][]> delta, int lastYear) {
        List<UUID> orgs = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<List<String>> figures = new ArrayList<>();
        for (int f = 0; f < FIGURES; f++) {
            figures.add(new ArrayList<>());
        }
        delta.forEach((key, d) -> {
            orgs.add(key.orgId());
            years.add(key.year());
            for (int f = 0; f < FIGURES; f++) {
                figures.get(f).add(PgArray.literal(Arrays.stream(d[f]).boxed().toList()));
            }
        });
        lock(BRANCH_LOCKS, orgs);
        String orgArray = PgArray.literal(orgs);
        String yearArray = PgArray.literal(years);
        // First the years this change makes differ from their carry: a row each, from the carry (all in one
        // statement, so each reads the rows as they were before it)...
        em.createNativeQuery("""
                insert into branch_member_figures (org_id, year, full_members, on_roster, leaders, below, leaders_below)
                select k.org_id, k.year, array_fill(coalesce(c.full_members, 0), array[12]),
                       array_fill(coalesce(c.on_roster, 0), array[12]), array_fill(coalesce(c.leaders, 0), array[12]),
                       array_fill(coalesce(c.below, 0), array[12]), array_fill(coalesce(c.leaders_below, 0), array[12])
                from unnest(cast(?1 as uuid[]), cast(?2 as int[])) as k(org_id, year)
                left join lateral (
                  select f.full_members[12] as full_members, f.on_roster[12] as on_roster, f.leaders[12] as leaders,
                         case when ?3 > 0 then f.on_roster[12] - f.leaders[12] else 0 end
                           + case when ?4 > 0 then f.leaders[12] else 0 end as below,
                         case when ?4 > 0 then f.leaders[12] else 0 end as leaders_below
                  from branch_member_figures f where f.org_id = k.org_id and f.year < k.year
                  order by f.year desc limit 1) c on true
                where k.year is not null
                on conflict (org_id, year) do nothing""")
                .setParameter(1, orgArray).setParameter(2, yearArray)
                .setParameter(3, rules.hours().memberTraining()).setParameter(4, rules.hours().leaderTraining())
                .executeUpdate();
        // ... then the difference, to those rows and (year null) to every row after the change's last year
        em.createNativeQuery("""
                update branch_member_figures f set full_members = figures_add(f.full_members, cast(d.full_members as int[])),
                  on_roster = figures_add(f.on_roster, cast(d.on_roster as int[])),
                  leaders = figures_add(f.leaders, cast(d.leaders as int[])),
                  below = figures_add(f.below, cast(d.below as int[])),
                  leaders_below = figures_add(f.leaders_below, cast(d.leaders_below as int[]))
                from unnest(cast(?1 as uuid[]), cast(?2 as int[]), cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]),
                            cast(?6 as text[]), cast(?7 as text[]))
                     as d(org_id, year, full_members, on_roster, leaders, below, leaders_below)
                where f.org_id = d.org_id and (f.year = d.year or (d.year is null and f.year > ?8))""")
                .setParameter(1, orgArray).setParameter(2, yearArray)
                .setParameter(3, PgArray.literal(figures.get(0))).setParameter(4, PgArray.literal(figures.get(1)))
                .setParameter(5, PgArray.literal(figures.get(2))).setParameter(6, PgArray.literal(figures.get(3)))
                .setParameter(7, PgArray.literal(figures.get(4))).setParameter(8, lastYear)
                .executeUpdate();
    }
}
