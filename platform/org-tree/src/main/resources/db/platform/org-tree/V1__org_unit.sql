-- The table of platform/org-tree: the service's local copy of the organization tree, fed by organization.* events
-- (OrgTreeConsumer). PlatformSchemas runs this before the service's own migrations, history in
-- platform_org_tree_schema_history. This is its shape as the services' own migrations had left it when the platform
-- took it over; a database of that release is baselined at this version.
-- No foreign key on parent_id: events of different organizations may arrive in any order.
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
-- Subtree questions are prefix matches on the materialized path.
create index org_unit_path on org_unit (path text_pattern_ops);
