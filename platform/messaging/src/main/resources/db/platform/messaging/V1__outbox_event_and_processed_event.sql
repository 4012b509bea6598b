-- The tables of platform/messaging, in every service's database (PlatformSchemas runs this before the service's own
-- migrations, history in platform_messaging_schema_history). This is their shape as the services' own migrations had
-- left it when the platform took them over; a database of that release is baselined at this version.

-- The transactional outbox (Outbox, OutboxRelay). The payload is kept as the JSON text written: the relay sends that
-- text, and parsing it into jsonb and back was ~4.5 µs of the ~36 µs these tables cost per member of a bulk import
-- (benchmark B4, bench/notes/b4.md). The relay marks what Kafka acknowledged by position, the primary key; the event
-- id has no unique index (ids are random UUIDs; one cost ~6 µs more per event, written and marked).
create table outbox_event (
    position     bigint generated always as identity primary key,
    id           uuid not null,
    topic        text not null,
    type         text not null,
    source       text not null,
    aggregate_id uuid not null,
    payload      json not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    attempts     int not null default 0
);
create index outbox_event_pending on outbox_event (position) where published_at is null;

-- Every event id a consumer has applied (ProcessedEvents, EventReactions): applied once, skipped when redelivered.
create table processed_event (
    consumer     text not null,
    event_id     uuid not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
