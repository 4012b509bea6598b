package org.dangjian.activity.activity;

import org.dangjian.activity.activity.TrainingHours.Credited;
import org.dangjian.activity.activity.TrainingHours.Key;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a recording or correction moves in the monthly and year-to-date totals: the difference only. */
class TrainingHoursDifferenceTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

    private static Attendance present(UUID member, String hours) {
        return new Attendance(member, AttendanceStatus.PRESENT, null, new BigDecimal(hours));
    }

    @Test
    void firstRecordingAddsEveryLinesHoursToItsMonth() {
        Map<Key, BigDecimal> delta = TrainingHours.difference(Credited.NONE,
                new Credited(LocalDate.of(2025, 3, 31), List.of(present(A, "4"), present(B, "2.5"),
                        new Attendance(UUID.randomUUID(), AttendanceStatus.ABSENT, null, null))));
        assertEquals(Map.of(new Key(A, MARCH), new BigDecimal("4"), new Key(B, MARCH), new BigDecimal("2.5")), delta);
    }

    @Test
    void correctionMovesOnlyWhatChanged() {
        Credited before = new Credited(LocalDate.of(2025, 3, 5), List.of(present(A, "4.00"), present(B, "4.00")));
        Credited after = new Credited(LocalDate.of(2025, 3, 6), List.of(present(A, "4.00"),
                new Attendance(B, AttendanceStatus.ABSENT, null, null)));
        assertEquals(Map.of(new Key(B, MARCH), new BigDecimal("-4.00")), TrainingHours.difference(before, after));
    }

    @Test
    void correctionIntoAnotherMonthTakesFromTheOldAndAddsToTheNew() {
        Credited before = new Credited(LocalDate.of(2025, 3, 31), List.of(present(A, "4")));
        Credited after = new Credited(LocalDate.of(2025, 4, 1), List.of(present(A, "4")));
        assertEquals(Map.of(new Key(A, MARCH), new BigDecimal("-4"), new Key(A, LocalDate.of(2025, 4, 1)), new BigDecimal("4")),
                TrainingHours.difference(before, after));
    }

    @Test
    void aMonthsChangeMovesTheYearToDateTotalsFromThatMonthToDecember() {
        Credited before = new Credited(LocalDate.of(2025, 3, 31), List.of(present(A, "4")));
        Credited after = new Credited(LocalDate.of(2025, 4, 1), List.of(present(A, "4")));
        Map<TrainingHours.YearKey, BigDecimal[]> ytd = TrainingHours.yearToDate(TrainingHours.difference(before, after));
        // off from the end of March, back on from the end of April
        assertEquals(List.of("0", "0", "-4", "0", "0", "0", "0", "0", "0", "0", "0", "0"),
                Arrays.stream(ytd.get(new TrainingHours.YearKey(A, 2025))).map(BigDecimal::toPlainString).toList());
    }

    @Test
    void changesInTwoYearsMoveTwoYearToDateRows() {
        Credited before = new Credited(LocalDate.of(2024, 12, 31), List.of(present(A, "4")));
        Credited after = new Credited(LocalDate.of(2025, 1, 1), List.of(present(A, "4")));
        Map<TrainingHours.YearKey, BigDecimal[]> ytd = TrainingHours.yearToDate(TrainingHours.difference(before, after));
        assertEquals(List.of(new TrainingHours.YearKey(A, 2024), new TrainingHours.YearKey(A, 2025)), List.copyOf(ytd.keySet()));
        assertEquals(new BigDecimal("-4"), ytd.get(new TrainingHours.YearKey(A, 2024))[11]);
        assertEquals(new BigDecimal("4"), ytd.get(new TrainingHours.YearKey(A, 2025))[0]);
    }
}
