-- Training hours (培训学时) per member and business month, kept as a running total in the same
-- transaction that records or corrects a held TRAINING activity, so the compliance report's
-- "members below their yearly hours" reads one row per member and month instead of summing every
-- attendance line ever recorded. Months, not years: quarter and month reports count from 1 January
-- to the period's end, which is a sum of whole months.
create table member_training_hours (
    member_id  uuid not null,
    -- first day of the month of held_on (the civil date in the business time zone)
    held_month date not null,
    hours      numeric(10, 2) not null,
    primary key (member_id, held_month),
    check (extract(day from held_month) = 1)
);

insert into member_training_hours (member_id, held_month, hours)
select t.member_id, cast(date_trunc('month', a.held_on) as date), sum(t.hours)
from activity a join activity_attendance t on t.activity_id = a.id
where a.type = 'TRAINING' and a.status = 'HELD' and t.hours is not null
group by t.member_id, cast(date_trunc('month', a.held_on) as date);
