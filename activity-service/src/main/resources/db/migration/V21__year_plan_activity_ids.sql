-- A year plan remembers the activities it generated, so generating it again (a client retrying after a
-- timeout) answers the plan that exists instead of 409. Plans generated before this release take their
-- activities from the audit entry written with them.
alter table year_plan add column activity_ids uuid[] not null default '{}';

update year_plan p set activity_ids = coalesce((
    select array_agg(cast(x.id as uuid) order by x.n)
    from audit_entry e, json_array_elements_text(e.details->'after'->'activityIds') with ordinality as x(id, n)
    where e.action = 'YEAR_PLAN_GENERATED' and e.target_type = 'year_plan' and e.target_id = p.org_id
      and cast(e.details->'after'->>'year' as int) = p.year), '{}');
