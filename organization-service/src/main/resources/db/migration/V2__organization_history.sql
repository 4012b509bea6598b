-- Dissolution (撤销) is a state with a date and a reason; a merge names the surviving organization.
alter table organization add column dissolved_on date;
alter table organization add column dissolution_reason text;
alter table organization add column merged_into_id uuid references organization (id);

-- Who changed what, when and why: one row per change, never updated.
create table organization_history (
    id              uuid primary key,
    -- the order changes were written in, even within one transaction
    position        bigint generated always as identity,
    organization_id uuid not null references organization (id),
    change          text not null,
    actor           text not null,
    occurred_at     timestamptz not null,
    effective_on    date not null,
    reason          text,
    before_state    jsonb,
    after_state     jsonb
);
create index organization_history_org on organization_history (organization_id, position);

-- The tree through time: each row is one node as it was during [valid_from, valid_to); the open
-- row (valid_to null) is the node today. A change closes the node's open row and opens a new one;
-- a move does so for the whole subtree (their paths change); dissolution only closes it.
create table organization_snapshot (
    id              bigint generated always as identity primary key,
    organization_id uuid not null references organization (id),
    valid_from      date not null,
    valid_to        date,
    parent_id       uuid,
    path            text not null,
    code            text not null,
    name            text not null,
    type            text not null,
    sector          text,
    status          text not null
);
create index organization_snapshot_open on organization_snapshot (organization_id) where valid_to is null;
create index organization_snapshot_org on organization_snapshot (organization_id, valid_from);
create index organization_snapshot_path on organization_snapshot (path text_pattern_ops, valid_from);

insert into organization_snapshot (organization_id, valid_from, parent_id, path, code, name, type, sector, status)
select id, established_on, parent_id, path, code, name, type, sector, status from organization where status = 'ACTIVE';

-- The search box: name fragments and code prefixes within a subtree.
create index organization_code_pattern on organization (code text_pattern_ops);
