-- What made the whole-tree compliance report slow, kept instead of recomputed per request (bench B2).
--
-- member_training_ytd: per member and year, hours[k] = training hours from 1 January to the end of
-- month k (business time zone), k = 1..12. Every report period ends at a month's end and counts
-- training from 1 January (DOMAIN.md §3), so "below the yearly hours" is one array element of one
-- row per member, joined by equality, instead of summing up to twelve member_training_hours rows
-- per member and grouping (the report's largest cost at 300,000 members). Kept beside the monthly
-- totals, in the same transaction, by the same differences (TrainingHours): a change in month m
-- adds to elements m..12.
create table member_training_ytd (
    member_id uuid not null,
    year      int not null,
    hours     numeric(10, 2)[] not null,
    primary key (member_id, year),
    check (array_lower(hours, 1) = 1 and array_length(hours, 1) = 12)
);

insert into member_training_ytd (member_id, year, hours)
select y.member_id, y.year,
       array(select coalesce(sum(x.hours) filter (where x.month <= m), 0)
             from unnest(y.months, y.totals) as x(month, hours) cross join generate_series(1, 12) as m
             group by m order by m)
from (select member_id, cast(extract(year from held_month) as int) as year,
             array_agg(cast(extract(month from held_month) as int)) as months, array_agg(hours) as totals
      from member_training_hours group by 1, 2) y;

-- The report pages branches and finds each page's Party groups (and byChild the root's children) by parent: the index
-- on org_unit (parent_id) this migration created is platform/org-tree's now (its V2), as org_unit is.
