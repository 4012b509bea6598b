package org.dangjian.bench;

import org.dangjian.platform.api.jdbc.PgCopy;
import org.dangjian.local.DangjianService;
import org.dangjian.platform.api.pii.NationalIdNumber;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.api.pii.PiiConfig;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo data model at a scale factor, the same for a given seed. At scale 1: a city committee
 * over 500 committees × 10 general branches × 15 branches (75,000 branches), a Party group in every
 * fourth branch (99,251 organizations in all), 20 members a branch (1.5 million member records),
 * every branch's organizational life of 2025 (about 35 held activities a branch, with attendance)
 * and 100,000 assistance cases. Rows are computed from (seed, index), so every service's copy of a
 * member agrees without keeping them in memory, and are COPYed straight into each service's schema
 * after Flyway migrated it. National ID, phone and case descriptions are sealed with the local
 * stack's keys through {@link PersonalDataProtection}, exactly as the services store them.
 */
final class ScaleData {

    static final int GENERAL_BRANCHES_PER_COMMITTEE = 10;
    static final int BRANCHES_PER_GENERAL_BRANCH = 15;
    static final int MEMBERS_PER_BRANCH = 20;
    static final int GROUP_EVERY_NTH_BRANCH = 4;
    static final int YEAR = 2025;

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕玉兰红梅文斌晓东"
            + "春花国庆丽华建华永强德明淑珍秀云凤英志明小红俊杰子涵浩然欣怡宇轩梓涵思远雨桐").split("");
    private static final String[] REGIONS = {"350203", "350205", "350206", "350211", "350212", "350213", "110101", "110105",
            "310101", "310115", "320102", "330102", "340102", "360102", "370102", "410102", "420102", "430102", "440103",
            "440304", "450102", "500103", "510104", "520102", "530102", "610102", "620102", "630102", "640104", "650102"};
    private static final String[] EDUCATION = {"SENIOR_SECONDARY", "JUNIOR_COLLEGE", "BACHELOR", "BACHELOR", "MASTER"};
    private static final String[] CATEGORY = {"EMPLOYED", "EMPLOYED", "EMPLOYED", "RETIRED", "FARMER", "STUDENT", "UNEMPLOYED"};
    private static final String[] HARDSHIP = {"LIVING_HARDSHIP", "ILLNESS", "DISASTER", "DISABILITY", "UNEMPLOYMENT",
            "ELDERLY_ALONE", "SCHOOLING"};
    private static final long EPOCH_2025 = 1735660800000L; // 2025-01-01T00:00+08:00
    private static final BigDecimal TRAINING_HOURS = new BigDecimal("4.00");

    final double scale;
    final long seed;
    final int committees;
    final List<Org> orgs = new ArrayList<>();
    /** Org indexes of the branches, in order: member i belongs to branch i / MEMBERS_PER_BRANCH. */
    final List<Integer> branches = new ArrayList<>();
    final int members;
    final int cases;
    final PersonalDataProtection pii;

    record Org(int index, UUID id, Integer parent, String path, String code, String name, String type, String sector) {
    }

    /** One member record as the generator defines it. */
    record Member(int index, UUID id, String number, String name, String gender, LocalDate birthDate, String nationalId,
            String phone, String education, String category, String workUnit, UUID orgId, String stage, LocalDate appliedOn,
            LocalDate activistOn, LocalDate candidateOn, LocalDate admittedOn, LocalDate fullOn) {
    }

    ScaleData(double scale, long seed, Map<String, String> serviceConfig) {
        this.scale = scale;
        this.seed = seed;
        this.committees = Math.max(1, (int) Math.round(500 * scale));
        this.pii = protection(serviceConfig);
        SplittableRandom random = new SplittableRandom(seed);
        Org root = add(random, null, "BENCH-CITY", "基准市委", "COMMITTEE", null);
        String[] sectors = {"GOVERNMENT_ORGAN", "STATE_ENTERPRISE", "COMMUNITY", "VILLAGE", "SCHOOL", "NON_PUBLIC_ENTERPRISE"};
        for (int c = 1; c <= committees; c++) {
            Org committee = add(random, root.index(), "BC" + c, "基准第" + c + "党委", "COMMITTEE", sectors[c % sectors.length]);
            for (int g = 1; g <= GENERAL_BRANCHES_PER_COMMITTEE; g++) {
                Org general = add(random, committee.index(), "BC" + c + "-G" + g, committee.name() + "第" + g + "党总支",
                        "GENERAL_BRANCH", committee.sector());
                for (int b = 1; b <= BRANCHES_PER_GENERAL_BRANCH; b++) {
                    Org branch = add(random, general.index(), general.code() + "-B" + b, general.name() + "第" + b + "支部",
                            "BRANCH", committee.sector());
                    branches.add(branch.index());
                    if (branches.size() % GROUP_EVERY_NTH_BRANCH == 0) {
                        add(random, branch.index(), branch.code() + "-P1", branch.name() + "第一党小组", "GROUP", committee.sector());
                    }
                }
            }
        }
        this.members = branches.size() * MEMBERS_PER_BRANCH;
        this.cases = Math.min(members, Math.max(1, (int) Math.round(100_000 * scale)));
    }

    private Org add(SplittableRandom random, Integer parent, String code, String name, String type, String sector) {
        int index = orgs.size();
        UUID id = uuid7(EPOCH_2025 - 86_400_000L + index, random);
        String path = (parent == null ? "/" : orgs.get(parent).path()) + id + "/";
        Org org = new Org(index, id, parent, path, code, name, type, sector);
        orgs.add(org);
        return org;
    }

    Org root() {
        return orgs.get(0);
    }

    Org branchOf(int member) {
        return orgs.get(branches.get(member / MEMBERS_PER_BRANCH));
    }

    /** Member {@code i} (0 ≤ i; indexes at or past {@link #members} are fresh people for imports). */
    Member member(int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        UUID id = uuid7(EPOCH_2025 + i * 7L, r);
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]
                + (r.nextInt(3) == 0 ? "" : GIVEN[r.nextInt(GIVEN.length)]);
        // Unique by construction: region, birth day and sequence number are digits of i.
        int region = i % REGIONS.length;
        int rest = i / REGIONS.length;
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(rest % 18_000);
        int sequence = (rest / 18_000) % 1000;
        boolean male = sequence % 2 == 1; // the sequence's parity is the gender (GB 11643)
        String first17 = REGIONS[region] + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "%03d".formatted(sequence);
        String nationalId = first17 + NationalIdNumber.checkCharacter(first17);
        String phone = "1" + (3 + r.nextInt(7)) + "%09d".formatted(i % 1_000_000_000);
        boolean full = r.nextInt(10) != 0;
        LocalDate admitted = full ? LocalDate.of(1990, 1, 1).plusDays(r.nextInt(12_000)) : LocalDate.of(YEAR - 1, 3, 1).plusDays(r.nextInt(200));
        if (admitted.isBefore(birth.plusYears(21))) {
            admitted = birth.plusYears(21).plusDays(r.nextInt(300));
        }
        LocalDate applied = admitted.minusYears(2).minusDays(r.nextInt(60));
        return new Member(i, id, "M%010d".formatted(i + 1L), name, male ? "MALE" : "FEMALE", birth, nationalId, phone,
                EDUCATION[r.nextInt(EDUCATION.length)], CATEGORY[r.nextInt(CATEGORY.length)], "基准单位" + (i % 997),
                i < members ? branchOf(i).id() : branchOf(i % members).id(), full ? "FULL" : "PROBATIONARY", applied,
                applied.plusMonths(1), admitted.minusMonths(3), admitted, full ? admitted.plusYears(1) : null);
    }

    UUID memberId(int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        return uuid7(EPOCH_2025 + i * 7L, r);
    }

    static final String MEMBER_COLUMNS = "id, member_number, name, gender, ethnicity, birth_date, national_id, national_id_index, "
            + "phone, phone_index, education, category, work_unit, org_id, stage, applied_on, activist_on, candidate_on, "
            + "admitted_on, full_on, registered_on, version";

    /** A member with its personal data sealed as member-service seals it. */
    record SealedMember(Member member, String nationalId, String nationalIdIndex, String phone, String phoneIndex) {
    }

    SealedMember seal(Member m) {
        return new SealedMember(m, pii.encrypt(m.nationalId()), pii.blindIndex(m.nationalId()), pii.encrypt(m.phone()),
                pii.blindIndex(m.phone()));
    }

    /** The row of {@link #MEMBER_COLUMNS}. */
    static void memberRow(SealedMember s, PgCopy.Row r) {
        Member m = s.member();
        r.uuid(m.id()).text(m.number()).text(m.name()).text(m.gender()).text("01").date(m.birthDate()).text(s.nationalId())
                .text(s.nationalIdIndex()).text(s.phone()).text(s.phoneIndex()).text(m.education()).text(m.category())
                .text(m.workUnit()).uuid(m.orgId()).text(m.stage()).date(m.appliedOn()).date(m.activistOn()).date(m.candidateOn())
                .date(m.admittedOn()).date(m.fullOn()).date(LocalDate.of(YEAR, 1, 1)).integer(0);
    }

    private UUID parentId(Org o) {
        return o.parent() == null ? null : orgs.get(o.parent()).id();
    }

    // ---------------------------------------------------------------------------------------------- loading

    /** Copies the part of the model that {@code service} owns or copies into its (migrated) database. */
    Map<String, Long> load(DangjianService service, Connection c) throws SQLException {
        c.setAutoCommit(true);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        switch (service) {
            case ORGANIZATION -> {
                counts.put("organization", copyOrganizations(c));
                counts.put("member_count", copyMemberCounts(c));
                counts.put("member_roster", copyMemberRoster(c));
                exec(c, "select setval('organization_code_seq', " + (orgs.size() + 1000) + ")");
            }
            case MEMBER -> {
                counts.put("org_unit", copyOrgUnits(c));
                counts.put("member", copyMembers(c));
                exec(c, "select setval('member_number_seq', " + (members + 1) + ")");
            }
            case ACTIVITY -> {
                counts.put("org_unit", copyOrgUnits(c));
                counts.putAll(copyRosters(c));
                counts.putAll(copyActivities(c));
            }
            case ASSISTANCE -> {
                counts.put("org_unit", copyOrgUnits(c));
                counts.putAll(copyCases(c));
            }
        }
        exec(c, "vacuum analyze");
        return counts;
    }

    private long copyOrganizations(Connection c) throws SQLException {
        try (PgCopy copy = new PgCopy(c, "organization", "id, code, name, type, sector, parent_id, path, status, established_on, version")) {
            for (Org o : orgs) {
                copy.row(r -> r.uuid(o.id()).text(o.code()).text(o.name()).text(o.type()).text(o.sector()).uuid(parentId(o))
                        .text(o.path()).text("ACTIVE").date(LocalDate.of(2000, 7, 1)).integer(0));
            }
            return copy.rows();
        }
    }

    private long copyMemberCounts(Connection c) throws SQLException {
        try (PgCopy copy = new PgCopy(c, "member_count", "organization_id, full_members, members")) {
            for (int b : branches) {
                copy.row(r -> r.uuid(orgs.get(b).id()).integer(MEMBERS_PER_BRANCH * 9 / 10).integer(MEMBERS_PER_BRANCH));
            }
            return copy.rows();
        }
    }

    private long copyOrgUnits(Connection c) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PgCopy copy = new PgCopy(c, "org_unit", "id, parent_id, path, code, name, type, status, source_version, updated_at")) {
            for (Org o : orgs) {
                copy.row(r -> r.uuid(o.id()).uuid(parentId(o)).text(o.path()).text(o.code()).text(o.name()).text(o.type())
                        .text("ACTIVE").integer(0).timestamp(now));
            }
            return copy.rows();
        }
    }

    private long copyMembers(Connection c) throws SQLException {
        return withoutSecondaryIndexes(c, "member", () -> {
            try (PgCopy copy = new PgCopy(c, "member", MEMBER_COLUMNS)) {
                int chunk = 10_000;
                for (int from = 0; from < members; from += chunk) {
                    // sealing (AES-GCM, HMAC) is the generator's main cost: spread it over the cores
                    List<SealedMember> rows = java.util.stream.IntStream.range(from, Math.min(members, from + chunk)).parallel()
                            .mapToObj(i -> seal(member(i))).toList();
                    for (SealedMember row : rows) {
                        copy.row(r -> memberRow(row, r));
                    }
                }
                return copy.rows();
            }
        });
    }

    interface SqlWork {
        long run() throws SQLException;
    }

    /**
     * Runs a bulk COPY with the table's plain (non-constraint) indexes dropped, then recreates them
     * from their own definitions: building an index once is far cheaper than maintaining it per row.
     */
    static long withoutSecondaryIndexes(Connection c, String table, SqlWork work) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (java.sql.PreparedStatement q = c.prepareStatement("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename = ?
                  and not exists (select 1 from pg_constraint k where k.conname = i.indexname)""")) {
            q.setString(1, table);
            try (java.sql.ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    indexes.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        for (String[] index : indexes) {
            exec(c, "drop index " + index[0]);
        }
        long rows = work.run();
        for (String[] index : indexes) {
            exec(c, index[1]);
        }
        return rows;
    }

    private Map<String, Long> copyRosters(Connection c) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long rosters;
        long periods;
        try (PgCopy copy = new PgCopy(c, "roster_member", "member_id, name, org_id, stage, source_version, updated_at")) {
            for (int i = 0; i < members; i++) {
                Member m = member(i);
                copy.row(r -> r.uuid(m.id()).text(m.name()).uuid(m.orgId()).text(m.stage()).integer(0).timestamp(now));
            }
            rosters = copy.rows();
        }
        LocalDate since = LocalDate.of(YEAR - 1, 1, 1);
        try (PgCopy copy = new PgCopy(c, "membership_period", "member_id, org_id, stage, valid_from")) {
            for (int i = 0; i < members; i++) {
                Member m = member(i);
                copy.row(r -> r.uuid(m.id()).uuid(m.orgId()).text(m.stage()).date(since));
            }
            periods = copy.rows();
        }
        // The registration each roster row was built from, as activity-service keeps every member event: a later
        // event is replayed after it, so the member's earlier period stays as it was (without it, the first
        // transfer of a loaded member would rebuild their whole membership from that one event).
        long events;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (PgCopy copy = new PgCopy(c, "member_event", "event_id, member_id, version, type, payload, occurred_at")) {
            for (int i = 0; i < members; i++) {
                Member m = member(i);
                String payload = json.createObjectNode().put("memberId", m.id().toString()).put("version", 0)
                        .put("orgId", m.orgId().toString()).put("stage", m.stage()).put("name", m.name())
                        .put("registeredOn", since.toString()).toString();
                UUID eventId = UUID.nameUUIDFromBytes(("registered " + m.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                copy.row(r -> r.uuid(eventId).uuid(m.id()).integer(0).text("member.registered").text(payload).timestamp(now));
            }
            events = copy.rows();
        }
        return Map.of("roster_member", rosters, "membership_period", periods, "member_event", events);
    }

    /** One held activity of the year: who held it, what, when, and how many attend. */
    private record Held(UUID id, UUID orgId, String type, LocalDate day, int firstMember, int attendees, boolean training) {
    }

    /**
     * Each branch's 2025: a themed party day and a committee meeting a month (every seventh branch
     * misses two committee meetings), a general meeting and a party lecture a quarter (every tenth
     * branch skips lectures), an organizational life meeting, two trainings of 4 hours; a group's
     * monthly meeting with half the branch.
     */
    private List<Held> heldBy(int branchNumber, SplittableRandom r) {
        Org branch = orgs.get(branches.get(branchNumber));
        int first = branchNumber * MEMBERS_PER_BRANCH;
        List<Held> held = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            held.add(new Held(uuid7(day(m, 5), r), branch.id(), "THEMED_PARTY_DAY", LocalDate.of(YEAR, m, 5), first, MEMBERS_PER_BRANCH, false));
            if (!(branchNumber % 7 == 0 && (m == 2 || m == 5))) {
                held.add(new Held(uuid7(day(m, 15), r), branch.id(), "BRANCH_COMMITTEE_MEETING", LocalDate.of(YEAR, m, 15), first, 5, false));
            }
        }
        for (int q = 1; q <= 4; q++) {
            held.add(new Held(uuid7(day(q * 3, 10), r), branch.id(), "BRANCH_GENERAL_MEETING", LocalDate.of(YEAR, q * 3, 10), first, MEMBERS_PER_BRANCH, false));
            if (branchNumber % 10 != 0) {
                held.add(new Held(uuid7(day(q * 3, 20), r), branch.id(), "PARTY_LECTURE", LocalDate.of(YEAR, q * 3, 20), first, MEMBERS_PER_BRANCH, false));
            }
        }
        held.add(new Held(uuid7(day(12, 18), r), branch.id(), "ORGANIZATIONAL_LIFE_MEETING", LocalDate.of(YEAR, 12, 18), first, MEMBERS_PER_BRANCH, false));
        held.add(new Held(uuid7(day(4, 22), r), branch.id(), "TRAINING", LocalDate.of(YEAR, 4, 22), first, MEMBERS_PER_BRANCH, true));
        held.add(new Held(uuid7(day(9, 22), r), branch.id(), "TRAINING", LocalDate.of(YEAR, 9, 22), first, MEMBERS_PER_BRANCH, true));
        if ((branchNumber + 1) % GROUP_EVERY_NTH_BRANCH == 0) {
            Org group = orgs.get(branches.get(branchNumber) + 1);
            for (int m = 1; m <= 12; m++) {
                held.add(new Held(uuid7(day(m, 25), r), group.id(), "GROUP_MEETING", LocalDate.of(YEAR, m, 25), first, MEMBERS_PER_BRANCH / 2, false));
            }
        }
        return held;
    }

    private static long day(int month, int dayOfMonth) {
        return LocalDate.of(YEAR, month, dayOfMonth).atTime(9, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
    }

    /** PRESENT 90 %, LEAVE 5 %, ABSENT 5 %, the same on both passes. */
    private String attendance(UUID activity, int member) {
        int h = Math.floorMod((int) (activity.getLeastSignificantBits() * 31 + member * 0x9E3779B9L + seed), 100);
        return h < 90 ? "PRESENT" : h < 95 ? "LEAVE" : "ABSENT";
    }

    private Map<String, Long> copyActivities(Connection c) throws SQLException {
        long activities;
        long lines;
        OffsetDateTime recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try (PgCopy copy = new PgCopy(c, "activity", "id, org_id, type, topic, planned_start, place, host, recorder, status, planned_at, "
                + "planned_by, actual_start, actual_end, held_on, minutes, revision, recorded_at, recorded_by, version, "
                + "expected_count, present_count, leave_count")) {
            for (int b = 0; b < branches.size(); b++) {
                for (Held h : heldBy(b, new SplittableRandom(seed + 31L * b))) {
                    int present = 0;
                    int leave = 0;
                    for (int k = 0; k < h.attendees(); k++) {
                        String s = attendance(h.id(), h.firstMember() + k);
                        present += s.equals("PRESENT") ? 1 : 0;
                        leave += s.equals("LEAVE") ? 1 : 0;
                    }
                    OffsetDateTime start = h.day().atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
                    int presentCount = present;
                    int leaveCount = leave;
                    copy.row(r -> r.uuid(h.id()).uuid(h.orgId()).text(h.type()).text("基准" + h.type()).timestamp(start).text("党员活动室")
                            .text("书记").text("组织委员").text("HELD").timestamp(recordedAt).text("bench").timestamp(start)
                            .timestamp(start.plusHours(2)).date(h.day()).text("会议记录").integer(1).timestamp(recordedAt).text("bench")
                            .integer(1).integer(h.attendees()).integer(presentCount).integer(leaveCount));
                }
            }
            activities = copy.rows();
        }
        lines = withoutSecondaryIndexes(c, "activity_attendance", () -> copyAttendance(c));
        return Map.of("activity", activities, "activity_attendance", lines, "member_training_hours", trainingHours(c),
                "member_training_ytd", trainingYearToDate(c), "compliance_rollup", complianceRollup(c));
    }

    /**
     * The compliance report's kept figures (held activities, attendance, members per branch and year) from
     * everything loaded, by activity-service's own backfill (V15's function, V16's version), with its default rules.
     */
    private static long complianceRollup(Connection c) throws SQLException {
        exec(c, """
                select compliance_rollup_fill(array['PROBATIONARY', 'FULL'],
                  array['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE', 'OTHER'], 32, 56)""");
        try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("select count(*) from branch_member_figures")) {
            r.next();
            return r.getLong(1);
        }
    }

    private long copyAttendance(Connection c) throws SQLException {
        try (PgCopy copy = new PgCopy(c, "activity_attendance", "activity_id, member_id, status, leave_reason, hours")) {
            for (int b = 0; b < branches.size(); b++) {
                UUID[] ids = new UUID[MEMBERS_PER_BRANCH];
                for (int k = 0; k < MEMBERS_PER_BRANCH; k++) {
                    ids[k] = memberId(b * MEMBERS_PER_BRANCH + k);
                }
                for (Held h : heldBy(b, new SplittableRandom(seed + 31L * b))) {
                    for (int k = 0; k < h.attendees(); k++) {
                        String s = attendance(h.id(), h.firstMember() + k);
                        UUID member = ids[k];
                        copy.row(r -> r.uuid(h.id()).uuid(member).text(s).text(s.equals("LEAVE") ? "出差" : null)
                                .decimal(h.training() && s.equals("PRESENT") ? TRAINING_HOURS : null));
                    }
                }
            }
            return copy.rows();
        }
    }

    /**
     * activity-service keeps training hours per member and month as it records training; the copied
     * attendance gets them the way its V12 migration backfills them.
     */
    private static long trainingHours(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("""
                    insert into member_training_hours (member_id, held_month, hours)
                    select t.member_id, cast(date_trunc('month', a.held_on) as date), sum(t.hours)
                    from activity a join activity_attendance t on t.activity_id = a.id
                    where a.type = 'TRAINING' and a.status = 'HELD' and t.hours is not null
                    group by t.member_id, cast(date_trunc('month', a.held_on) as date)""");
        }
    }

    /** The year-to-date totals from the monthly ones, the way activity-service's V14 migration backfills them. */
    private static long trainingYearToDate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("""
                    insert into member_training_ytd (member_id, year, hours)
                    select y.member_id, y.year,
                           array(select coalesce(sum(x.hours) filter (where x.month <= m), 0)
                                 from unnest(y.months, y.totals) as x(month, hours) cross join generate_series(1, 12) as m
                                 group by m order by m)
                    from (select member_id, cast(extract(year from held_month) as int) as year,
                                 array_agg(cast(extract(month from held_month) as int)) as months, array_agg(hours) as totals
                          from member_training_hours group by 1, 2) y""");
        }
    }

    private long copyMemberRoster(Connection c) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PgCopy copy = new PgCopy(c, "member_roster", "member_id, organization_id, stage, ended, source_version, updated_at")) {
            for (int i = 0; i < members; i++) {
                Member m = member(i);
                copy.row(r -> r.uuid(m.id()).uuid(m.orgId()).text(m.stage()).bool(false).integer(0).timestamp(now));
            }
            return copy.rows();
        }
    }

    private Map<String, Long> copyCases(Connection c) throws SQLException {
        int stride = members / cases;
        UUID[] beneficiaries = new UUID[cases];
        SplittableRandom r = new SplittableRandom(seed + 7);
        try (PgCopy copy = new PgCopy(c, "beneficiary", "id, org_id, kind, member_id, household_size, status, registered_on, "
                + "registered_by, member_source_version, version")) {
            for (int k = 0; k < cases; k++) {
                Member m = member(k * stride);
                UUID beneficiary = uuid7(EPOCH_2025 + k * 300_000L, r);
                beneficiaries[k] = beneficiary;
                int household = 1 + r.nextInt(6);
                LocalDate registered = LocalDate.of(YEAR, 1, 1).plusDays(k % 300);
                copy.row(w -> w.uuid(beneficiary).uuid(m.orgId()).text("MEMBER").uuid(m.id()).integer(household).text("ACTIVE")
                        .date(registered).text("bench").integer(0).integer(0));
            }
        }
        try (PgCopy copy = new PgCopy(c, "beneficiary_category", "beneficiary_id, category")) {
            for (int k = 0; k < cases; k++) {
                UUID beneficiary = beneficiaries[k];
                String category = HARDSHIP[k % HARDSHIP.length];
                copy.row(w -> w.uuid(beneficiary).text(category));
            }
        }
        String[] statuses = {"APPLIED", "VERIFIED", "BRANCH_REVIEWED"};
        try (PgCopy copy = new PgCopy(c, "assistance_case", "id, beneficiary_id, org_id, category, status, requested_amount, "
                + "description_enc, applied_on, applied_by, on_behalf, last_step_on, version")) {
            for (int k = 0; k < cases; k++) {
                Member m = member(k * stride);
                LocalDate applied = LocalDate.of(YEAR, 1, 1).plusDays(k % 360);
                UUID id = uuid7(EPOCH_2025 + k * 300_000L + 1, r);
                UUID beneficiary = beneficiaries[k];
                String category = HARDSHIP[k % HARDSHIP.length];
                String status = statuses[k % statuses.length];
                BigDecimal amount = BigDecimal.valueOf(1000 + (k % 50) * 100L).setScale(2);
                String description = pii.encrypt("家庭困难，申请帮扶 " + k);
                copy.row(w -> w.uuid(id).uuid(beneficiary).uuid(m.orgId()).text(category).text(status).decimal(amount)
                        .text(description).date(applied).text("bench").bool(false).date(applied).integer(0));
            }
        }
        return Map.of("beneficiary", (long) cases, "beneficiary_category", (long) cases, "assistance_case", (long) cases);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A UUIDv7 (as {@code Ids.next()} makes) with a given time and seeded random bits. */
    static UUID uuid7(long millis, SplittableRandom random) {
        long msb = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** member-service's own sealing, configured with the keys the local stack gives the services. */
    static PersonalDataProtection protection(Map<String, String> config) {
        String active = config.get("dangjian.pii.active-key");
        PiiConfig keys = new PiiConfig() {
            @Override
            public Map<String, String> keys() {
                return Map.of(active, config.get("dangjian.pii.keys." + active));
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.of(active);
            }

            @Override
            public Optional<String> blindIndexKey() {
                return Optional.of(config.get("dangjian.pii.blind-index-key"));
            }

            @Override
            public Optional<java.util.List<String>> encryptedColumns() {
                return Optional.empty();
            }
        };
        return new PersonalDataProtection(keys);
    }

    String shape() {
        return "scale %s (seed %d): %,d organizations (%,d committees, %,d branches), %,d members, %,d assistance cases, "
                .formatted(scale, seed, orgs.size(), committees + 1, branches.size(), members, cases)
                + "organizational life of " + YEAR;
    }
}
