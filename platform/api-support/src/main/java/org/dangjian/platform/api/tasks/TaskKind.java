package org.dangjian.platform.api.tasks;

import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One kind of task a service finds for the caller (transfers to answer, cases at my approval level, …).
 * {@link TaskQueues} merges a service's kinds into one queue: a kind only counts its tasks and lists them in
 * queue order after a position, with {@link Position#condition} and {@link Position#ORDER}.
 */
public interface TaskKind {

    /** The stable kind name, e.g. {@code TRANSFER_TO_ANSWER}. */
    String kind();

    /** Whether the caller (by role) has tasks of this kind at all: a member approves no cases. */
    boolean appliesToCaller();

    /** How many tasks of this kind are waiting for the caller. */
    long count();

    /** Up to {@code limit} of the caller's tasks of this kind in queue order, strictly after {@code after}. */
    List<Task> after(Position after, int limit);

    /**
     * A place in the queue: due date (undated after every date), then kind, then subject id — the order of
     * {@link #QUEUE_ORDER}, which is also PostgreSQL's (uuids compare as unsigned bytes).
     */
    record Position(LocalDate dueDate, String kind, UUID subjectId) {

        /** The start of the queue: every task comes after it. */
        public static final Position START = new Position(null, "", null);
        /** Stands for "no due date" in SQL, so undated tasks sort last. */
        public static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);
        /** What a kind's query orders by, given {@code due} and {@code id} column expressions. */
        public static final String ORDER = "coalesce(%1$s, date '9999-12-31'), %2$s";

        /**
         * The SQL condition "after this position" for the tasks of {@code kind} whose due date and subject id
         * are the columns {@code dueColumn} and {@code idColumn}; bind it with {@link #bind}.
         */
        public String condition(String kind, String dueColumn, String idColumn) {
            if (subjectId == null) {
                return "true";
            }
            String due = "coalesce(" + dueColumn + ", date '9999-12-31')";
            int byKind = kind.compareTo(this.kind);
            if (byKind == 0) {
                return "(" + due + ", " + idColumn + ") > (:taskDue, :taskId)";
            }
            return due + (byKind > 0 ? " >= :taskDue" : " > :taskDue");
        }

        /** {@code order by} terms for a kind's query. */
        public static String orderBy(String dueColumn, String idColumn) {
            return ORDER.formatted(dueColumn, idColumn);
        }

        /** Binds the parameters that {@link #condition} for {@code kind} names. */
        public Query bind(Query query, String kind) {
            if (subjectId == null) {
                return query;
            }
            query.setParameter("taskDue", dueDate == null ? UNDATED : dueDate);
            if (kind.equals(this.kind)) {
                query.setParameter("taskId", subjectId);
            }
            return query;
        }
    }

    /** The queue's order; uuids compared as unsigned bytes, as PostgreSQL does. */
    Comparator<Task> QUEUE_ORDER = Comparator
            .comparing((Task t) -> t.dueDate() == null ? Position.UNDATED : t.dueDate())
            .thenComparing(Task::kind)
            .thenComparing(t -> t.subject().id(), TaskKind::compareUnsigned);

    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
