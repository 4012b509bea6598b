-- One row per organization and year for the held activities of every type and their attendance (bench B2):
-- V15 kept a row per organization, year and type, so the whole tree's report grouped ~460,000 rows per
-- branch and type and joined 525,000 branch × requirement rows to check the requirements (1.6 s of 2.4 s
-- at 1.5 million members). With the types side by side the check is a few expressions on one row per
-- branch. One column per type (ActivityType): a new type needs a column here before it can be recorded.
create table activity_figures_ytd (
    org_id                           uuid not null,
    year                             int not null,
    expected                         int[] not null,
    present                          int[] not null,
    on_leave                         int[] not null,
    -- held activities of each type from 1 January to each month's end; null: none of that type this year
    held_branch_general_meeting      int[],
    held_branch_committee_meeting    int[],
    held_group_meeting               int[],
    held_party_lecture               int[],
    held_themed_party_day            int[],
    held_organizational_life_meeting int[],
    held_democratic_evaluation       int[],
    held_study_session               int[],
    held_training                    int[],
    held_volunteer_service           int[],
    held_joint_meeting               int[],
    primary key (org_id, year)
);

-- Counts the held activities and their attendance again from the activities, as V15 did into its two tables.
create function activity_figures_fill() returns void language sql as $$
  delete from activity_figures_ytd;

  insert into activity_figures_ytd (org_id, year, expected, present, on_leave, held_branch_general_meeting,
                                    held_branch_committee_meeting, held_group_meeting, held_party_lecture, held_themed_party_day,
                                    held_organizational_life_meeting, held_democratic_evaluation, held_study_session, held_training,
                                    held_volunteer_service, held_joint_meeting)
  with held as (
    select org_id, year, type,
           array(select count(*) filter (where month <= k) from unnest(months) as month cross join generate_series(1, 12) as k
                 group by k order by k) as held
    from (select org_id, cast(extract(year from held_on) as int) as year, type,
                 array_agg(cast(extract(month from held_on) as int)) as months
          from activity where status = 'HELD' group by 1, 2, 3) a
  ),
  held_by_type as (
    select org_id, year,
           max(held) filter (where type = 'BRANCH_GENERAL_MEETING') as held_branch_general_meeting,
           max(held) filter (where type = 'BRANCH_COMMITTEE_MEETING') as held_branch_committee_meeting,
           max(held) filter (where type = 'GROUP_MEETING') as held_group_meeting,
           max(held) filter (where type = 'PARTY_LECTURE') as held_party_lecture,
           max(held) filter (where type = 'THEMED_PARTY_DAY') as held_themed_party_day,
           max(held) filter (where type = 'ORGANIZATIONAL_LIFE_MEETING') as held_organizational_life_meeting,
           max(held) filter (where type = 'DEMOCRATIC_EVALUATION') as held_democratic_evaluation,
           max(held) filter (where type = 'STUDY_SESSION') as held_study_session,
           max(held) filter (where type = 'TRAINING') as held_training,
           max(held) filter (where type = 'VOLUNTEER_SERVICE') as held_volunteer_service,
           max(held) filter (where type = 'JOINT_MEETING') as held_joint_meeting
    from held group by org_id, year
  ),
  attendance as (
    select org_id, year,
           array(select coalesce(sum(x.expected) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
                 cross join generate_series(1, 12) as k group by k order by k) as expected,
           array(select coalesce(sum(x.present) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
                 cross join generate_series(1, 12) as k group by k order by k) as present,
           array(select coalesce(sum(x.on_leave) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
                 cross join generate_series(1, 12) as k group by k order by k) as on_leave
    from (select org_id, cast(extract(year from held_on) as int) as year, array_agg(cast(extract(month from held_on) as int)) as months,
                 array_agg(expected_count) as e, array_agg(present_count) as p, array_agg(leave_count) as l
          from activity where status = 'HELD' group by 1, 2) a
  )
  select t.org_id, t.year, t.expected, t.present, t.on_leave, h.held_branch_general_meeting, h.held_branch_committee_meeting,
         h.held_group_meeting, h.held_party_lecture, h.held_themed_party_day, h.held_organizational_life_meeting,
         h.held_democratic_evaluation, h.held_study_session, h.held_training, h.held_volunteer_service, h.held_joint_meeting
  from attendance t join held_by_type h on h.org_id = t.org_id and h.year = t.year;
$$;

-- V15's function with the activity figures counted into activity_figures_ytd; the member figures are unchanged.
create or replace function compliance_rollup_fill(p_roster_stages text[], p_leader_seats text[], p_member_hours numeric,
                                                  p_leader_hours numeric) returns void language sql as $$
  select activity_figures_fill();
  delete from branch_member_figures;

  -- every member's explicit years up to the last year anyone's figures change in: no later year needs a row
  insert into branch_member_figures (org_id, year, full_members, on_roster, leaders, below, leaders_below)
  with last_year as (
    select cast(greatest((select max(extract(year from coalesce(valid_to, valid_from))) from membership_period),
                         (select max(extract(year from coalesce(ended_on, started_on))) from leadership_seat),
                         (select max(year) from member_training_ytd)) as int) as year
  ),
  figures as (
    select org_id, year, month, sum(full_member) as full_members, sum(on_roster) as on_roster, sum(leader) as leaders,
           sum(below) as below, sum(leader_below) as leaders_below
    from member_month_figures(null, (select year from last_year), p_roster_stages, p_leader_seats, p_member_hours, p_leader_hours)
    where year is not null group by org_id, year, month
  )
  select org_id, year, array_agg(full_members order by month), array_agg(on_roster order by month),
         array_agg(leaders order by month), array_agg(below order by month), array_agg(leaders_below order by month)
  from (select k.org_id, k.year, m.month, coalesce(f.full_members, 0) as full_members, coalesce(f.on_roster, 0) as on_roster,
               coalesce(f.leaders, 0) as leaders, coalesce(f.below, 0) as below, coalesce(f.leaders_below, 0) as leaders_below
        from (select distinct org_id, year from figures) k cross join generate_series(1, 12) as m(month)
        left join figures f on f.org_id = k.org_id and f.year = k.year and f.month = m.month) dense
  group by org_id, year;

  insert into member_figures_rules (id, roster_stages, leader_seats, member_hours, leader_hours)
  values (1, p_roster_stages, p_leader_seats, p_member_hours, p_leader_hours)
  on conflict (id) do update set roster_stages = excluded.roster_stages, leader_seats = excluded.leader_seats,
    member_hours = excluded.member_hours, leader_hours = excluded.leader_hours;
$$;

drop table activity_held_ytd;
drop table activity_attendance_ytd;
select activity_figures_fill();

-- V15's per-type and attendance readings of the same row, for checks and ad-hoc queries (the report reads the table)
create view activity_held_ytd as
select f.org_id, f.year, h.type, h.held
from activity_figures_ytd f
cross join lateral (values ('BRANCH_GENERAL_MEETING', f.held_branch_general_meeting),
                           ('BRANCH_COMMITTEE_MEETING', f.held_branch_committee_meeting),
                           ('GROUP_MEETING', f.held_group_meeting),
                           ('PARTY_LECTURE', f.held_party_lecture),
                           ('THEMED_PARTY_DAY', f.held_themed_party_day),
                           ('ORGANIZATIONAL_LIFE_MEETING', f.held_organizational_life_meeting),
                           ('DEMOCRATIC_EVALUATION', f.held_democratic_evaluation),
                           ('STUDY_SESSION', f.held_study_session),
                           ('TRAINING', f.held_training),
                           ('VOLUNTEER_SERVICE', f.held_volunteer_service),
                           ('JOINT_MEETING', f.held_joint_meeting)) as h(type, held)
where h.held is not null;

create view activity_attendance_ytd as
select org_id, year, expected, present, on_leave from activity_figures_ytd;

