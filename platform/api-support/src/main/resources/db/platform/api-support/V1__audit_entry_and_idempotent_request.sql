-- The tables of platform/api-support, in every service's database (PlatformSchemas runs this before the service's
-- own migrations, history in platform_api_support_schema_history). This is their shape as the services' own
-- migrations had left it when the platform took them over; a database of that release is baselined at this version.

-- The append-only audit log of every write and every unmasked read (audit.AuditTrail, ARCHITECTURE.md §4): who, when,
-- what, before and after, in the transaction of the write. The trigger refuses any update or delete, whoever the
-- database user is. Details are kept as the JSON text written: they are read whole, never decomposed, and
-- parsing them into jsonb was part of what the audit and outbox rows cost a bulk import (bench/notes/b4.md).
-- org_id: the organization of the audited record, so an auditor reads only their subtree's entries; null for
-- entries only unrestricted callers (platform-admin) see.
create table audit_entry (
    id          uuid primary key,
    occurred_at timestamptz not null,
    actor       text not null,
    action      text not null,
    target_type text not null,
    target_id   uuid,
    details     json not null,
    org_id      uuid
);
create index audit_entry_target on audit_entry (target_type, target_id);
create index audit_entry_org on audit_entry (org_id, occurred_at desc);
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- Idempotency-Key of creating requests (idempotency.@Idempotent): the key is committed with the effect and the
-- response, so a retried request gets the first answer and changes nothing. Pruned after
-- dangjian.idempotency.retention (platform/messaging RetentionPruner).
create table idempotent_request (
    caller           text not null,
    idempotency_key  text not null,
    operation        text not null,
    request_hash     text not null,
    response_status  int,
    response_headers jsonb,
    response_body    jsonb,
    created_at       timestamptz not null,
    primary key (caller, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
