-- 两个覆盖: non-public enterprises and social organizations of a region and how a Party
-- organization covers each. A unit is registered under the organization that manages the register
-- (its data scope); covering_organization_id is the branch that covers it, when one does.
create table unit (
    id                       uuid primary key,
    organization_id          uuid not null references organization (id),
    name                     text not null,
    credit_code              text not null unique,
    kind                     text not null,
    region_code              text not null,
    employees                int not null,
    party_members            int not null,
    coverage                 text not null,
    covering_organization_id uuid references organization (id),
    instructor_name          text,
    covered_since            date,
    registered_on            date not null,
    version                  bigint not null
);
create index unit_organization on unit (organization_id);
create index unit_region on unit (region_code text_pattern_ops);
create index unit_gaps on unit (organization_id, id) where coverage = 'NONE';
