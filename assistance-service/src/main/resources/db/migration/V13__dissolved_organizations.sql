-- Every organization.dissolved the case reaction (reaction/OrganizationDissolutionConsumer) has applied, kept by that
-- reaction itself: dissolutions of different organizations may be applied in either order (different keys,
-- partitions), so records moved later into an organization already dissolved here (a merge into it, a member
-- transferred into it) must take on its dissolution: follow its merge on, or wait for reassignment.
-- Not the tree copy (org_unit): another consumer group, which may lag.
create table dissolved_organization (
    org_id         uuid primary key,
    dissolved_on   date not null,
    -- The survivor of a merge (合并); null for a plain dissolution (撤销).
    merged_into_id uuid,
    event_id       uuid not null
);
