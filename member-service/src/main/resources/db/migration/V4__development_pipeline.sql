-- Development pipeline (发展党员): each stage change with its decision, the contacts (培养联系人)
-- of an activist, probation extensions, and the end of membership.
alter table member add column probation_extension_months int not null default 0;
alter table member add column ended_on date;
alter table member add column end_reason text;

create table member_contact (
    member_id   uuid not null references member (id),
    contact_id  uuid not null references member (id),
    assigned_on date not null,
    primary key (member_id, contact_id)
);

create table member_stage_change (
    id           uuid primary key,
    member_id    uuid not null references member (id),
    from_stage   text not null,
    to_stage     text not null,
    effective_on date not null,
    decision_ref text,
    approver     text,
    reason       text,
    details      jsonb not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index member_stage_change_member on member_stage_change (member_id, effective_on);
