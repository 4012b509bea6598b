package org.dangjian.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.report.MemberFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.dangjian.platform.api.jdbc.PgArray;

/**
 * The running totals of training hours per member and month ({@code member_training_hours}) and per
 * member and year as of each month's end ({@code member_training_ytd}, what the compliance report
 * reads), moved by the difference a recording or correction of a held TRAINING activity makes, in its
 * transaction.
 * A correction may change the lines and the day held (so the month): the earlier recording's hours
 * come off its month and the new ones go on the new month. Nothing else changes a held activity's
 * hours: cancelling and reassigning apply only to planned activities, which credit nothing.
 */
@ApplicationScoped
public class TrainingHours {

    /** What one recording credits: the day held and its attendance lines; {@link #NONE} before the first. */
    public record Credited(LocalDate heldOn, List<Attendance> lines) {
        public static final Credited NONE = new Credited(null, List.of());

        static Credited of(Activity activity) {
            return activity.status() == ActivityStatus.HELD && activity.type() == ActivityType.TRAINING
                    ? new Credited(activity.heldOn(), activity.attendance()) : NONE;
        }
    }

    /** One total to move. */
    public record Key(UUID memberId, LocalDate month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byMember = memberId.compareTo(o.memberId);
            return byMember != 0 ? byMember : month.compareTo(o.month);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    MemberFigures figures;

    /**
     * The changes from {@code before} to {@code after}, without the ones that cancel out; sorted by
     * member and month, so concurrent recordings touching the same members lock rows in one order.
     */
    public static Map<Key, BigDecimal> difference(Credited before, Credited after) {
        Map<Key, BigDecimal> delta = new TreeMap<>();
        add(delta, before, -1);
        add(delta, after, 1);
        delta.values().removeIf(v -> v.signum() == 0);
        return delta;
    }

    private static void add(Map<Key, BigDecimal> delta, Credited credited, int sign) {
        if (credited.heldOn() == null) {
            return;
        }
        LocalDate month = credited.heldOn().withDayOfMonth(1);
        for (Attendance line : credited.lines()) {
            if (line.hours() != null && line.hours().signum() != 0) {
                BigDecimal hours = sign < 0 ? line.hours().negate() : line.hours();
                delta.merge(new Key(line.memberId(), month), hours, BigDecimal::add);
            }
        }
    }

    /** One member's year in {@code member_training_ytd}. */
    public record YearKey(UUID memberId, int year) implements Comparable<YearKey> {
        @Override
        public int compareTo(YearKey o) {
            int byMember = memberId.compareTo(o.memberId);
            return byMember != 0 ? byMember : Integer.compare(year, o.year);
        }
    }

    /**
     * The same changes as year-to-date differences per member and year (element k: the end of month
     * k): a change in month m moves the totals at the ends of months m..12. Sorted by member and year.
     */
    public static Map<YearKey, BigDecimal[]> yearToDate(Map<Key, BigDecimal> delta) {
        Map<YearKey, BigDecimal[]> ytd = new TreeMap<>();
        delta.forEach((key, hours) -> {
            BigDecimal[] months = ytd.computeIfAbsent(new YearKey(key.memberId(), key.month().getYear()), k -> {
                BigDecimal[] zero = new BigDecimal[12];
                Arrays.fill(zero, BigDecimal.ZERO);
                return zero;
            });
            for (int m = key.month().getMonthValue(); m <= 12; m++) {
                months[m - 1] = months[m - 1].add(hours);
            }
        });
        return ytd;
    }

    /** Moves the totals from what {@code before} credited to what the activity credits now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(Credited before, Activity now) {
        Map<Key, BigDecimal> delta = difference(before, Credited.of(now));
        if (delta.isEmpty()) {
            return;
        }
        // the compliance report's members below their hours move with the totals, from 1 January of the
        // change's year: hours count towards their own year only
        Map<UUID, LocalDate> changedFrom = new HashMap<>();
        delta.keySet().forEach(key -> changedFrom.merge(key.memberId(), key.month().withDayOfYear(1),
                (a, b) -> a.isBefore(b) ? a : b));
        figures.changing(changedFrom, () -> move(delta));
    }

    private void move(Map<Key, BigDecimal> delta) {
        // one statement for the whole sheet; a new row starts at the change, an existing one adds it
        em.createNativeQuery("""
                insert into member_training_hours (member_id, held_month, hours)
                select * from unnest(cast(?1 as uuid[]), cast(?2 as date[]), cast(?3 as numeric[]))
                on conflict (member_id, held_month) do update set hours = member_training_hours.hours + excluded.hours""")
                .setParameter(1, PgArray.literal(delta.keySet().stream().map(Key::memberId).toList()))
                .setParameter(2, PgArray.literal(delta.keySet().stream().map(Key::month).toList()))
                .setParameter(3, PgArray.literal(delta.values()))
                .executeUpdate();
        Map<YearKey, BigDecimal[]> ytd = yearToDate(delta);
        // element-wise addition, so concurrent recordings for the same member and year commute
        em.createNativeQuery("""
                insert into member_training_ytd (member_id, year, hours)
                select u.member_id, u.year, cast(u.hours as numeric[])
                from unnest(cast(?1 as uuid[]), cast(?2 as int[]), cast(?3 as text[])) as u(member_id, year, hours)
                on conflict (member_id, year) do update set hours = array(
                  select x.a + x.b from unnest(member_training_ytd.hours, excluded.hours) with ordinality as x(a, b, i)
                  order by x.i)""")
                .setParameter(1, PgArray.literal(ytd.keySet().stream().map(YearKey::memberId).toList()))
                .setParameter(2, PgArray.literal(ytd.keySet().stream().map(YearKey::year).toList()))
                .setParameter(3, PgArray.literal(ytd.values().stream()
                        .map(months -> PgArray.literal(Arrays.asList(months)))
                        .toList()))
                .executeUpdate();
    }
}
