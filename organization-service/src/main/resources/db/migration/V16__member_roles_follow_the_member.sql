-- A member who transfers away, leaves the platform or whose membership ends loses the roles of the
-- organizations they no longer belong to (member.* events): their open seats and grid memberships are
-- found by member, and a grid whose leader left has no leader until a new one is named.
create index leadership_seat_member_open on leadership_seat (member_id) where ended_on is null;
create index grid_member_member_open on grid_member (member_id) where left_on is null;
create index grid_leader_member on grid (leader_member_id) where leader_member_id is not null;
alter table grid alter column leader_name drop not null;
