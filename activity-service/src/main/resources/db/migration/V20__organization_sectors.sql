-- The sector (单位类别) of each organization, as organization-service's node events carry it: requirements of
-- organizational life configured per sector (dangjian.activity.sector-frequencies, e.g. 理论学习 in government
-- organs) need it, and the tree copy (org_unit, the platform's) does not keep it. Null: no sector given.
-- Kept by the report's BranchSectors from its own consumer group, which reads the topic from its start.
create table org_sector (
    org_id         uuid primary key,
    sector         text,
    source_version bigint not null
);
