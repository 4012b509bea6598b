-- The slice of member-service's records that attendance needs, fed by member.* events.
-- Every member event is kept, so the membership periods can be rebuilt in version order whatever
-- order the events arrived in.
create table member_event (
    event_id    uuid primary key,
    member_id   uuid not null,
    version     bigint not null,
    type        text not null,
    payload     jsonb not null,
    occurred_at timestamptz not null
);
create index member_event_member on member_event (member_id, version);

-- The member as of the newest event seen.
create table roster_member (
    member_id      uuid primary key,
    name           text,
    org_id         uuid,
    stage          text,
    ended_on       date,
    source_version bigint not null,
    updated_at     timestamptz not null
);
create index roster_member_org on roster_member (org_id);

-- Who belonged to which organization, in which stage, from (inclusive) to (exclusive; null = still).
create table membership_period (
    member_id  uuid not null,
    org_id     uuid not null,
    stage      text,
    valid_from date not null,
    valid_to   date,
    primary key (member_id, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create index membership_period_org on membership_period (org_id, valid_from);
