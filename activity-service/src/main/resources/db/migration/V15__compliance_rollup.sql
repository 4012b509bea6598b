-- The compliance report's per-branch figures kept, not computed per request (bench B2): the whole
-- tree's report read every activity of the period and every member's period, training and seats
-- (8.4 s at 1.5 million members); it now reads one row per organization and year.
--
-- Element k of every array is the figure at the end of month k (business time zone), k = 1..12:
-- every report period ends at a month's end.

-- Element-wise sum of two 12-element figures, so concurrent changes to one row commute.
create function figures_add(a int[], b int[]) returns int[] language sql immutable as $$
  select array(select x + y from unnest(a, b) with ordinality as u(x, y, i) order by i)
$$;

-- Held activities per organization (a branch or a Party group, whose meetings count for its parent
-- at report time, so a moved group takes them along), year and type, from 1 January to each month's
-- end; a period is the difference of two elements. Kept in the transaction that records or corrects
-- an activity (HeldActivities).
create table activity_held_ytd (
    org_id uuid not null,
    year   int not null,
    type   text not null,
    held   int[] not null,
    primary key (org_id, year, type),
    check (array_lower(held, 1) = 1 and array_length(held, 1) = 12)
);

-- Attendance of those activities (all types) per organization and year, from 1 January likewise.
create table activity_attendance_ytd (
    org_id   uuid not null,
    year     int not null,
    expected int[] not null,
    present  int[] not null,
    on_leave int[] not null,
    primary key (org_id, year)
);

-- Members of each branch on each month's last day, as the report counts them: full members, members on
-- the roster, leaders (a leader's seat anywhere) on the roster, and those of them below their yearly
-- training hours from 1 January. A level, not a running sum: a year without a row repeats the latest
-- earlier row's December with nobody's hours (see member_month_figures); a row exists for every
-- year in which any of these figures changed. Kept by MemberFigures whenever a member's periods, seats or
-- training hours change, from member_month_figures before and after.
create table branch_member_figures (
    org_id        uuid not null,
    year          int not null,
    full_members  int[] not null,
    on_roster     int[] not null,
    leaders       int[] not null,
    below         int[] not null,
    leaders_below int[] not null,
    primary key (org_id, year)
);

-- The rules the member figures were counted with (application.properties, dangjian.activity.*): the
-- service counts them again at start-up when its configuration differs.
create table member_figures_rules (
    id            int primary key check (id = 1),
    roster_stages text[] not null,
    leader_seats  text[] not null,
    member_hours  numeric(10, 2) not null,
    leader_hours  numeric(10, 2) not null
);

-- What each member (all when p_members is null) counts for, per branch, year and month: one row per
-- month's last day in the years from their first membership to the last year any of their periods, seats
-- or training hours name (at least p_to_year), and twelve rows with year null for every later year (no
-- change after it, no training in it). The one definition of the figures: the backfill sums it, and
-- MemberFigures diffs it for the members a change touches.
create function member_month_figures(p_members uuid[], p_to_year int, p_roster_stages text[], p_leader_seats text[],
                                     p_member_hours numeric, p_leader_hours numeric)
returns table (member_id uuid, org_id uuid, year int, month int, full_member int, on_roster int, leader int, below int,
               leader_below int)
language sql stable as $$
  with span as (
    select x.member_id, min(x.first_year) as first_year, greatest(max(x.last_year), p_to_year) as last_year
    from (select p.member_id, cast(extract(year from p.valid_from) as int) as first_year,
                 cast(extract(year from coalesce(p.valid_to, p.valid_from)) as int) as last_year
          from membership_period p where p_members is null or p.member_id = any(p_members)
          union all
          select s.member_id, null, cast(extract(year from coalesce(s.ended_on, s.started_on)) as int)
          from leadership_seat s where p_members is null or s.member_id = any(p_members)
          union all
          select t.member_id, null, t.year from member_training_ytd t where p_members is null or t.member_id = any(p_members)) x
    group by x.member_id having min(x.first_year) is not null
  ),
  month_end as (
    select s.member_id, y.year, k.month, cast(make_date(y.year, k.month, 1) + interval '1 month - 1 day' as date) as day
    from span s cross join generate_series(s.first_year, s.last_year) as y(year) cross join generate_series(1, 12) as k(month)
    union all
    -- after every change: any day of the year after the last
    select s.member_id, null, k.month, make_date(s.last_year + 1, 12, 31)
    from span s cross join generate_series(1, 12) as k(month)
  ),
  standing as (
    select e.member_id, p.org_id, e.year, e.month, coalesce(p.stage = 'FULL', false) as full_member,
           (p.stage is null or p.stage = any(p_roster_stages)) as on_roster,
           exists (select 1 from leadership_seat s
                   where s.member_id = e.member_id and s.seat = any(p_leader_seats)
                     and s.started_on <= e.day and (s.ended_on is null or s.ended_on > e.day)) as leader,
           coalesce(t.hours[e.month], 0) as hours
    from month_end e
    join membership_period p on p.member_id = e.member_id and p.valid_from <= e.day and (p.valid_to is null or p.valid_to > e.day)
    left join member_training_ytd t on t.member_id = e.member_id and t.year = e.year
  )
  select member_id, org_id, year, month, cast(full_member as int), cast(on_roster as int), cast(on_roster and leader as int),
         cast(on_roster and hours < case when leader then p_leader_hours else p_member_hours end as int),
         cast(on_roster and leader and hours < p_leader_hours as int)
  from standing
$$;

-- Counts every figure again from the activities, attendance, roster, seats and training hours: the
-- migration's backfill, and what the service runs when its rules changed (and bench's ScaleData after loading).
create function compliance_rollup_fill(p_roster_stages text[], p_leader_seats text[], p_member_hours numeric,
                                       p_leader_hours numeric) returns void language sql as $$
  delete from activity_held_ytd;
  delete from activity_attendance_ytd;
  delete from branch_member_figures;

  insert into activity_held_ytd (org_id, year, type, held)
  select org_id, year, type,
         array(select count(*) filter (where month <= k) from unnest(months) as month cross join generate_series(1, 12) as k
               group by k order by k)
  from (select org_id, cast(extract(year from held_on) as int) as year, type,
               array_agg(cast(extract(month from held_on) as int)) as months
        from activity where status = 'HELD' group by 1, 2, 3) a;

  insert into activity_attendance_ytd (org_id, year, expected, present, on_leave)
  select org_id, year,
         array(select coalesce(sum(x.expected) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
               cross join generate_series(1, 12) as k group by k order by k),
         array(select coalesce(sum(x.present) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
               cross join generate_series(1, 12) as k group by k order by k),
         array(select coalesce(sum(x.on_leave) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
               cross join generate_series(1, 12) as k group by k order by k)
  from (select org_id, cast(extract(year from held_on) as int) as year, array_agg(cast(extract(month from held_on) as int)) as months,
               array_agg(expected_count) as e, array_agg(present_count) as p, array_agg(leave_count) as l
        from activity where status = 'HELD' group by 1, 2) a;

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

select compliance_rollup_fill(array['PROBATIONARY', 'FULL'],
                              array['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE', 'OTHER'], 32, 56);

-- the report's per-request part: lectures hosted by a known member, checked against the secretary's seat on the day
create index activity_hosted_lecture on activity (held_on) where status = 'HELD' and type = 'PARTY_LECTURE' and host_member_id is not null;
