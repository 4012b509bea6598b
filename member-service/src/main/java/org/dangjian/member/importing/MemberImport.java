package org.dangjian.member.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.member.member.MemberService.Admitted;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.api.Problem.FieldError;
import org.dangjian.platform.orgtree.OrgTree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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

    @Inject
    ImportWorkers workers;

    /** A UTF-8 CSV file (RFC 4180), a header row first. The body is at most the HTTP body limit (1 MB). */
    public Report csv(InputStream body, Mode mode, Locale locale) {
        return run(CsvReader.read(new String(bytes(body), StandardCharsets.UTF_8), rules.imports()), mode, locale);
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

    /** A parsed row that passed every rule of registration. */
    private record Admissible(int index, Admitted admitted) {
    }

    /** An admissible row with its national ID's blind index, to be checked against the file and the records. */
    private record Candidate(int index, Admitted admitted, String nationalIdIndex) {
    }

    /** A row that passed validation, every rule and the national-ID checks: it gets a member number and is written. */
    private record Good(int index, Admitted admitted, String nationalIdIndex, String memberNumber) {
    }

    /**
     * Set-wise: every row is validated and checked against the rules in memory first (the file's
     * organizations read in one query), the national IDs of the good ones checked against the file and,
     * one query per chunk, against the records; then the good rows are written in chunks with a COPY each,
     * each chunk sealed and serialized on a worker while the one before it is written. Row by row, a
     * 5,000-row file cost about 70× a COPY of the same rows (benchmark B4, bench/notes/b4.md).
     */
    private Report importAll(List<List<String>> data, Map<String, Integer> header, Mode mode, Locale locale) {
        long t0 = System.nanoTime();
        Outcomes outcomes = new Outcomes(data.size(), locale);
        List<Admissible> admissible = admit(parseAll(data, header, locale, outcomes), outcomes);
        long t1 = System.nanoTime();
        List<Candidate> candidates = workers.map(admissible.size(), INDEX_SLICE_MINIMUM, k -> {
            Admissible a = admissible.get(k);
            return new Candidate(a.index(), a.admitted(), members.nationalIdIndex(a.admitted()));
        });
        Set<String> taken = batch.nationalIdsTaken(candidates.stream().map(Candidate::nationalIdIndex).toList());
        Set<String> inFile = new HashSet<>();
        List<Candidate> unique = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            // The first good row of a person wins, as if the rows were registered one after the other.
            if (taken.contains(c.nationalIdIndex()) || !inFile.add(c.nationalIdIndex())) {
                outcomes.refuse(c.index(), "MEMBER_NATIONAL_ID_TAKEN");
            } else {
                unique.add(c);
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && unique.size() < data.size()) {
            throw new RolledBack(outcomes.uncommitted(mode));
        }
        long t2 = System.nanoTime();

        List<String> numbers = records.nextMemberNumbers(unique.size());
        List<Good> good = new ArrayList<>(unique.size());
        for (int g = 0; g < unique.size(); g++) {
            Candidate c = unique.get(g);
            good.add(new Good(c.index(), c.admitted(), c.nationalIdIndex(), numbers.get(g)));
        }
        List<List<Good>> chunks = RegistrationBatch.chunks(good);
        CompletableFuture<RegistrationBatch.Prepared> next = chunks.isEmpty() ? null : prepareAsync(chunks.get(0));
        long waited = 0;
        long writing = 0;
        for (int c = 0; c < chunks.size(); c++) {
            long w0 = System.nanoTime();
            RegistrationBatch.Prepared chunk = ImportWorkers.join(next);
            long w1 = System.nanoTime();
            waited += w1 - w0;
            // While this chunk is written (PostgreSQL's work), the next one is sealed and serialized (the JVM's).
            next = c + 1 < chunks.size() ? prepareAsync(chunks.get(c + 1)) : null;
            Set<UUID> inserted = batch.write(chunk);
            writing += System.nanoTime() - w1;
            List<Good> rows = chunks.get(c);
            List<Member> written = chunk.members();
            for (int r = 0; r < written.size(); r++) {
                UUID id = written.get(r).id();
                if (inserted.contains(id)) {
                    outcomes.created(rows.get(r).index(), id);
                } else {
                    // Registered by another transaction since the check: refused like a single registration would be.
                    outcomes.refuse(rows.get(r).index(), "MEMBER_NATIONAL_ID_TAKEN");
                }
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && outcomes.created() < data.size()) {
            throw new RolledBack(outcomes.uncommitted(mode));
        }
        long t3 = System.nanoTime();
        LOG.debugf("import of %d rows: rules %d ms, national IDs %d ms, writing %d ms (of which waiting for sealing %d ms, in statements %d ms)",
                data.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, waited / 1_000_000,
                writing / 1_000_000);
        return outcomes.committed(mode);
    }

    /**
     * Every row as a registration request or refused, in file order. Parsing and Bean Validation need nothing but the
     * row, so the file is split between this thread and the import workers.
     */
    private List<RowParser.Request> parseAll(List<List<String>> data, Map<String, Integer> header, Locale locale,
            Outcomes outcomes) {
        RowParser parser = new RowParser(header, locale, validators);
        List<RowParser.Request> requests = new ArrayList<>(data.size());
        for (RowParser.Parsed parsed : workers.map(data.size(), PARSE_SLICE_MINIMUM, i -> parser.parse(i, data.get(i)))) {
            if (parsed instanceof RowParser.Request request) {
                requests.add(request);
            } else if (parsed instanceof RowParser.Refused refused) {
                outcomes.set(refused.result());
            }
        }
        return requests;
    }

    /** The requests every rule of registration admits; on this thread, for the rules read the persistence context. */
    private List<Admissible> admit(List<RowParser.Request> requests, Outcomes outcomes) {
        Set<UUID> organizations = new HashSet<>();
        for (RowParser.Request r : requests) {
            organizations.add(r.request().orgId());
            if (r.request().groupId() != null) {
                organizations.add(r.request().groupId());
            }
        }
        // One query loads every branch and group the file names; the rules then find them in the persistence context.
        if (!organizations.isEmpty()) {
            tree.list("id in ?1", organizations);
        }
        List<Admissible> admissible = new ArrayList<>(requests.size());
        for (RowParser.Request r : requests) {
            try {
                admissible.add(new Admissible(r.index(), members.admit(r.request())));
            } catch (DomainException e) {
                outcomes.refuse(r.index(), e.code(), e.args());
            }
        }
        return admissible;
    }

    /** Seals a chunk's rows and builds its COPY rows, audit entries and events on a worker: no database, no request context. */
    private CompletableFuture<RegistrationBatch.Prepared> prepareAsync(List<Good> chunk) {
        return workers.submit(() -> batch.prepare(chunk.stream().map(g -> {
            Member member = MemberService.newMember(g.memberNumber(), g.admitted(), members.seal(g.admitted(), g.nationalIdIndex()));
            return new RegistrationBatch.NewMember(member, g.admitted().nationalId(), g.admitted().phone());
        }).toList()));
    }

    /** Rows per parsing slice at least: below it, handing a slice to another thread costs more than it saves. */
    private static final int PARSE_SLICE_MINIMUM = 250;
    /** National IDs per blind-index slice at least (an HMAC each, a few microseconds). */
    private static final int INDEX_SLICE_MINIMUM = 250;

    /** Each data row's result, filled in as the import goes; the report of the file. */
    private static final class Outcomes {
        private final RowResult[] rows;
        private final Locale locale;
        private int created;

        Outcomes(int rows, Locale locale) {
            this.rows = new RowResult[rows];
            this.locale = locale;
        }

        void set(RowResult result) {
            rows[result.row() - 1] = result;
        }

        void refuse(int index, String code, Object... args) {
            rows[index] = new RowResult(index + 1, RowStatus.REJECTED, null, code, Messages.get(locale, code + ".detail", args), null);
        }

        void created(int index, UUID memberId) {
            rows[index] = new RowResult(index + 1, RowStatus.CREATED, memberId, null, null, null);
            created++;
        }

        int created() {
            return created;
        }

        Report committed(Mode mode) {
            return new Report(mode, rows.length, created, rows.length - created, true, List.of(rows));
        }

        /** The report of an all-or-nothing file that had a bad row: no row was committed. */
        Report uncommitted(Mode mode) {
            int rejected = 0;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == null || rows[i].status() == RowStatus.CREATED) {
                    rows[i] = new RowResult(i + 1, RowStatus.NOT_COMMITTED, null, null, null, null);
                } else if (rows[i].status() == RowStatus.REJECTED) {
                    rejected++;
                }
            }
            return new Report(mode, rows.length, 0, rejected, false, List.of(rows));
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
}
