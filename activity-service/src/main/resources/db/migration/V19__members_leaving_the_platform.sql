-- A member whose relationship was transferred to an organization outside the platform (member.transferred
-- with toOrgId null) belongs to no organization here from that day: org_id is null and this says since when.
-- A later transfer in from outside clears it again.
alter table roster_member add column transferred_out_on date;

-- The recorder (记录员) as a member, when known, like the host: a member who leaves their organization is
-- released from both roles in the activities still planned on or after that day.
alter table activity add column recorder_member_id uuid;
-- The planned activities naming a member as host or recorder, looked up for each batch of member events.
create index activity_planned_host on activity (host_member_id) where status = 'PLANNED' and host_member_id is not null;
create index activity_planned_recorder on activity (recorder_member_id)
    where status = 'PLANNED' and recorder_member_id is not null;
