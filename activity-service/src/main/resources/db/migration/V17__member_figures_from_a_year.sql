-- member_month_figures counted each member's figures for every year since their first membership (30 to 45
-- years, twelve month-ends each), before and after every change: a batch of transfers cost its roster
-- consumer seconds and held the figures' lock meanwhile (bench B3: roster p99 281 s). A change cannot
-- alter the figures of month-ends before the day it starts to differ, so this form starts each member's
-- years at the year given for them (p_from_years, parallel to p_members; null: from the first membership)
-- and reaches at least that year, so the member's explicit years always cover the change's.
create function member_month_figures(p_members uuid[], p_from_years int[], p_to_year int, p_roster_stages text[],
                                     p_leader_seats text[], p_member_hours numeric, p_leader_hours numeric)
returns table (member_id uuid, org_id uuid, year int, month int, full_member int, on_roster int, leader int, below int,
               leader_below int)
language sql stable as $$
  with asked as (
    select a.member_id, a.from_year from unnest(p_members, p_from_years) as a(member_id, from_year)
  ),
  span as (
    select x.member_id, greatest(min(x.first_year), min(a.from_year)) as first_year,
           greatest(max(x.last_year), p_to_year, min(a.from_year)) as last_year
    from (select p.member_id, cast(extract(year from p.valid_from) as int) as first_year,
                 cast(extract(year from coalesce(p.valid_to, p.valid_from)) as int) as last_year
          from membership_period p where p_members is null or p.member_id = any(p_members)
          union all
          select s.member_id, null, cast(extract(year from coalesce(s.ended_on, s.started_on)) as int)
          from leadership_seat s where p_members is null or s.member_id = any(p_members)
          union all
          select t.member_id, null, t.year from member_training_ytd t where p_members is null or t.member_id = any(p_members)) x
    left join asked a on a.member_id = x.member_id
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

-- V15's form is the same count from every member's first year: one definition, which the backfill keeps calling.
create or replace function member_month_figures(p_members uuid[], p_to_year int, p_roster_stages text[], p_leader_seats text[],
                                                p_member_hours numeric, p_leader_hours numeric)
returns table (member_id uuid, org_id uuid, year int, month int, full_member int, on_roster int, leader int, below int,
               leader_below int)
language sql stable as $$
  select * from member_month_figures(p_members, null, p_to_year, p_roster_stages, p_leader_seats, p_member_hours,
                                     p_leader_hours)
$$;
