-- Attendance counts kept on the activity when it is recorded, so period reports over a large
-- subtree sum one row per activity instead of one per attendance line.
alter table activity add column expected_count int not null default 0;
alter table activity add column present_count int not null default 0;
alter table activity add column leave_count int not null default 0;

update activity a set expected_count = c.expected, present_count = c.present, leave_count = c.on_leave
from (select activity_id, count(*) as expected,
             count(*) filter (where status = 'PRESENT') as present,
             count(*) filter (where status = 'LEAVE') as on_leave
      from activity_attendance group by activity_id) c
where c.activity_id = a.id;
