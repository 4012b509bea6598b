-- Event payloads and audit details are written once and read whole (the relay sends the payload's text, the audit
-- trail returns the details' text), so they are kept as the JSON text written rather than decomposed into jsonb.
-- Parsing them into jsonb, and the payload back into text for the relay, was ~4.5 µs of the ~36 µs these two tables
-- cost PostgreSQL per member of a bulk import (benchmark B4, bench/notes/b4.md). Queries can still cast to jsonb.
alter table outbox_event alter column payload type json using payload::json;
alter table audit_entry alter column details type json using details::json;
-- The relay marks what Kafka acknowledged by position, the primary key. The unique index on the event id gave each
-- event an index entry when written and another when marked (~6 µs more per event); ids are random UUIDs.
alter table outbox_event drop constraint outbox_event_id_key;
