package org.dangjian.activity.roster;

import org.dangjian.activity.roster.MemberHistory.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The day from which a rebuilt member's periods differ from the stored ones: the compliance figures are
 * counted again from that day's year only, so it must never be later than the first day that changed.
 */
class PeriodsFirstDifferenceTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final LocalDate SINCE = LocalDate.of(2004, 5, 1);

    @Test
    void aTransferDiffersFromItsDayNotFromTheStartOfTheEndedPeriod() {
        LocalDate moved = LocalDate.of(2026, 6, 15);
        List<Period> before = List.of(new Period(A, "FULL", SINCE, null));
        List<Period> after = List.of(new Period(A, "FULL", SINCE, moved), new Period(B, "FULL", moved, null));

        assertEquals(Optional.of(moved), MemberHistory.firstDifference(before, after));
    }

    @Test
    void theSamePeriodsSplitOrNotDifferNowhere() {
        LocalDate split = LocalDate.of(2010, 1, 1);
        List<Period> before = List.of(new Period(A, "FULL", SINCE, null));
        List<Period> after = List.of(new Period(A, "FULL", SINCE, split), new Period(A, "FULL", split, null));

        assertEquals(Optional.empty(), MemberHistory.firstDifference(before, after));
    }

    @Test
    void aStageChangeDiffersFromItsDay() {
        LocalDate full = LocalDate.of(2005, 5, 1);
        List<Period> before = List.of(new Period(A, "PROBATIONARY", SINCE, null));
        List<Period> after = List.of(new Period(A, "PROBATIONARY", SINCE, full), new Period(A, "FULL", full, null));

        assertEquals(Optional.of(full), MemberHistory.firstDifference(before, after));
    }

    @Test
    void aFirstRegistrationDiffersFromItsFirstDay() {
        assertEquals(Optional.of(SINCE), MemberHistory.firstDifference(List.of(), List.of(new Period(A, null, SINCE, null))));
    }

    @Test
    void anEndMovedEarlierDiffersFromTheNewEnd() {
        List<Period> before = List.of(new Period(A, "FULL", SINCE, LocalDate.of(2020, 3, 1)));
        List<Period> after = List.of(new Period(A, "FULL", SINCE, LocalDate.of(2019, 7, 1)));

        assertEquals(Optional.of(LocalDate.of(2019, 7, 1)), MemberHistory.firstDifference(before, after));
    }

    @Test
    void aPeriodCountedTwiceDiffersFromItCountedOnce() {
        Period period = new Period(A, "FULL", SINCE, null);

        assertEquals(Optional.of(SINCE), MemberHistory.firstDifference(List.of(period, period), List.of(period)));
    }
}
