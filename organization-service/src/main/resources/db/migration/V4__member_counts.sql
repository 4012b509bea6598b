-- The slice of member-service's roster this service needs: where each member is and at which stage,
-- fed by member.* events (last applied source version per member, so a stale event changes nothing).
create table member_roster (
    member_id       uuid primary key,
    organization_id uuid,
    stage           text,
    ended           boolean not null,
    source_version  bigint not null,
    updated_at      timestamptz not null
);
create index member_roster_org on member_roster (organization_id);

-- Counts per organization, kept by the same transaction that changes a roster row.
-- full_members: stage FULL; members: Party members, i.e. FULL and PROBATIONARY.
create table member_count (
    organization_id uuid primary key,
    full_members    int not null default 0,
    members         int not null default 0
);
