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
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.MemberService.Admitted;
import org.dangjian.member.member.MemberService.Sealed;
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
import java.util.HashSet;
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
    MemberRepository records;

    @Inject
    RegistrationBatch batch;

    @Inject
    Validator validator;

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
            return QuarkusTransaction.requiringNew().timeout(600).call(() -> importAll(data, header, mode, locale));
        } catch (RolledBack e) {
            return e.report;
        }
    }

    /** A row that passed validation and every rule; written only if its national ID is new, in the file and in the records. */
    private record Good(int index, Admitted admitted, Sealed sealed) {
    }

    /**
     * Set-wise: every row is validated and checked against the rules in memory first, the good ones
     * sealed, their national IDs checked against the file and (one query per chunk) the records; then
     * all good rows are written with a few multi-row statements. Row by row, a 5,000-row file cost about
     * 70× a COPY of the same rows (benchmark B4, bench/notes/b4.md).
     */
    private Report importAll(List<List<String>> data, Map<String, Integer> header, Mode mode, Locale locale) {
        RowResult[] results = new RowResult[data.size()];
        String invalid = Messages.get(locale, "INVALID_VALUE.field");
        List<Integer> admittedRows = new ArrayList<>();
        List<Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            RegisterMember request = parse(i + 1, data.get(i), header, locale, invalid, results);
            if (request == null) {
                continue;
            }
            try {
                admitted.add(members.admit(request));
                admittedRows.add(i);
            } catch (DomainException e) {
                results[i] = rejected(i + 1, e.code(), locale, e.args());
            }
        }
        // Sealing (AES-GCM and HMAC for ID and phone) is most of the CPU time left: spread it over the cores.
        List<Sealed> sealed = admitted.parallelStream().map(members::seal).toList();

        Set<String> taken = batch.nationalIdsTaken(sealed.stream().map(s -> s.nationalId().blindIndex()).toList());
        Set<String> inFile = new HashSet<>();
        List<Good> good = new ArrayList<>(admitted.size());
        for (int k = 0; k < admitted.size(); k++) {
            int i = admittedRows.get(k);
            String index = sealed.get(k).nationalId().blindIndex();
            // The first good row of a person wins, as if the rows were registered one after the other.
            if (taken.contains(index) || !inFile.add(index)) {
                results[i] = rejected(i + 1, "MEMBER_NATIONAL_ID_TAKEN", locale);
            } else {
                good.add(new Good(i, admitted.get(k), sealed.get(k)));
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && good.size() < data.size()) {
            throw new RolledBack(uncommitted(mode, results, good));
        }

        List<String> numbers = records.nextMemberNumbers(good.size());
        List<Member> created = new ArrayList<>(good.size());
        for (int k = 0; k < good.size(); k++) {
            created.add(MemberService.newMember(numbers.get(k), good.get(k).admitted(), good.get(k).sealed()));
        }
        Set<UUID> inserted = batch.insertMembers(created);
        List<RegistrationBatch.NewMember> written = new ArrayList<>(inserted.size());
        for (int k = 0; k < good.size(); k++) {
            Good g = good.get(k);
            Member member = created.get(k);
            if (inserted.contains(member.id())) {
                results[g.index()] = new RowResult(g.index() + 1, RowStatus.CREATED, member.id(), null, null, null);
                written.add(new RegistrationBatch.NewMember(member, g.admitted().nationalId(), g.admitted().phone()));
            } else {
                // Registered by another transaction since the check: refused like a single registration would be.
                results[g.index()] = rejected(g.index() + 1, "MEMBER_NATIONAL_ID_TAKEN", locale);
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && written.size() < data.size()) {
            throw new RolledBack(uncommitted(mode, results, good));
        }
        batch.recordRegistered(written);
        List<RowResult> report = List.of(results);
        return new Report(mode, data.size(), written.size(), data.size() - written.size(), true, report);
    }

    /** The report of an all-or-nothing file that had a bad row: the good rows were not committed. */
    private static Report uncommitted(Mode mode, RowResult[] results, List<Good> good) {
        for (Good g : good) {
            if (results[g.index()] == null || results[g.index()].status() == RowStatus.CREATED) {
                results[g.index()] = new RowResult(g.index() + 1, RowStatus.NOT_COMMITTED, null, null, null, null);
            }
        }
        int rejected = (int) java.util.Arrays.stream(results).filter(r -> r.status() == RowStatus.REJECTED).count();
        return new Report(mode, results.length, 0, rejected, false, List.of(results));
    }

    private static RowResult rejected(int number, String code, Locale locale, Object... args) {
        return new RowResult(number, RowStatus.REJECTED, null, code, Messages.get(locale, code + ".detail", args), null);
    }

    /** Leaves the import's transaction by rolling it back, carrying the report out. */
    private static final class RolledBack extends RuntimeException {
        private final transient Report report;

        RolledBack(Report report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /** The row as a registration request, or null when a cell or Bean Validation refuses it (its result then set). */
    private RegisterMember parse(int number, List<String> cells, Map<String, Integer> header, Locale locale, String invalid,
            RowResult[] results) {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cell = column -> {
            Integer index = header.get(column);
            String value = index == null || index >= cells.size() ? null : cells.get(index).strip();
            return value == null || value.isEmpty() ? null : value;
        };
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
            results[number - 1] = new RowResult(number, RowStatus.REJECTED, null, "VALIDATION_FAILED",
                    Messages.get(locale, "VALIDATION_FAILED.detail"), errors);
            return null;
        }
        return request;
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
