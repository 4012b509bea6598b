-- The local copy of the organization tree, fed by organization.* events (platform/org-tree).
create table org_unit (
    id             uuid primary key,
    parent_id      uuid,
    path           text not null,
    code           text not null,
    name           text not null,
    type           text not null,
    status         text not null,
    source_version bigint not null,
    updated_at     timestamptz not null
);
create index org_unit_path on org_unit (path text_pattern_ops);

create table outbox_event (
    position     bigint generated always as identity primary key,
    id           uuid not null unique,
    topic        text not null,
    type         text not null,
    source       text not null,
    aggregate_id uuid not null,
    payload      jsonb not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    attempts     int not null default 0
);
create index outbox_event_pending on outbox_event (position) where published_at is null;

create table processed_event (
    consumer     text not null,
    event_id     uuid not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
