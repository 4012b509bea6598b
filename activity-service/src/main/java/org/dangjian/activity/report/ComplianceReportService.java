package org.dangjian.activity.report;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.activity.HeldActivities;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.report.ComplianceDtos.AttendanceFigures;
import org.dangjian.activity.report.ComplianceDtos.BranchCompliance;
import org.dangjian.activity.report.ComplianceDtos.ChildSummary;
import org.dangjian.activity.report.ComplianceDtos.Report;
import org.dangjian.activity.report.ComplianceDtos.Requirement;
import org.dangjian.activity.report.ComplianceDtos.RuleCheck;
import org.dangjian.activity.report.ComplianceDtos.Summary;
import org.dangjian.activity.support.Sql;
import org.dangjian.platform.api.DomainException;
import org.dangjian.activity.support.Organizations;
import org.dangjian.platform.orgtree.OrgUnit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The compliance report (台账) of a subtree for a period. Two statements over the same per-branch
 * figures: the whole subtree's summary and 分级汇总 as one aggregate (however many branches, the
 * response stays small), and one page of branches in tree-path order for the detail. Required
 * frequencies are written into the statement as one column per type; each branch's held activities (its groups' meetings included),
 * attendance and members below their training hours are aggregated set-wise.
 */
@ApplicationScoped
public class ComplianceReportService {

    /** The .xlsx export reads its branches this many at a time, so memory stays bounded whatever the subtree. */
    static final int EXPORT_CHUNK = 500;

    /** Every branch-type organization of the subtree. */
    private static final String ALL_BRANCHES = """
            select u.id, u.name, u.path, u.type as org_type from org_unit u
              where u.path like :prefix and u.type = any(cast(:branchTypes as text[])) and u.status = 'ACTIVE'""";

    /** The page's branches: the next ones after the cursor's path in tree order (byte order of the path). */
    private static final String PAGE_BRANCHES = ALL_BRANCHES + """

              and u.path ~>~ :after
              order by u.path using ~<~ limit :limit""";

    // The figures of each branch in the CTE branch (the placeholder "branches" selects them), from the
    // figures kept per organization and year (V15, V16) as activities, attendance, the roster, seats and
    // training change: one row per organization, not per activity or member, with every type's held
    // activities side by side, so the requirements are checked on one row per branch. The placeholders
    // "held" and "checks" are the required types' columns (see Requirements).
    private static final String FIGURES = """
            with branch as (
              /*branches*/
            ),
            unit as (
              -- a Party group's meetings count for the branch it belongs to
              select b.id, b.id as branch_id from branch b
              union all
              select g.id, g.parent_id from org_unit g join branch b on b.id = g.parent_id where g.type = 'GROUP'
            ),
            grp as (
              select distinct g.parent_id as branch_id from org_unit g join branch b on b.id = g.parent_id
              where g.type = 'GROUP' and g.status = 'ACTIVE'
            ),
            kept as (
              -- per branch: the period is the difference of two year-to-date elements (element 0 is null: none before January)
              select u.branch_id, sum(t.expected[:lastMonth] - coalesce(t.expected[:firstMonth - 1], 0)) as expected,
                     sum(t.present[:lastMonth] - coalesce(t.present[:firstMonth - 1], 0)) as present,
                     sum(t.on_leave[:lastMonth] - coalesce(t.on_leave[:firstMonth - 1], 0)) as on_leave
                     /*held*/
              from activity_figures_ytd t join unit u on u.id = t.org_id
              where t.year = :year
              group by u.branch_id
            ),
            lectures as (
              -- 书记讲党课: lectures hosted by whoever held the branch's secretary seat on the day, from the
              -- lectures themselves (a seat's end date may arrive later, and a group may move to another branch)
              select u.branch_id, count(*) as secretary_lectures
              from activity a join unit u on u.id = a.org_id
              where a.status = 'HELD' and a.type = 'PARTY_LECTURE' and a.host_member_id is not null
                and a.held_on >= :start and a.held_on < :end
                and exists (select 1 from leadership_seat s
                            where s.org_id = u.branch_id and s.member_id = a.host_member_id and s.seat = 'SECRETARY'
                              and s.started_on <= a.held_on and (s.ended_on is null or s.ended_on > a.held_on))
              group by u.branch_id
            ),
            members as (
              -- the branch's members on the period's last day (branch_member_figures, kept as the roster, seats and
              -- training change): its row of the year, else the latest earlier row's December with nobody's hours
              select b.id as branch_id,
                     case when f.org_id is not null then f.full_members[:lastMonth] else p.full_members[12] end as full_members,
                     case when f.org_id is not null then f.below[:lastMonth]
                          else case when :trainingHours > 0 then p.on_roster[12] - p.leaders[12] else 0 end
                               + case when :leaderTrainingHours > 0 then p.leaders[12] else 0 end end as below,
                     case when f.org_id is not null then f.leaders_below[:lastMonth]
                          when :leaderTrainingHours > 0 then p.leaders[12] else 0 end as leaders_below
              from branch b
              left join branch_member_figures f on f.org_id = b.id and f.year = :year
              left join lateral (select p.full_members, p.on_roster, p.leaders from branch_member_figures p
                                 where f.org_id is null and p.org_id = b.id and p.year < :year
                                 order by p.year desc limit 1) p on true
            ),
            per_branch as (
              select b.id, b.name, b.path, b.org_type, coalesce(m.full_members, 0) as full_members,
                     g.branch_id is not null as has_groups, coalesce(k.expected, 0) as expected,
                     coalesce(k.present, 0) as present, coalesce(k.on_leave, 0) as on_leave,
                     coalesce(l.secretary_lectures, 0) as secretary_lectures, coalesce(m.below, 0) as below,
                     coalesce(m.leaders_below, 0) as leaders_below
                     /*checks*/
              from branch b
              left join members m on m.branch_id = b.id
              left join grp g on g.branch_id = b.id
              left join kept k on k.branch_id = b.id
              left join lectures l on l.branch_id = b.id
            )
            """;

    /** The whole subtree added up, per direct child of the report's organization and in all (grouping sets). */
    private static final String SUMMARY = "/* compliance report: summary */\n"
            + FIGURES.replace("/*branches*/", ALL_BRANCHES) + """
            , checked as (
              select nullif(split_part(substr(b.path, :rootLength + 1), '/', 1), '') as child,
                     /*requirements*/ + case when :lectures > 0 then 1 else 0 end as requirements,
                     /*met*/ + case when :lectures > 0 and b.secretary_lectures >= :lectures then 1 else 0 end as met,
                     b.expected, b.present, b.on_leave, b.below, b.leaders_below
              from per_branch b
            )
            select grouping(child) = 1, child, count(*), count(*) filter (where met < requirements), sum(requirements),
                   sum(met), sum(expected), sum(present), sum(on_leave), sum(below), sum(leaders_below)
            from checked group by grouping sets ((child), ())""";

    /** One page of branches, one row each, with the required types' owed flags and held counts (see Requirements). */
    private static final String PAGE = "/* compliance report: branches */\n"
            + FIGURES.replace("/*branches*/", PAGE_BRANCHES)
            + """
            select b.id, b.name, b.path, b.org_type, b.full_members, b.has_groups, b.expected, b.present, b.on_leave,
                   b.below, b.leaders_below, b.secretary_lectures /*columns*/
            from per_branch b
            order by b.path using ~<~""";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ComplianceReportService.class);

    @Inject
    EntityManager em;

    @Inject
    ActivityRules rules;

    @Inject
    Organizations organizations;

    /** The summary and 分级汇总 of the whole subtree, and the page of {@code size} branches after the cursor. */
    @Transactional
    public Report report(UUID orgId, ReportPeriod period, String after, int size) {
        reportTransaction();
        OrgUnit root = root(orgId);
        String afterPath = decode(after, root);
        long started = System.nanoTime();
        Totals totals = summary(root, period);
        long summarized = System.nanoTime();
        Page page = branches(root, period, afterPath, size);
        long queried = System.nanoTime();
        // the statements' share apart: what the benchmark (bench B2) sets against the SQL alone
        LOG.infof("compliance report of %s for %s: %d branches in %d ms (statement %d ms) summary %d ms, page of %d %d ms", orgId,
                period.label(), totals.summary().branches(), (System.nanoTime() - started) / 1_000_000,
                (queried - started) / 1_000_000, (summarized - started) / 1_000_000, page.branches().size(),
                (queried - summarized) / 1_000_000);
        return new Report(root.id(), period.label(), period.start(), period.lastDay(), totals.summary(), totals.byChild(),
                page.branches(), page.next() == null ? null : encode(page.next()));
    }

    /**
     * The .xlsx (台账): the summary, then every branch, read {@link #EXPORT_CHUNK} at a time into a
     * streaming workbook that keeps a window of rows in memory and the rest in a temporary file. All of
     * it in one snapshot, so the lines add up to the summary; the caller writes and closes the workbook.
     * A city's 75,000 branches are 150 statements after the summary: longer than the default 60 s
     * transaction timeout allows on a busy database.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ComplianceWorkbook workbook(UUID orgId, ReportPeriod period) {
        reportTransaction();
        OrgUnit root = root(orgId);
        ComplianceWorkbook workbook = new ComplianceWorkbook();
        try {
            Totals totals = summary(root, period);
            workbook.summary(period, totals.summary());
            Page page = new Page(List.of(), "");
            do {
                page = branches(root, period, page.next(), EXPORT_CHUNK);
                workbook.branches(page.branches());
            } while (page.next() != null);
            return workbook;
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /**
     * First in the transaction: one snapshot for all its statements (the summary and the pages agree)
     * and the configured work_mem, so the per-branch hashes and sorts stay in memory.
     */
    private void reportTransaction() {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        em.createNativeQuery("select set_config('work_mem', ?1, true)").setParameter(1, rules.report().workMem()).getSingleResult();
    }

    private OrgUnit root(UUID orgId) {
        return organizations.requireInScope(orgId);
    }

    private record Totals(Summary summary, List<ChildSummary> byChild) {
    }

    /** One page of branches and the path of its last one when more follow. */
    private record Page(List<BranchCompliance> branches, String next) {
    }

    private Totals summary(OrgUnit root, ReportPeriod period) {
        int lectures = secretaryLectures(period);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = figures(SUMMARY, requirements(period), root, period)
                .setParameter("rootLength", root.path().length())
                .setParameter("lectures", lectures)
                .getResultList();
        Map<UUID, Object[]> perChild = new LinkedHashMap<>();
        Summary summary = null;
        for (Object[] r : rows) {
            if ((Boolean) r[0]) {
                long expected = Sql.count(r[6]);
                long present = Sql.count(r[7]);
                long leave = Sql.count(r[8]);
                summary = new Summary((int) Sql.count(r[2]), (int) Sql.count(r[3]), (int) Sql.count(r[4]), (int) Sql.count(r[5]),
                        new AttendanceFigures(expected, present, leave, expected - present - leave, ComplianceDtos.rate(present, expected)),
                        Sql.count(r[9]), Sql.count(r[10]));
            } else if (r[1] != null) {
                perChild.put(UUID.fromString((String) r[1]), r);
            }
        }
        List<ChildSummary> byChild = new ArrayList<>();
        children(root).forEach((id, name) -> {
            Object[] r = perChild.get(id);
            byChild.add(r == null ? new ChildSummary(id, name, 0, 0, null, 0)
                    : new ChildSummary(id, name, (int) Sql.count(r[2]), (int) Sql.count(r[3]),
                            ComplianceDtos.rate(Sql.count(r[7]), Sql.count(r[6])), Sql.count(r[9])));
        });
        return new Totals(summary, byChild);
    }

    /** The {@code size} branches after {@code afterPath} in tree order, and the last one's path if more follow. */
    private Page branches(OrgUnit root, ReportPeriod period, String afterPath, int size) {
        @SuppressWarnings("unchecked")
        Requirements requirements = requirements(period);
        List<Object[]> rows = figures(PAGE, requirements, root, period)
                .setParameter("after", afterPath)
                .setParameter("limit", size + 1)
                .getResultList();
        List<BranchCompliance> branches = assemble(rows, requirements, secretaryLectures(period));
        if (branches.size() <= size) {
            return new Page(branches, null);
        }
        List<BranchCompliance> page = branches.subList(0, size);
        return new Page(page, page.get(size - 1).path());
    }

    /** A statement over {@link #FIGURES}, its required types' columns written in, with the parameters bound. */
    private Query figures(String sql, Requirements requirements, OrgUnit root, ReportPeriod period) {
        return em.createNativeQuery(requirements.write(sql))
                .setParameter("branchTypes", array(new ArrayList<>(rules.branchTypes())))
                .setParameter("prefix", root.path().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("year", period.lastDay().getYear())
                .setParameter("firstMonth", period.start().getMonthValue())
                .setParameter("lastMonth", period.lastDay().getMonthValue())
                .setParameter("trainingHours", java.math.BigDecimal.valueOf(rules.hours().memberTraining()))
                .setParameter("leaderTrainingHours", java.math.BigDecimal.valueOf(rules.hours().leaderTraining()));
    }

    /** What the period requires of a branch, by type in name order: how many, and when it applies. */
    private Requirements requirements(ReportPeriod period) {
        List<Required> required = new ArrayList<>();
        rules.frequencies().forEach((type, frequency) -> {
            int times = frequency.minimum() * frequency.per().unitsIn(period.months());
            if (times > 0) {
                required.add(new Required(ActivityType.valueOf(type), times, frequency.appliesWhen()));
            }
        });
        required.sort(java.util.Comparator.comparing(r -> r.type().name()));
        return new Requirements(required, rules.committeeThreshold());
    }

    private record Required(ActivityType type, int times, ActivityRules.Condition appliesWhen) {
    }

    /**
     * The required types as columns of the statement: each one's held count in the period summed per branch
     * ({@code held_i}), whether the branch owes it ({@code owes_i}), and the per-branch count of requirements
     * and of those met. Integers from the configuration and column names from {@link ActivityType} only.
     */
    private record Requirements(List<Required> types, int committeeThreshold) {

        String write(String sql) {
            StringBuilder held = new StringBuilder();
            StringBuilder checks = new StringBuilder();
            StringBuilder columns = new StringBuilder();
            List<String> owed = new ArrayList<>();
            List<String> met = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                Required r = types.get(i);
                String column = HeldActivities.heldColumn(r.type());
                held.append(", sum(coalesce(t.%1$s[:lastMonth], 0) - coalesce(t.%1$s[:firstMonth - 1], 0)) as held_%2$d"
                        .formatted(column, i));
                checks.append(", coalesce(k.held_%1$d, 0) as held_%1$d, %2$s as owes_%1$d".formatted(i, switch (r.appliesWhen()) {
                    case ALWAYS -> "true";
                    case HAS_COMMITTEE -> "coalesce(m.full_members, 0) >= " + committeeThreshold;
                    case HAS_GROUPS -> "g.branch_id is not null";
                }));
                columns.append(", b.owes_%1$d, b.held_%1$d".formatted(i));
                owed.add("case when b.owes_%1$d then 1 else 0 end".formatted(i));
                met.add("case when b.owes_%1$d and b.held_%1$d >= %2$d then 1 else 0 end".formatted(i, r.times()));
            }
            return sql.replace("/*held*/", held).replace("/*checks*/", checks).replace("/*columns*/", columns)
                    .replace("/*requirements*/", owed.isEmpty() ? "0" : "(" + String.join(" + ", owed) + ")")
                    .replace("/*met*/", met.isEmpty() ? "0" : "(" + String.join(" + ", met) + ")");
        }
    }

    private int secretaryLectures(ReportPeriod period) {
        return rules.secretaryLecture().minimum() * rules.secretaryLecture().per().unitsIn(period.months());
    }

    /** The cursor is the last branch's path, opaque to clients; only a path inside this subtree is one. */
    static String encode(String path) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, OrgUnit root) {
        if (cursor == null) {
            return "";
        }
        String path;
        try {
            path = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("REPORT_CURSOR_INVALID", cursor);
        }
        if (!path.startsWith(root.path()) || !path.endsWith("/")) {
            throw DomainException.badRequest("REPORT_CURSOR_INVALID", cursor);
        }
        return path;
    }

    /** One entry per branch, in the rows' order: the required types it owes, in name order, after the fixed columns. */
    private static List<BranchCompliance> assemble(List<Object[]> rows, Requirements requirements, int secretaryLectures) {
        List<BranchCompliance> branches = new ArrayList<>();
        for (Object[] r : rows) {
            BranchBuilder b = new BranchBuilder((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], Sql.count(r[4]),
                    (Boolean) r[5], Sql.count(r[6]), Sql.count(r[7]), Sql.count(r[8]), Sql.count(r[9]), Sql.count(r[10]));
            if (secretaryLectures > 0) {
                long held = Sql.count(r[11]);
                b.rules.add(new RuleCheck(ComplianceRule.SECRETARY_LECTURE, ComplianceRule.SECRETARY_LECTURE.label(),
                        secretaryLectures, held, held >= secretaryLectures));
            }
            for (int i = 0; i < requirements.types().size(); i++) {
                if ((Boolean) r[12 + 2 * i]) {
                    Required required = requirements.types().get(i);
                    long held = Sql.count(r[13 + 2 * i]);
                    b.requirements.add(new Requirement(required.type(), required.type().label(), required.times(), held,
                            held >= required.times()));
                }
            }
            branches.add(b.build());
        }
        return branches;
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, String> children(OrgUnit root) {
        Map<UUID, String> children = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("select id, name from org_unit where parent_id = ?1 order by name, id")
                .setParameter(1, root.id()).getResultList();
        rows.forEach(r -> children.put((UUID) r[0], (String) r[1]));
        return children;
    }

    private static String array(List<String> values) {
        return Sql.array(values);
    }

    private static final class BranchBuilder {
        final UUID id;
        final String name;
        final String path;
        final String orgType;
        final long fullMembers;
        final boolean hasGroups;
        final long expected;
        final long present;
        final long leave;
        final long belowHours;
        final long leadersBelowHours;
        final List<Requirement> requirements = new ArrayList<>();
        final List<RuleCheck> rules = new ArrayList<>();

        BranchBuilder(UUID id, String name, String path, String orgType, long fullMembers, boolean hasGroups,
                long expected, long present, long leave, long belowHours, long leadersBelowHours) {
            this.id = id;
            this.name = name;
            this.path = path;
            this.orgType = orgType;
            this.fullMembers = fullMembers;
            this.hasGroups = hasGroups;
            this.expected = expected;
            this.present = present;
            this.leave = leave;
            this.belowHours = belowHours;
            this.leadersBelowHours = leadersBelowHours;
        }

        BranchCompliance build() {
            List<ActivityType> behindOn = requirements.stream().filter(r -> !r.met()).map(Requirement::type).toList();
            List<ComplianceRule> behindOnRules = rules.stream().filter(r -> !r.met()).map(RuleCheck::code).toList();
            return new BranchCompliance(id, name, path, orgType, fullMembers, hasGroups, List.copyOf(requirements),
                    List.copyOf(rules), new AttendanceFigures(expected, present, leave, expected - present - leave,
                            ComplianceDtos.rate(present, expected)),
                    belowHours, leadersBelowHours, !behindOn.isEmpty() || !behindOnRules.isEmpty(), behindOn,
                    behindOnRules);
        }
    }
}
