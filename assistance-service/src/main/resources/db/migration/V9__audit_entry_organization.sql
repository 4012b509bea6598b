-- The organization each audited record belongs to, so an auditor reads only their subtree's entries.
-- Earlier entries keep null: only unrestricted callers (platform-admin) see those.
alter table audit_entry add column org_id uuid;
create index audit_entry_org on audit_entry (org_id, occurred_at desc);
