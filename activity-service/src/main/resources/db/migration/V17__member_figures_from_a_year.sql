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
language plpgsql stable as $fn$
declare
  v_hash_joins text := current_setting('enable_hashjoin');
  v_merge_joins text := current_setting('enable_mergejoin');
begin
  -- Planned on every call with the arguments as constants (EXECUTE ... USING): a few members' figures must
  -- be read through the member indexes and every member's (the backfill) by scanning, and a plan made for
  -- either, or for an array the planner cannot see into, reads the other way (4.5 s for 131 members).
  -- Below some size the planner still hashes whole tables for a few members (5 ms for one member of
  -- 30,000, twice per change), so a call for given members joins member by member only.
  if p_members is not null then
    perform set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
  end if;
  return query execute $q$
  with asked as (
    -- the members asked for, each from their year, or ($1 null) every member from their first
    select a.member_id, a.from_year from unnest($1, $2) as a(member_id, from_year)
    union all
    select distinct p.member_id, cast(null as int) from membership_period p where $1 is null
  ),
  span as (
    select a.member_id, greatest(min(x.first_year), a.from_year) as first_year,
           greatest(max(x.last_year), $3, a.from_year) as last_year
    from asked a
    join (select p.member_id, cast(extract(year from p.valid_from) as int) as first_year,
                 cast(extract(year from coalesce(p.valid_to, p.valid_from)) as int) as last_year
          from membership_period p
          union all
          select s.member_id, null, cast(extract(year from coalesce(s.ended_on, s.started_on)) as int) from leadership_seat s
          union all
          select t.member_id, null, t.year from member_training_ytd t) x on x.member_id = a.member_id
    group by a.member_id, a.from_year having min(x.first_year) is not null
  ),
  month_end as (
    -- the years as an array's elements: the planner guesses 10 per member for those, 1000 for a series
    select s.member_id, y.year, k.month, cast(make_date(y.year, k.month, 1) + interval '1 month - 1 day' as date) as day
    from span s cross join unnest(array(select generate_series(s.first_year, s.last_year))) as y(year)
    cross join generate_series(1, 12) as k(month)
    union all
    -- after every change: any day of the year after the last
    select s.member_id, null, k.month, make_date(s.last_year + 1, 12, 31)
    from span s cross join generate_series(1, 12) as k(month)
  ),
  standing as (
    select e.member_id, p.org_id, e.year, e.month, coalesce(p.stage = 'FULL', false) as full_member,
           (p.stage is null or p.stage = any($4)) as on_roster,
           exists (select 1 from leadership_seat s
                   where s.member_id = e.member_id and s.seat = any($5)
                     and s.started_on <= e.day and (s.ended_on is null or s.ended_on > e.day)) as leader,
           coalesce(t.hours[e.month], 0) as hours
    from month_end e
    join membership_period p on p.member_id = e.member_id and p.valid_from <= e.day and (p.valid_to is null or p.valid_to > e.day)
    left join member_training_ytd t on t.member_id = e.member_id and t.year = e.year
  )
  select member_id, org_id, year, month, cast(full_member as int), cast(on_roster as int), cast(on_roster and leader as int),
         cast(on_roster and hours < case when leader then $7 else $6 end as int),
         cast(on_roster and leader and hours < $7 as int)
  from standing
  $q$ using p_members, p_from_years, p_to_year, p_roster_stages, p_leader_seats, p_member_hours, p_leader_hours;
  perform set_config('enable_hashjoin', v_hash_joins, true), set_config('enable_mergejoin', v_merge_joins, true);
end
$fn$;

-- V15's form is the same count from every member's first year: one definition, which the backfill keeps calling.
create or replace function member_month_figures(p_members uuid[], p_to_year int, p_roster_stages text[], p_leader_seats text[],
                                                p_member_hours numeric, p_leader_hours numeric)
returns table (member_id uuid, org_id uuid, year int, month int, full_member int, on_roster int, leader int, below int,
               leader_below int)
language sql stable as $$
  select * from member_month_figures(p_members, null, p_to_year, p_roster_stages, p_leader_seats, p_member_hours,
                                     p_leader_hours)
$$;
