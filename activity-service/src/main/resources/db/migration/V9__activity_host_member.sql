-- The host (主持人/主讲人) as a member, when known: the compliance report checks that a branch's
-- secretary gave a Party lecture (书记讲党课) against the copy of leadership seats.
alter table activity add column host_member_id uuid;
