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

-- The messaging tables this migration also created (outbox_event, processed_event) belong to platform/messaging now,
-- which creates them with its own migrations before this service's (PlatformSchemas).
