-- Transfers of organizational relationship (组织关系转接), within the platform or one-sided to/from outside.
create sequence transfer_letter_seq;

create table transfer (
    id                   uuid primary key,
    letter_number        text not null unique,
    member_id            uuid not null references member (id),
    member_name          text not null,
    kind                 text not null,
    from_org_id          uuid,
    to_org_id            uuid,
    outside_organization text,
    status               text not null,
    issued_on            date not null,
    valid_until          date not null,
    issued_by            text not null,
    note                 text,
    decided_on           date,
    decided_by           text,
    reason               text,
    version              bigint not null
);
-- One open letter per member at a time.
create unique index transfer_one_open_per_member on transfer (member_id) where status = 'ISSUED';
create index transfer_from on transfer (from_org_id, status, id);
create index transfer_to on transfer (to_org_id, status, id);
create index transfer_open_until on transfer (valid_until) where status = 'ISSUED';

-- A member transferred to an organization outside the platform keeps their record, marked as gone.
alter table member add column transferred_out_on date;
