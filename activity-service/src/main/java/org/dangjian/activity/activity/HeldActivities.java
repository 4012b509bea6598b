package org.dangjian.activity.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The held activities and their attendance per organization, year and type from 1 January to each
 * month's end ({@code activity_figures_ytd}, one row per organization and year: what the compliance
 * report reads instead of the activities), moved in the transaction of every change of an activity by the
 * difference between what it counted before and what it counts now. Only a held activity counts, so
 * cancelling or reassigning a planned one moves nothing; they pass through here all the same, so any
 * future transition of a held activity is counted the day it is written.
 */
@ApplicationScoped
public class HeldActivities {

    /** What an activity counts for: held in this organization on this day with this attendance; {@link #NONE} unless held. */
    public record Counted(UUID orgId, ActivityType type, LocalDate heldOn, int expected, int present, int leave) {
        public static final Counted NONE = new Counted(null, null, null, 0, 0, 0);

        static Counted of(Activity activity) {
            return activity.status() == ActivityStatus.HELD
                    ? new Counted(activity.orgId(), activity.type(), activity.heldOn(), activity.expectedCount(),
                            activity.presentCount(), activity.leaveCount())
                    : NONE;
        }
    }

    @Inject
    EntityManager em;

    /** Moves the figures from what {@code before} counted to what the activity counts now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(Counted before, Activity now) {
        Counted after = Counted.of(now);
        if (before.equals(after)) {
            return;
        }
        move(before, -1);
        move(after, 1);
    }

    private void move(Counted counted, int sign) {
        if (counted.heldOn() == null) {
            return;
        }
        int year = counted.heldOn().getYear();
        int month = counted.heldOn().getMonthValue();
        // element-wise addition, so concurrent recordings in one organization and year commute; a type not
        // held yet this year is null (ActivityType names its column, see V16)
        String held = heldColumn(counted.type());
        em.createNativeQuery("""
                insert into activity_figures_ytd (org_id, year, expected, present, on_leave, %1$s)
                values (?1, ?2, cast(?3 as int[]), cast(?4 as int[]), cast(?5 as int[]), cast(?6 as int[]))
                on conflict (org_id, year) do update set expected = figures_add(activity_figures_ytd.expected, excluded.expected),
                  present = figures_add(activity_figures_ytd.present, excluded.present),
                  on_leave = figures_add(activity_figures_ytd.on_leave, excluded.on_leave),
                  %1$s = figures_add(coalesce(activity_figures_ytd.%1$s, array_fill(0, array[12])), excluded.%1$s)"""
                .formatted(held))
                .setParameter(1, counted.orgId()).setParameter(2, year)
                .setParameter(3, fromMonth(month, sign * counted.expected()))
                .setParameter(4, fromMonth(month, sign * counted.present()))
                .setParameter(5, fromMonth(month, sign * counted.leave()))
                .setParameter(6, fromMonth(month, sign)).executeUpdate();
    }

    /** The column of {@code activity_figures_ytd} that keeps the held activities of this type. */
    public static String heldColumn(ActivityType type) {
        return "held_" + type.name().toLowerCase(Locale.ROOT);
    }

    /** {@code value} at the ends of months {@code month}..12, zero before: a change on a day of that month. */
    static String fromMonth(int month, int value) {
        int[] figures = new int[12];
        Arrays.fill(figures, month - 1, 12, value);
        return Arrays.toString(figures).replace('[', '{').replace(']', '}');
    }
}
