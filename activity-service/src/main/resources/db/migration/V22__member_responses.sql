-- A member's own answer to a planned activity of their organization, through /me: signed in (签到) or asked
-- for leave (请假, with a reason). The recorder still records the attendance sheet; these tell them who came
-- and who asked to be excused. One answer per member and activity: a sign-in replaces a leave request (they
-- came after all).
create table activity_response (
    activity_id  uuid not null references activity (id),
    member_id    uuid not null,
    kind         text not null check (kind in ('SIGNED_IN', 'LEAVE_REQUESTED')),
    reason       text,
    responded_at timestamptz not null,
    primary key (activity_id, member_id)
);
create index activity_response_member on activity_response (member_id);
