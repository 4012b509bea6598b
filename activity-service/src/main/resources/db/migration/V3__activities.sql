-- Organizational life (组织生活): each activity of an organization, planned then held or cancelled.
create table activity (
    id               uuid primary key,
    org_id           uuid not null,
    type             text not null,
    topic            text not null,
    planned_start    timestamptz not null,
    planned_end      timestamptz,
    place            text,
    online_link      text,
    host             text,
    recorder         text,
    status           text not null,
    planned_at       timestamptz not null,
    planned_by       text not null,
    actual_start     timestamptz,
    actual_end       timestamptz,
    -- civil date of actual_start in the business zone: what period reports count on
    held_on          date,
    minutes          text,
    revision         int not null default 0,
    recorded_at      timestamptz,
    recorded_by      text,
    cancelled_at     timestamptz,
    cancelled_by     text,
    cancel_reason    text,
    -- set when the organization was dissolved while the activity was still planned
    org_dissolved_at timestamptz,
    version          bigint not null
);
create index activity_org_planned on activity (org_id, planned_start);
create index activity_held on activity (held_on, org_id) where status = 'HELD';

-- Attendance of each member of the expected roster, as last recorded.
create table activity_attendance (
    activity_id  uuid not null references activity (id),
    member_id    uuid not null,
    status       text not null,
    leave_reason text,
    hours        numeric(6, 2),
    primary key (activity_id, member_id)
);
create index activity_attendance_member on activity_attendance (member_id);

create table activity_guest (
    activity_id  uuid not null references activity (id),
    position     int not null,
    name         text not null,
    organization text,
    primary key (activity_id, position)
);

-- A recording as it was before a correction replaced it.
create table activity_revision (
    activity_id   uuid not null references activity (id),
    revision      int not null,
    recording     jsonb not null,
    superseded_at timestamptz not null,
    superseded_by text not null,
    reason        text not null,
    primary key (activity_id, revision)
);
