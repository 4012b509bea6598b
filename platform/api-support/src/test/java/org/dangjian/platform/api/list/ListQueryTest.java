package org.dangjian.platform.api.list;

import org.dangjian.platform.api.input.InvalidParameter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListQueryTest {

    @Test
    void sizeDefaultsToFiftyAndAcceptsOneToTwoHundred() {
        assertEquals(50, ListQuery.of(null, null, null).size());
        assertEquals(1, ListQuery.of(null, 1, null).size());
        assertEquals(200, ListQuery.of(null, 200, null).size());
    }

    @Test
    void sizeOutsideOneToTwoHundredIsAnInvalidSizeParameter() {
        for (int size : new int[] {0, -1, 201}) {
            InvalidParameter refused = assertThrows(InvalidParameter.class, () -> ListQuery.of(null, size, null).size());
            assertEquals("size", refused.parameter());
        }
    }

    @Test
    void aSortTheListDoesNotOfferIsAnInvalidSortParameter() {
        ListQuery query = ListQuery.of(null, null, "nationalId");
        InvalidParameter refused = assertThrows(InvalidParameter.class, () -> query.sort("name", "-name", "joinedOn"));
        assertEquals("sort", refused.parameter());
    }

    @Test
    void aListWithoutChoicesRefusesEverySortButItsOwn() {
        assertThrows(InvalidParameter.class, () -> ListQuery.of(null, null, "-dueDate").sort("dueDate"));
        assertEquals(new SortOrder("dueDate", false), ListQuery.of(null, null, "dueDate").sort("dueDate"));
    }

    @Test
    void aDescendingSortReadsTheFieldAndDirection() {
        SortOrder order = ListQuery.of(null, null, "-startsAt").sort("startsAt", "-startsAt");
        assertEquals(new SortOrder("startsAt", true), order);
        assertEquals("a.starts_at desc, a.id desc", order.orderBy("a.starts_at", "a.id"));
        assertEquals("(a.starts_at, a.id) < (:cursor0, :cursor1)", order.after("a.starts_at", "a.id"));
    }

    @Test
    void aPageWithMoreRowsCarriesTheCursorOfItsLastItemWhichReadsBack() {
        UUID[] ids = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toArray(UUID[]::new);
        ListQuery first = ListQuery.of(null, 3, "-on");
        first.sort("on", "-on");
        List<UUID> fetched = List.of(ids);
        ListPage<UUID> page = ListPage.of(fetched, first, id -> Cursor.at(LocalDate.of(2026, 1, 1), id));
        assertEquals(List.of(ids[0], ids[1], ids[2]), page.items());

        ListQuery next = ListQuery.of(page.nextCursor(), 3, "-on");
        next.sort("on", "-on");
        Cursor after = next.after().orElseThrow();
        assertEquals(LocalDate.of(2026, 1, 1), after.date(0));
        assertEquals(ids[2], after.uuid(1));
    }

    @Test
    void theLastPageHasNoCursor() {
        ListQuery query = ListQuery.of(null, 3, null);
        query.sort("on");
        assertNull(ListPage.of(List.of("a", "b", "c"), query, s -> Cursor.at(s)).nextCursor());
    }

    @Test
    void aCursorMadeForAnotherSortIsAnInvalidCursorParameter() {
        ListQuery byName = ListQuery.of(null, 1, "name");
        byName.sort("name", "-name");
        String cursor = ListPage.of(List.of("a", "b"), byName, s -> Cursor.at(s)).nextCursor();

        ListQuery reversed = ListQuery.of(cursor, 1, "-name");
        reversed.sort("name", "-name");
        InvalidParameter refused = assertThrows(InvalidParameter.class, reversed::after);
        assertEquals("cursor", refused.parameter());
    }

    @Test
    void aForgedCursorIsAnInvalidCursorParameter() {
        for (String forged : new String[] {"%%%", "bm90IGEgY3Vyc29y", "x".repeat(600)}) {
            ListQuery query = ListQuery.of(forged, null, null);
            query.sort("on");
            assertThrows(InvalidParameter.class, () -> query.after().orElseThrow().date(0));
        }
    }

    @Test
    void aCursorValueOfTheWrongTypeIsAnInvalidCursorParameter() {
        ListQuery query = ListQuery.of(null, 1, null);
        query.sort("on");
        String cursor = ListPage.of(List.of("a", "b"), query, s -> Cursor.at("not-a-date", s)).nextCursor();
        ListQuery next = ListQuery.of(cursor, 1, null);
        next.sort("on");
        assertTrue(next.after().isPresent());
        assertThrows(InvalidParameter.class, () -> next.after().orElseThrow().date(0));
    }
}
