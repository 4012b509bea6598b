-- Every organization.dissolved that member-service.dissolution has applied, kept by that reaction alone
-- (not the org_unit tree copy, which another consumer group feeds and which may lag). Dissolutions of
-- different organizations may be read in either order: a merge that moves members into a survivor found
-- here as dissolved already applies the survivor's own dissolution to them again (issue 22).
create table dissolved_organization (
    organization_id uuid primary key,
    dissolved_on    date not null,
    merged_into_id  uuid
);
