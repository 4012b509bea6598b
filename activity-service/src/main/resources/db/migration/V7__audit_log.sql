-- The append-only audit log of every write (platform/api-support AuditTrail, ARCHITECTURE.md §4):
-- the same table in every service; the trigger refuses any update or delete.
create table audit_entry (
    id          uuid primary key,
    occurred_at timestamptz not null,
    actor       text not null,
    action      text not null,
    target_type text not null,
    target_id   uuid,
    details     jsonb not null
);
create index audit_entry_target on audit_entry (target_type, target_id);
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
