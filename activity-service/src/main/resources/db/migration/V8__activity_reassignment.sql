-- A planned activity of a dissolved organization moved to another one: where it came from, when, by whom.
alter table activity add column reassigned_from uuid;
alter table activity add column reassigned_at timestamptz;
alter table activity add column reassigned_by text;
-- The short list of planned activities still waiting to be moved or cancelled.
create index activity_awaiting_reassignment on activity (org_id) where status = 'PLANNED' and org_dissolved_at is not null;
