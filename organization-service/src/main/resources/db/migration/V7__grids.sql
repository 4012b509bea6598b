-- 网格化 (seed 001): grids at four levels (working committee / general branch / branch / all members),
-- each run by an organization, with a leader (格长/联络员), an area and its households.
create table grid (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    parent_id       uuid references grid (id),
    level           int not null,
    name            text not null,
    leader_member_id uuid,
    leader_name     text not null,
    area            text not null,
    households      int not null,
    version         bigint not null
);
create index grid_organization on grid (organization_id);
create index grid_parent on grid (parent_id);

create table grid_member (
    grid_id     uuid not null references grid (id),
    member_id   uuid not null,
    member_name text not null,
    joined_on   date not null,
    left_on     date,
    primary key (grid_id, member_id, joined_on)
);
