package org.dangjian.member.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.member.Education;
import org.dangjian.member.member.Gender;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.MemberService.Admitted;
import org.dangjian.member.member.MemberStage;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.api.Problem.FieldError;
import org.dangjian.platform.orgtree.OrgTree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MemberImport.class);

    @Inject
    MemberService members;

    @Inject
    MemberRepository records;

    @Inject
    RegistrationBatch batch;

    @Inject
    OrgTree tree;

    @Inject
    ValidatorFactory validators;

    @Inject
    MemberRules rules;

    /** A UTF-8 CSV file (RFC 4180), a header row first. The body is at most the HTTP body limit (1 MB). */
    public Report csv(InputStream body, Mode mode, Locale locale) {
        return run(Csv.read(new String(bytes(body), StandardCharsets.UTF_8), rules.imports()), mode, locale);
    }

    /** The first worksheet of an Excel workbook, a header row first; the workbook is checked before it is opened. */
    public Report xlsx(InputStream body, Mode mode, Locale locale) {
        return run(Xlsx.read(bytes(body), rules.imports()), mode, locale);
    }

    private static byte[] bytes(InputStream body) {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows as the readers give them: the header, then only non-blank rows, no more than the limit. */
    private Report run(List<List<String>> rows, Mode mode, Locale locale) {
        if (rows.isEmpty()) {
            throw DomainException.badRequest("IMPORT_HEADER_INVALID", String.join(",", REQUIRED));
        }
        Map<String, Integer> header = header(rows.get(0));
        List<List<String>> data = rows.subList(1, rows.size());
        try {
            return QuarkusTransaction.requiringNew().timeout(600).call(() -> importAll(data, header, mode, locale));
        } catch (RolledBack e) {
            return e.report;
        }
    }

    /** A row that passed validation, every rule and the national-ID checks: it gets a member number and is written. */
    private record Good(int index, Admitted admitted, String nationalIdIndex, String memberNumber) {
    }

    /**
     * Set-wise: every row is validated and checked against the rules in memory first (the file's
     * organizations read in one query), the national IDs of the good ones checked against the file and,
     * one query per chunk, against the records; then the good rows are written in chunks of a few
     * multi-row statements, each chunk sealed and serialized on another thread while the one before it
     * is written. Row by row, a 5,000-row file cost about 70× a COPY of the same rows (benchmark B4,
     * bench/notes/b4.md).
     */
    private Report importAll(List<List<String>> data, Map<String, Integer> header, Mode mode, Locale locale) {
        long t0 = System.nanoTime();
        RowResult[] results = new RowResult[data.size()];
        RegisterMember[] requests = parseAll(data, header, locale, results);
        Set<UUID> organizations = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            if (requests[i] != null) {
                organizations.add(requests[i].orgId());
                if (requests[i].groupId() != null) {
                    organizations.add(requests[i].groupId());
                }
            }
        }
        // One query loads every branch and group the file names; the rules then find them in the persistence context.
        if (!organizations.isEmpty()) {
            tree.list("id in ?1", organizations);
        }
        List<Integer> admittedRows = new ArrayList<>();
        List<Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (requests[i] == null) {
                continue;
            }
            try {
                admitted.add(members.admit(requests[i]));
                admittedRows.add(i);
            } catch (DomainException e) {
                results[i] = rejected(i + 1, e.code(), locale, e.args());
            }
        }
        long t1 = System.nanoTime();
        List<String> indexes = admitted.parallelStream().map(members::nationalIdIndex).toList();
        Set<String> taken = batch.nationalIdsTaken(indexes);
        Set<String> inFile = new HashSet<>();
        List<Integer> goodK = new ArrayList<>(admitted.size());
        for (int k = 0; k < admitted.size(); k++) {
            int i = admittedRows.get(k);
            // The first good row of a person wins, as if the rows were registered one after the other.
            if (taken.contains(indexes.get(k)) || !inFile.add(indexes.get(k))) {
                results[i] = rejected(i + 1, "MEMBER_NATIONAL_ID_TAKEN", locale);
            } else {
                goodK.add(k);
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && goodK.size() < data.size()) {
            throw new RolledBack(uncommitted(mode, results));
        }
        long t2 = System.nanoTime();

        List<String> numbers = records.nextMemberNumbers(goodK.size());
        List<Good> good = new ArrayList<>(goodK.size());
        for (int g = 0; g < goodK.size(); g++) {
            int k = goodK.get(g);
            good.add(new Good(admittedRows.get(k), admitted.get(k), indexes.get(k), numbers.get(g)));
        }
        List<List<Good>> chunks = RegistrationBatch.chunks(good);
        CompletableFuture<RegistrationBatch.Prepared> next = chunks.isEmpty() ? null : prepareAsync(chunks.get(0));
        int created = 0;
        long waited = 0;
        long writing = 0;
        for (int c = 0; c < chunks.size(); c++) {
            long w0 = System.nanoTime();
            RegistrationBatch.Prepared chunk = next.join();
            long w1 = System.nanoTime();
            waited += w1 - w0;
            // While this chunk is written (PostgreSQL's work), the next one is sealed and serialized (the JVM's).
            next = c + 1 < chunks.size() ? prepareAsync(chunks.get(c + 1)) : null;
            Set<UUID> inserted = batch.write(chunk);
            writing += System.nanoTime() - w1;
            List<Member> written = chunk.members();
            for (int r = 0; r < written.size(); r++) {
                int i = chunks.get(c).get(r).index();
                UUID id = written.get(r).id();
                if (inserted.contains(id)) {
                    results[i] = new RowResult(i + 1, RowStatus.CREATED, id, null, null, null);
                    created++;
                } else {
                    // Registered by another transaction since the check: refused like a single registration would be.
                    results[i] = rejected(i + 1, "MEMBER_NATIONAL_ID_TAKEN", locale);
                }
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && created < data.size()) {
            throw new RolledBack(uncommitted(mode, results));
        }
        long t3 = System.nanoTime();
        LOG.debugf("import of %d rows: rules %d ms, national IDs %d ms, writing %d ms (of which waiting for sealing %d ms, in statements %d ms)",
                data.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, waited / 1_000_000,
                writing / 1_000_000);
        return new Report(mode, data.size(), created, data.size() - created, true, List.of(results));
    }

    /** Seals a chunk's rows and builds its statements' values on a pool thread: no database, no request context. */
    private CompletableFuture<RegistrationBatch.Prepared> prepareAsync(List<Good> chunk) {
        return CompletableFuture.supplyAsync(() -> batch.prepare(chunk.stream().map(g -> {
            Member member = MemberService.newMember(g.memberNumber(), g.admitted(), members.seal(g.admitted(), g.nationalIdIndex()));
            return new RegistrationBatch.NewMember(member, g.admitted().nationalId(), g.admitted().phone());
        }).toList()), ForkJoinPool.commonPool());
    }

    /** The report of an all-or-nothing file that had a bad row: no row was committed. */
    private static Report uncommitted(Mode mode, RowResult[] results) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null || results[i].status() == RowStatus.CREATED) {
                results[i] = new RowResult(i + 1, RowStatus.NOT_COMMITTED, null, null, null, null);
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

    /**
     * Every row as a registration request (null where refused, its result then set). Parsing and Bean
     * Validation need nothing but the row, so the file is split between this thread and the pool's: on
     * the request thread alone they were the largest serial part of an import (benchmark B4). The pool's
     * threads get the request's class loader (the messages' bundles) and a validator fixed to its locale.
     */
    private RegisterMember[] parseAll(List<List<String>> data, Map<String, Integer> header, Locale locale,
            RowResult[] results) {
        RowParser parser = new RowParser(header, Messages.get(locale, "INVALID_VALUE.field"),
                Messages.get(locale, "VALIDATION_FAILED.detail"), validators.usingContext()
                        .messageInterpolator(new InLocale(validators.getMessageInterpolator(), locale))
                        .traversableResolver(EVERY_PROPERTY).getValidator());
        RegisterMember[] requests = new RegisterMember[data.size()];
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int slices = Math.max(1, Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, data.size() / PARSE_SLICE_MINIMUM));
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int s = 1; s < slices; s++) {
            int from = data.size() * s / slices;
            int to = data.size() * (s + 1) / slices;
            others.add(CompletableFuture.runAsync(() -> {
                Thread thread = Thread.currentThread();
                ClassLoader own = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                    parser.parse(data, from, to, requests, results);
                } finally {
                    thread.setContextClassLoader(own);
                }
            }, ForkJoinPool.commonPool()));
        }
        parser.parse(data, 0, data.size() / slices, requests, results);
        others.forEach(CompletableFuture::join);
        return requests;
    }

    /** Rows per parsing slice at least: below it, handing a slice to another thread costs more than it saves. */
    private static final int PARSE_SLICE_MINIMUM = 250;

    /**
     * A request is a plain record, never a lazily loaded entity: the default resolver asked Hibernate ORM whether
     * each property was loaded, a tenth of the file's validation (B4 profile).
     */
    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }
    };

    /** Bean Validation's messages in the import's language, whichever thread validates. */
    private record InLocale(MessageInterpolator interpolator, Locale locale) implements MessageInterpolator {

        @Override
        public String interpolate(String template, Context context) {
            return interpolator.interpolate(template, context, locale);
        }

        @Override
        public String interpolate(String template, Context context, Locale ignored) {
            return interpolator.interpolate(template, context, locale);
        }
    }

    /** Turns rows into registration requests; thread-safe, so one file's rows can be parsed on several threads. */
    private record RowParser(Map<String, Integer> header, String invalid, String validationFailed, Validator validator) {

        void parse(List<List<String>> data, int from, int to, RegisterMember[] requests, RowResult[] results) {
            for (int i = from; i < to; i++) {
                requests[i] = parse(i + 1, data.get(i), results);
            }
        }

        /** The row as a registration request, or null when a cell or Bean Validation refuses it (its result then set). */
        private RegisterMember parse(int number, List<String> cells, RowResult[] results) {
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
                results[number - 1] = new RowResult(number, RowStatus.REJECTED, null, "VALIDATION_FAILED", validationFailed, errors);
                return null;
            }
            return request;
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
