-- A branch's year plan is generated once from the required frequencies; afterwards it is edited
-- activity by activity.
create table year_plan (
    org_id       uuid not null,
    year         int not null,
    generated_at timestamptz not null,
    generated_by text not null,
    activities   int not null,
    primary key (org_id, year)
);
