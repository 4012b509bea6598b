-- A member leaves a grid with a date and a reason; the row stays (nothing is hard-deleted), and
-- who did it is in the audit log.
alter table grid_member add column left_reason text;
-- The open membership of a member in a grid is unique: joining twice is refused before it gets here.
create unique index grid_member_open on grid_member (grid_id, member_id) where left_on is null;
