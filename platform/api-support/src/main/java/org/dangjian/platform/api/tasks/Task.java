package org.dangjian.platform.api.tasks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One thing waiting for the caller (待办), in the shape every service's {@code GET /api/v1/tasks} shares, so a
 * client merges the four queues by {@code dueDate} without knowing the domains.
 *
 * @param kind      what is to be done, stable and documented per service, e.g. {@code TRANSFER_TO_ANSWER}
 * @param subject   the record it is about
 * @param orgId     the organization whose work it is
 * @param dueDate   when it is due (Asia/Shanghai civil date); null when it has no date
 * @param overdue   due before today
 * @param link      the API path of the subject, relative to the service's base URL
 */
@Schema(name = "Task", description = "待办: one thing waiting for the caller")
public record Task(
        @Schema(maxLength = 64, pattern = "^[A-Z_]+$") String kind,
        Subject subject,
        UUID orgId,
        @Schema(nullable = true) LocalDate dueDate,
        boolean overdue,
        @Schema(maxLength = 300) String link) {

    /** The record a task is about: its type (e.g. {@code transfer}), id and a short label for a list row. */
    @Schema(name = "TaskSubject")
    public record Subject(@Schema(maxLength = 32) String type, UUID id,
            @Schema(maxLength = 200, nullable = true) String label) {
    }

    public static Task of(String kind, String type, UUID id, String label, UUID orgId, LocalDate dueDate,
            LocalDate today, String link) {
        return new Task(kind, new Subject(type, id, label), orgId, dueDate, dueDate != null && dueDate.isBefore(today),
                link);
    }
}
