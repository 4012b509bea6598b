create sequence organization_code_seq;

create table organization (
    id             uuid primary key,
    code           text not null unique,
    name           text not null,
    type           text not null,
    sector         text,
    parent_id      uuid references organization (id),
    path           text not null unique,
    status         text not null,
    established_on date not null,
    version        bigint not null
);
-- Subtree queries are prefix matches on the materialized path.
create index organization_path on organization (path text_pattern_ops);
create index organization_parent on organization (parent_id);

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
