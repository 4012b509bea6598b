-- Mobile members (流动党员): away from home without transferring; where, since when, host branch, contact.
create table mobile_registration (
    id                uuid primary key,
    member_id         uuid not null references member (id),
    home_org_id       uuid not null,
    location          text not null,
    fixed_place       boolean not null,
    since             date not null,
    host_org_id       uuid,
    contact_member_id uuid references member (id),
    note              text,
    status            text not null,
    ended_on          date,
    end_reason        text,
    registered_by     text not null,
    version           bigint not null
);
create unique index mobile_registration_one_active on mobile_registration (member_id) where status = 'ACTIVE';
create index mobile_registration_host on mobile_registration (host_org_id, status, id);
create index mobile_registration_home on mobile_registration (home_org_id, status, id);
