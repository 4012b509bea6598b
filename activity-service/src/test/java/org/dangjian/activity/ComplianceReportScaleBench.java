package org.dangjian.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.UUID;

import static org.dangjian.activity.Fixtures.admin;
import static org.dangjian.activity.Fixtures.em;
import static org.hamcrest.Matchers.equalTo;

/**
 * Times the compliance report over 10,000 branches (the demo tree at ×100 scale): 100 committees of
 * 100 branches, 15 full members each, 24 held activities per branch in 2025 with full attendance
 * (240,000 activities, 3.6 million attendance lines), every tenth branch skipping its party lectures,
 * three leadership seats per branch with the secretary hosting the lectures.
 * A figure to print, not a test of correctness: run with {@code -Ddangjian.bench=true -Dtest=ComplianceReportScaleBench}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "dangjian.bench", matches = "true")
class ComplianceReportScaleBench {

    @Test
    void reportOverTenThousandBranches() {
        UUID root = UUID.randomUUID();
        long seedStart = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            exec("insert into org_unit values (?1, null, ?2, 'BENCH', '基准市委', 'COMMITTEE', 'ACTIVE', 0, now())", root, "/" + root + "/");
            exec("""
                    with c as (select gen_random_uuid() as id, g from generate_series(1, 100) g)
                    insert into org_unit select id, ?1, ?2 || id || '/', 'BC' || g, '党委' || g, 'COMMITTEE', 'ACTIVE', 0, now() from c""",
                    root, "/" + root + "/");
            exec("""
                    with b as (select gen_random_uuid() as id, c.id as cid, c.path as cpath, g
                               from org_unit c cross join generate_series(1, 100) g where c.parent_id = ?1)
                    insert into org_unit select id, cid, cpath || id || '/', 'BB' || id, '支部' || g, 'BRANCH', 'ACTIVE', 0, now() from b""",
                    root);
            exec("""
                    insert into membership_period (member_id, org_id, stage, valid_from)
                    select gen_random_uuid(), b.id, 'FULL', date '2024-01-01'
                    from org_unit b cross join generate_series(1, 15) where b.type = 'BRANCH' and b.path like ?1""",
                    "/" + root + "/%");
            // Per branch: a themed party day and a committee meeting a month minus what laggards skip,
            // a general meeting and a party lecture a quarter (every tenth branch skips lectures).
            exec("""
                    with b as (select id, row_number() over (order by id) as n from org_unit
                               where type = 'BRANCH' and path like ?1),
                    plan as (
                      select 'THEMED_PARTY_DAY' as type, make_date(2025, m, 5) as day from generate_series(1, 12) m
                      union all select 'BRANCH_GENERAL_MEETING', make_date(2025, q * 3, 10) from generate_series(1, 4) q
                      union all select 'PARTY_LECTURE', make_date(2025, q * 3, 20) from generate_series(1, 4) q
                      union all select 'BRANCH_COMMITTEE_MEETING', make_date(2025, m, 15) from generate_series(1, 4) m)
                    insert into activity (id, org_id, type, topic, planned_start, status, planned_at, planned_by,
                                          actual_start, held_on, revision, version)
                    select gen_random_uuid(), b.id, p.type, '基准活动', p.day::timestamptz, 'HELD', now(), 'bench',
                           p.day::timestamptz, p.day, 1, 1
                    from b cross join plan p where not (p.type = 'PARTY_LECTURE' and b.n % 10 = 0)""",
                    "/" + root + "/%");
            exec("""
                    insert into activity_attendance (activity_id, member_id, status)
                    select a.id, p.member_id, case when random() < 0.9 then 'PRESENT' else 'ABSENT' end
                    from activity a join org_unit u on u.id = a.org_id join membership_period p on p.org_id = a.org_id
                    where u.path like ?1""",
                    "/" + root + "/%");
            // A secretary and two committee members per branch (the leaders' 56 h apply to them), and the
            // secretary hosting the branch's party lectures (书记讲党课).
            exec("""
                    with ranked as (select p.org_id, p.member_id,
                                           row_number() over (partition by p.org_id order by p.member_id) as n
                                    from membership_period p join org_unit u on u.id = p.org_id where u.path like ?1)
                    insert into leadership_seat (seat_id, org_id, seat, member_id, member_name, started_on)
                    select gen_random_uuid(), org_id,
                           case n when 1 then 'SECRETARY' when 2 then 'ORGANIZATION' else 'PUBLICITY' end,
                           member_id, '班子成员', date '2024-01-01'
                    from ranked where n <= 3""",
                    "/" + root + "/%");
            exec("""
                    update activity a set host_member_id = s.member_id from leadership_seat s
                    where s.org_id = a.org_id and s.seat = 'SECRETARY' and a.type = 'PARTY_LECTURE' and a.planned_by = 'bench'""");
            exec("""
                    update activity a set expected_count = c.expected, present_count = c.present
                    from (select activity_id, count(*) as expected, count(*) filter (where status = 'PRESENT') as present
                          from activity_attendance group by activity_id) c
                    where c.activity_id = a.id and a.planned_by = 'bench'""");
            // written around the service: its kept figures counted again, as the migration does
            em().createNativeQuery("""
                    select cast(compliance_rollup_fill(array['PROBATIONARY', 'FULL'],
                      array['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE', 'OTHER'], 32, 56) as text)""")
                    .getSingleResult();
        });
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("analyze").executeUpdate());
        long seeded = System.nanoTime();
        System.out.printf("BENCH seeded in %d ms%n", (seeded - seedStart) / 1_000_000);

        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            String body = admin().get("/api/v1/compliance-report?orgId=" + root + "&year=2025").then().statusCode(200)
                    .extract().asString();
            System.out.printf("BENCH year report over 10,000 branches, run %d: %d ms (HTTP, %d bytes of JSON)%n", run,
                    (System.nanoTime() - start) / 1_000_000, body.length());
        }
        admin().get("/api/v1/compliance-report?orgId=" + root + "&year=2025&month=2").then().statusCode(200)
                .body("summary.branches", equalTo(10_000))
                // February owes a committee meeting and a themed party day, both held everywhere.
                .body("summary.branchesBehind", equalTo(0));
        long start = System.nanoTime();
        admin().get("/api/v1/compliance-report?orgId=" + root + "&year=2025&quarter=1").then().statusCode(200).extract().asString();
        System.out.printf("BENCH quarter report over 10,000 branches: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static void exec(String sql, Object... params) {
        var q = em().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }
}
