package org.dangjian.activity.report;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.dangjian.activity.activity.ActivityType;
import org.dangjian.activity.common.Sql;
import org.dangjian.activity.config.ActivityRules;
import org.dangjian.activity.report.ComplianceDtos.AttendanceFigures;
import org.dangjian.activity.report.ComplianceDtos.BranchCompliance;
import org.dangjian.activity.report.ComplianceDtos.ChildSummary;
import org.dangjian.activity.report.ComplianceDtos.Report;
import org.dangjian.activity.report.ComplianceDtos.Requirement;
import org.dangjian.activity.report.ComplianceDtos.RuleCheck;
import org.dangjian.activity.report.ComplianceDtos.Summary;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.input.InvalidParameter;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.jdbc.PgArray;
import org.dangjian.platform.orgtree.OrgUnit;
import org.dangjian.platform.orgtree.Organizations;

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
 * response stays small), and one page of branches in tree-path order for the detail. What is required is
 * code ({@link RequirementPolicy}, {@link Cadence}, from the configuration): each requirement writes what the
 * statement counts of it, held in EACH month/quarter/year of the period, and which of those units fell short;
 * each branch's held activities (its groups' meetings included), attendance and members below their training
 * hours are aggregated set-wise from the figures kept per organization and year.
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

    /** The branch facts a requirement's applicability reads, as the per_branch step has them. */
    private static final RequirementPolicy.BranchFacts FACTS = new RequirementPolicy.BranchFacts("m.full_members",
            "g.branch_id is not null", "s.sector");

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ComplianceReportService.class);

    @Inject
    EntityManager em;

    @Inject
    ActivityRules rules;

    @Inject
    Organizations organizations;

    /** The configured requirements, read once: a configuration naming an unknown type or sector fails the start. */
    private List<RequirementPolicy> policies;

    @PostConstruct
    void configured() {
        policies = RequirementPolicy.configured(rules);
    }

    /** The summary and 分级汇总 of the whole subtree, and the page of {@code size} branches after the cursor. */
    @Transactional
    public Report report(UUID orgId, ReportPeriod period, ListQuery query) {
        query.sort("path");
        int size = query.size();
        reportTransaction();
        OrgUnit root = root(orgId);
        String afterPath = decode(query, root);
        Checks checks = checks(period);
        long started = System.nanoTime();
        Totals totals = summary(root, checks);
        long summarized = System.nanoTime();
        Page page = branches(root, checks, afterPath, size);
        long queried = System.nanoTime();
        // the statements' share apart: what the benchmark (bench B2) sets against the SQL alone
        LOG.infof("compliance report of %s for %s: %d branches in %d ms (statement %d ms) summary %d ms, page of %d %d ms", orgId,
                period.label(), totals.summary().branches(), (System.nanoTime() - started) / 1_000_000,
                (queried - started) / 1_000_000, (summarized - started) / 1_000_000, page.branches().size(),
                (queried - summarized) / 1_000_000);
        return new Report(root.id(), period.label(), period.start(), period.lastDay(), totals.summary(), totals.byChild(),
                ListPage.of(page.fetched(), query, b -> Cursor.at(b.path())));
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
        Checks checks = checks(period);
        ComplianceWorkbook workbook = new ComplianceWorkbook();
        try {
            Totals totals = summary(root, checks);
            workbook.summary(period, totals.summary());
            Page page = new Page(List.of(), "", List.of());
            do {
                page = branches(root, checks, page.next(), EXPORT_CHUNK);
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
    private record Page(List<BranchCompliance> branches, String next, List<BranchCompliance> fetched) {
    }

    /**
     * What a period requires of a branch: the requirements owed in it (in type order; which of them a branch owes
     * is its sector's and condition's business) and the secretary's lectures (null when not owed in it).
     */
    record Checks(ReportPeriod period, List<RequirementPolicy> requirements, Cadence lectures, int committeeThreshold) {

        boolean readsSector() {
            return requirements.stream().anyMatch(RequirementPolicy::readsSector);
        }

        /** Per branch (step per_branch): the figures, then each requirement's owes_i, held_i and missed_i, then the lectures'. */
        String figures(String branches) {
            StringBuilder held = new StringBuilder();
            StringBuilder checked = new StringBuilder();
            for (int i = 0; i < requirements.size(); i++) {
                RequirementPolicy policy = requirements.get(i);
                List<String> perUnit = new ArrayList<>();
                List<ReportPeriod> units = policy.cadence().unitsIn(period);
                for (int u = 0; u < units.size(); u++) {
                    ReportPeriod unit = units.get(u);
                    held.append(",\n         sum(%s) as h%d_%d".formatted(policy.heldIn(unit, "t." + policy.heldColumn()), i, u));
                    perUnit.add("%s + coalesce(k.h%d_%d, 0)".formatted(policy.heldIn(unit, "o." + policy.heldColumn()), i, u));
                }
                checked.append(",\n         %s as owes_%d, %s as held_%d, %s as missed_%d".formatted(policy.owedBy(FACTS,
                        committeeThreshold), i, total(perUnit), i, policy.cadence().missedMask(perUnit), i));
            }
            StringBuilder lectureCounts = new StringBuilder();
            if (lectures != null) {
                List<String> perUnit = new ArrayList<>();
                List<ReportPeriod> units = lectures.unitsIn(period);
                for (int u = 0; u < units.size(); u++) {
                    ReportPeriod unit = units.get(u);
                    lectureCounts.append(",\n         count(*) filter (where a.held_on >= date '%s' and a.held_on < date '%s') as l_%d"
                            .formatted(unit.start(), unit.end(), u));
                    perUnit.add("l.l_%d".formatted(u));
                }
                checked.append(",\n         %s as lectures_held, %s as lectures_missed".formatted(total(perUnit),
                        lectures.missedMask(perUnit)));
            }
            return """
                    with branch as (
                      %s
                    ),
                    unit as (
                      -- a Party group's meetings count for the branch it belongs to
                      select b.id, b.id as branch_id from branch b
                      union all
                      select g.id, g.parent_id from org_unit g join branch b on b.id = g.parent_id where g.type = 'GROUP'
                    ),
                    group_unit as (
                      select g.id, g.parent_id as branch_id from org_unit g join branch b on b.id = g.parent_id where g.type = 'GROUP'
                    ),
                    grp as (
                      select distinct g.parent_id as branch_id from org_unit g join branch b on b.id = g.parent_id
                      where g.type = 'GROUP' and g.status = 'ACTIVE'
                    ),
                    kept as (
                      -- per branch, its Party groups' figures, from the figures kept per organization and year (V15, V16) as
                      -- activities change: one row per organization, not per activity. A span of months is the difference of
                      -- two year-to-date elements (element 0 is null: none before January); each requirement's units
                      -- (h<i>_<unit>) alike. The branch's own row is added in per_branch: aggregating only the groups' rows
                      -- (a quarter of the branches have any) keeps the per-unit sums of a year report cheap (bench B2).
                      select u.branch_id, sum(t.expected[:lastMonth] - coalesce(t.expected[:firstMonth - 1], 0)) as expected,
                             sum(t.present[:lastMonth] - coalesce(t.present[:firstMonth - 1], 0)) as present,
                             sum(t.on_leave[:lastMonth] - coalesce(t.on_leave[:firstMonth - 1], 0)) as on_leave%s
                      from activity_figures_ytd t join group_unit u on u.id = t.org_id
                      where t.year = :year
                      group by u.branch_id
                    ),%s
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
                             g.branch_id is not null as has_groups,
                             coalesce(o.expected[:lastMonth] - coalesce(o.expected[:firstMonth - 1], 0), 0) + coalesce(k.expected, 0) as expected,
                             coalesce(o.present[:lastMonth] - coalesce(o.present[:firstMonth - 1], 0), 0) + coalesce(k.present, 0) as present,
                             coalesce(o.on_leave[:lastMonth] - coalesce(o.on_leave[:firstMonth - 1], 0), 0) + coalesce(k.on_leave, 0) as on_leave,
                             coalesce(m.below, 0) as below, coalesce(m.leaders_below, 0) as leaders_below%s
                      from branch b
                      left join activity_figures_ytd o on o.org_id = b.id and o.year = :year
                      left join members m on m.branch_id = b.id
                      left join grp g on g.branch_id = b.id
                      left join kept k on k.branch_id = b.id%s%s
                    )
                    """.formatted(branches, held, lectures == null ? "" : """

                    lectures as (
                      -- 书记讲党课: lectures hosted by whoever held the branch's secretary seat on the day, from the
                      -- lectures themselves (a seat's end date may arrive later, and a group may move to another branch)
                      select u.branch_id%s
                      from activity a join unit u on u.id = a.org_id
                      where a.status = 'HELD' and a.type = 'PARTY_LECTURE' and a.host_member_id is not null
                        and a.held_on >= :start and a.held_on < :end
                        and exists (select 1 from leadership_seat s
                                    where s.org_id = u.branch_id and s.member_id = a.host_member_id and s.seat = 'SECRETARY'
                                      and s.started_on <= a.held_on and (s.ended_on is null or s.ended_on > a.held_on))
                      group by u.branch_id
                    ),""".formatted(lectureCounts), checked,
                    lectures == null ? "" : "\n  left join lectures l on l.branch_id = b.id",
                    readsSector() ? "\n  left join org_sector s on s.org_id = b.id" : "");
        }

        /** The whole subtree added up, per direct child of the report's organization and in all (grouping sets). */
        String summary() {
            List<String> owed = new ArrayList<>();
            List<String> met = new ArrayList<>();
            for (int i = 0; i < requirements.size(); i++) {
                owed.add("case when b.owes_%d then 1 else 0 end".formatted(i));
                met.add("case when b.owes_%1$d and b.missed_%1$d = 0 then 1 else 0 end".formatted(i));
            }
            if (lectures != null) {
                owed.add("1");
                met.add("case when b.lectures_missed = 0 then 1 else 0 end");
            }
            return "/* compliance report: summary */\n" + figures(ALL_BRANCHES) + """
                    , checked as (
                      select nullif(split_part(substr(b.path, :rootLength + 1), '/', 1), '') as child,
                             %s as requirements, %s as met, b.expected, b.present, b.on_leave, b.below, b.leaders_below
                      from per_branch b
                    )
                    select grouping(child) = 1 as total, child, count(*) as branches, count(*) filter (where met < requirements) as behind,
                           sum(requirements) as requirements, sum(met) as met, sum(expected) as expected, sum(present) as present,
                           sum(on_leave) as on_leave, sum(below) as below, sum(leaders_below) as leaders_below
                    from checked group by grouping sets ((child), ())""".formatted(total(owed), total(met));
        }

        /** One page of branches, one row each: their figures and each requirement's owes_i, held_i and missed_i. */
        String page() {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < requirements.size(); i++) {
                columns.append(", b.owes_%1$d, b.held_%1$d, b.missed_%1$d".formatted(i));
            }
            if (lectures != null) {
                columns.append(", b.lectures_held, b.lectures_missed");
            }
            return "/* compliance report: branches */\n" + figures(PAGE_BRANCHES) + """
                    select b.id, b.name, b.path, b.org_type, b.full_members, b.has_groups, b.expected, b.present, b.on_leave,
                           b.below, b.leaders_below%s
                    from per_branch b
                    order by b.path using ~<~""".formatted(columns);
        }

        /** SQL: the sum of the terms (each may be null: none), 0 for none. */
        private static String total(List<String> terms) {
            return terms.isEmpty() ? "0" : "(" + String.join(" + ", terms.stream().map(t -> "coalesce(" + t + ", 0)").toList()) + ")";
        }
    }

    /** The requirements and the lecture rule owed in the period. */
    Checks checks(ReportPeriod period) {
        Cadence lectures = new Cadence(rules.secretaryLecture().minimum(), rules.secretaryLecture().per());
        return new Checks(period, policies.stream().filter(p -> p.cadence().owedIn(period)).toList(),
                lectures.owedIn(period) ? lectures : null, rules.committeeThreshold());
    }

    /** One line of the summary statement: the branches under one direct child of the report's organization, or all. */
    private record SummaryRow(boolean total, UUID child, int branches, int behind, int requirements, int met,
            AttendanceFigures attendance, long below, long leadersBelow) {

        static SummaryRow of(Tuple t) {
            String child = t.get("child", String.class);
            return new SummaryRow(t.get("total", Boolean.class), child == null ? null : UUID.fromString(child),
                    (int) count(t, "branches"), (int) count(t, "behind"), (int) count(t, "requirements"), (int) count(t, "met"),
                    attendanceOf(t), count(t, "below"), count(t, "leaders_below"));
        }
    }

    /** One line of the page statement: a branch's figures and, per requirement of the period, what it owes and held. */
    private record BranchRow(UUID id, String name, String path, String orgType, long fullMembers, boolean hasGroups,
            AttendanceFigures attendance, long below, long leadersBelow, List<Checked> requirements, Checked lectures) {

        static BranchRow of(Tuple t, Checks checks) {
            List<Checked> requirements = new ArrayList<>();
            for (int i = 0; i < checks.requirements().size(); i++) {
                requirements.add(new Checked(t.get("owes_" + i, Boolean.class), count(t, "held_" + i), (int) count(t, "missed_" + i)));
            }
            Checked lectures = checks.lectures() == null ? null
                    : new Checked(true, count(t, "lectures_held"), (int) count(t, "lectures_missed"));
            return new BranchRow(t.get("id", UUID.class), t.get("name", String.class), t.get("path", String.class),
                    t.get("org_type", String.class), count(t, "full_members"), t.get("has_groups", Boolean.class), attendanceOf(t),
                    count(t, "below"), count(t, "leaders_below"), requirements, lectures);
        }
    }

    /** A requirement at one branch: whether it owes it, how many it held in the period, the units that fell short (bits). */
    private record Checked(boolean owes, long held, int missedMask) {
    }

    private static AttendanceFigures attendanceOf(Tuple t) {
        long expected = count(t, "expected");
        long present = count(t, "present");
        long leave = count(t, "on_leave");
        return new AttendanceFigures(expected, present, leave, expected - present - leave, ComplianceDtos.rate(present, expected));
    }

    private static long count(Tuple t, String column) {
        return Sql.count(t.get(column));
    }

    private Totals summary(OrgUnit root, Checks checks) {
        @SuppressWarnings("unchecked")
        List<SummaryRow> rows = ((List<Tuple>) figures(checks.summary(), checks, root)
                .setParameter("rootLength", root.path().length())
                .getResultList()).stream().map(SummaryRow::of).toList();
        Map<UUID, SummaryRow> perChild = new LinkedHashMap<>();
        Summary summary = null;
        for (SummaryRow r : rows) {
            if (r.total()) {
                summary = new Summary(r.branches(), r.behind(), r.requirements(), r.met(), r.attendance(), r.below(), r.leadersBelow());
            } else if (r.child() != null) {
                perChild.put(r.child(), r);
            }
        }
        List<ChildSummary> byChild = new ArrayList<>();
        children(root).forEach((id, name) -> {
            SummaryRow r = perChild.get(id);
            byChild.add(r == null ? new ChildSummary(id, name, 0, 0, null, 0)
                    : new ChildSummary(id, name, r.branches(), r.behind(), r.attendance().rate(), r.below()));
        });
        return new Totals(summary, byChild);
    }

    /** The {@code size} branches after {@code afterPath} in tree order, and the last one's path if more follow. */
    private Page branches(OrgUnit root, Checks checks, String afterPath, int size) {
        @SuppressWarnings("unchecked")
        List<BranchCompliance> branches = ((List<Tuple>) figures(checks.page(), checks, root)
                .setParameter("after", afterPath)
                .setParameter("limit", size + 1)
                .getResultList()).stream().map(t -> compliance(BranchRow.of(t, checks), checks)).toList();
        if (branches.size() <= size) {
            return new Page(branches, null, branches);
        }
        List<BranchCompliance> page = branches.subList(0, size);
        return new Page(page, page.get(size - 1).path(), branches);
    }

    /** A statement of {@link Checks} with the parameters bound. */
    private Query figures(String sql, Checks checks, OrgUnit root) {
        ReportPeriod period = checks.period();
        Query query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("branchTypes", PgArray.literal(rules.branchTypes()))
                .setParameter("prefix", root.path().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .setParameter("year", period.lastDay().getYear())
                .setParameter("firstMonth", period.firstMonth())
                .setParameter("lastMonth", period.lastMonth())
                .setParameter("trainingHours", java.math.BigDecimal.valueOf(rules.hours().memberTraining()))
                .setParameter("leaderTrainingHours", java.math.BigDecimal.valueOf(rules.hours().leaderTraining()));
        if (checks.lectures() != null) {
            query.setParameter("start", period.start()).setParameter("end", period.end());
        }
        return query;
    }

    /** The cursor holds the last branch's path; only a path inside this subtree is one. */
    private static String decode(ListQuery query, OrgUnit root) {
        String path = query.after().map(c -> c.string(0)).orElse("");
        if (!path.isEmpty() && (!path.startsWith(root.path()) || !path.endsWith("/"))) {
            throw new InvalidParameter("cursor", "INVALID_VALUE", null);
        }
        return path;
    }

    /** A branch's entry: the requirements it owes, in type order, each met when no unit of the period fell short. */
    private static BranchCompliance compliance(BranchRow row, Checks checks) {
        ReportPeriod period = checks.period();
        List<Requirement> requirements = new ArrayList<>();
        for (int i = 0; i < checks.requirements().size(); i++) {
            Checked checked = row.requirements().get(i);
            if (checked.owes()) {
                RequirementPolicy policy = checks.requirements().get(i);
                Cadence cadence = policy.cadence();
                List<String> missed = cadence.missedPeriods(checked.missedMask(), period);
                requirements.add(new Requirement(policy.type(), policy.type().label(), cadence.requiredIn(period), checked.held(),
                        missed.isEmpty(), cadence.minimum(), cadence.per(), missed));
            }
        }
        List<RuleCheck> rules = new ArrayList<>();
        if (row.lectures() != null) {
            Cadence cadence = checks.lectures();
            List<String> missed = cadence.missedPeriods(row.lectures().missedMask(), period);
            rules.add(new RuleCheck(ComplianceRule.SECRETARY_LECTURE, ComplianceRule.SECRETARY_LECTURE.label(),
                    cadence.requiredIn(period), row.lectures().held(), missed.isEmpty(), cadence.minimum(), cadence.per(), missed));
        }
        List<ActivityType> behindOn = requirements.stream().filter(r -> !r.met()).map(Requirement::type).toList();
        List<ComplianceRule> behindOnRules = rules.stream().filter(r -> !r.met()).map(RuleCheck::code).toList();
        return new BranchCompliance(row.id(), row.name(), row.path(), row.orgType(), row.fullMembers(), row.hasGroups(),
                List.copyOf(requirements), List.copyOf(rules), row.attendance(), row.below(), row.leadersBelow(),
                !behindOn.isEmpty() || !behindOnRules.isEmpty(), behindOn, behindOnRules);
    }

    private Map<UUID, String> children(OrgUnit root) {
        Map<UUID, String> children = new LinkedHashMap<>();
        em.createQuery("select u.id, u.name from OrgUnit u where u.parentId = :parent order by u.name, u.id", Tuple.class)
                .setParameter("parent", root.id()).getResultList()
                .forEach(t -> children.put(t.get(0, UUID.class), t.get(1, String.class)));
        return children;
    }
}
