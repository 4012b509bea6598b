package org.dangjian.member.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.dangjian.member.member.Education;
import org.dangjian.member.member.Gender;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.MemberStage;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.api.Problem.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bulk registration of member records from CSV or Excel, with exactly the API's validation (Bean Validation of
 * {@link RegisterMember}, then every rule of registration) and a report per row. All rows commit
 * together, or none (ALL_OR_NOTHING), or the good rows commit and the bad ones are reported (SKIP_BAD_ROWS).
 */
@ApplicationScoped
public class MemberImport {

    public static final List<String> COLUMNS = List.of("name", "gender", "ethnicity", "birthDate", "nationalId", "phone",
            "education", "category", "workUnit", "orgId", "groupId", "grid", "stage", "appliedOn", "activistOn", "candidateOn",
            "admittedOn", "fullOn");
    static final Set<String> REQUIRED = Set.of("name", "gender", "ethnicity", "nationalId", "category", "orgId", "stage");
    static final int MAX_ROWS = 5000;

    public enum Mode {
        ALL_OR_NOTHING,
        SKIP_BAD_ROWS
    }

    public enum RowStatus {
        CREATED,
        REJECTED,
        /** a good row of an all-or-nothing import that another row's error rolled back */
        NOT_COMMITTED
    }

    /** The outcome of one data row ({@code row} counts from 1 after the header, as a spreadsheet user sees it +1). */
    public record RowResult(int row, RowStatus status, UUID memberId, String code, String message, List<FieldError> errors) {
    }

    public record Report(Mode mode, int total, int created, int rejected, boolean committed, List<RowResult> rows) {
    }

    @Inject
    MemberService members;

    @Inject
    Validator validator;

    @Inject
    jakarta.persistence.EntityManager em;

    private static final int FLUSH_EVERY = 100;

    /** A UTF-8 CSV file (RFC 4180), a header row first. */
    public Report csv(InputStream body, Mode mode, Locale locale) {
        try {
            return run(Csv.read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))), mode, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first worksheet of an Excel workbook, a header row first. */
    public Report xlsx(InputStream body, Mode mode, Locale locale) {
        // The header, the allowed rows and one more, so a file over the limit is recognised as such.
        return run(Xlsx.read(body, MAX_ROWS + 2), mode, locale);
    }

    private Report run(List<List<String>> rows, Mode mode, Locale locale) {
        if (rows.isEmpty()) {
            throw DomainException.badRequest("IMPORT_HEADER_INVALID", String.join(",", REQUIRED));
        }
        Map<String, Integer> header = header(rows.get(0));
        List<List<String>> data = rows.subList(1, rows.size()).stream().filter(r -> !r.stream().allMatch(String::isBlank)).toList();
        if (data.size() > MAX_ROWS) {
            throw DomainException.badRequest("IMPORT_TOO_MANY_ROWS", MAX_ROWS);
        }
        try {
            return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                List<RowResult> results = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    results.add(importRow(i + 1, data.get(i), header, locale));
                    if ((i + 1) % FLUSH_EVERY == 0) {
                        // Written rows need no dirty check at every later flush: without this, a large
                        // file's cost grows with the square of its rows (benchmark B4's profile).
                        em.flush();
                        em.clear();
                    }
                }
                long rejected = results.stream().filter(r -> r.status() == RowStatus.REJECTED).count();
                if (mode == Mode.ALL_OR_NOTHING && rejected > 0) {
                    List<RowResult> uncommitted = results.stream().map(r -> r.status() == RowStatus.CREATED
                            ? new RowResult(r.row(), RowStatus.NOT_COMMITTED, null, null, null, null) : r).toList();
                    throw new RolledBack(new Report(mode, data.size(), 0, (int) rejected, false, uncommitted));
                }
                int created = (int) results.stream().filter(r -> r.status() == RowStatus.CREATED).count();
                return new Report(mode, data.size(), created, (int) rejected, true, results);
            });
        } catch (RolledBack e) {
            return e.report;
        }
    }

    /** Leaves the import's transaction by rolling it back, carrying the report out. */
    private static final class RolledBack extends RuntimeException {
        private final transient Report report;

        RolledBack(Report report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private RowResult importRow(int number, List<String> cells, Map<String, Integer> header, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cell = column -> {
            Integer index = header.get(column);
            String value = index == null || index >= cells.size() ? null : cells.get(index).strip();
            return value == null || value.isEmpty() ? null : value;
        };
        String invalid = Messages.get(locale, "INVALID_VALUE.field");
        Parser p = new Parser(cell, errors, invalid);
        RegisterMember request = new RegisterMember(cell.apply("name"), p.parse("gender", Gender::valueOf), cell.apply("ethnicity"),
                p.parse("birthDate", LocalDate::parse), cell.apply("nationalId"), cell.apply("phone"),
                p.parse("education", Education::valueOf), p.parse("category", MemberCategory::valueOf), cell.apply("workUnit"),
                p.parse("orgId", UUID::fromString), p.parse("groupId", UUID::fromString), cell.apply("grid"),
                p.parse("stage", MemberStage::valueOf), p.parse("appliedOn", LocalDate::parse),
                p.parse("activistOn", LocalDate::parse), p.parse("candidateOn", LocalDate::parse),
                p.parse("admittedOn", LocalDate::parse), p.parse("fullOn", LocalDate::parse));
        for (ConstraintViolation<RegisterMember> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString();
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                        .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
                errors.add(new FieldError(field, code, v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            return new RowResult(number, RowStatus.REJECTED, null, "VALIDATION_FAILED",
                    Messages.get(locale, "VALIDATION_FAILED.detail"), errors);
        }
        try {
            UUID id = members.registerRow(request).id();
            return new RowResult(number, RowStatus.CREATED, id, null, null, null);
        } catch (DomainException e) {
            return new RowResult(number, RowStatus.REJECTED, null, e.code(), Messages.get(locale, e.code() + ".detail", e.args()), null);
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                // Spreadsheets keep formatted but empty cells after the last column.
                continue;
            }
            if (!COLUMNS.contains(name) || header.put(name, i) != null) {
                throw DomainException.badRequest("IMPORT_HEADER_INVALID", String.join(",", REQUIRED));
            }
        }
        if (!header.keySet().containsAll(REQUIRED)) {
            throw DomainException.badRequest("IMPORT_HEADER_INVALID", String.join(",", REQUIRED));
        }
        return header;
    }

    /** Turns cells into typed values, noting a field error instead of failing the row on the first bad cell. */
    private record Parser(Function<String, String> cell, List<FieldError> errors, String invalid) {

        <T> T parse(String column, Function<String, T> parse) {
            String value = cell.apply(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                errors.add(new FieldError(column, "INVALID_VALUE", invalid));
                return null;
            }
        }
    }
}
