-- Every audit entry of this service names the organization of its record (audit_entry.org_id), as the other
-- services' entries do: GET /audit-entries is one platform implementation (platform/api-support) that keeps an
-- auditor to the entries whose org_id lies in their subtree. Entries written before named it only when the
-- record's snapshot carried an organizationId (not an organization's own changes, not grid memberships); this
-- fills in the organization each kind of record belongs to. The append-only trigger is set aside for this one
-- derived column and nothing else, in this migration's transaction.
alter table audit_entry disable trigger audit_entry_append_only;
update audit_entry a set org_id = case a.target_type
        when 'organization' then a.target_id
        when 'unit' then (select organization_id from unit where id = a.target_id)
        when 'grid' then (select organization_id from grid where id = a.target_id)
        when 'pairing' then (select organization_id from pairing where id = a.target_id)
        when 'assessment' then (select organization_id from assessment where id = a.target_id)
        when 'assessment-set' then (select organization_id from assessment_set where id = a.target_id)
    end
where a.org_id is null
  and a.target_type in ('organization', 'unit', 'grid', 'pairing', 'assessment', 'assessment-set');
alter table audit_entry enable trigger audit_entry_append_only;
