-- Member records (党员档案). National ID and phone are stored only encrypted (AES-GCM, key id in
-- the value) and found through keyed HMAC blind indexes; no plaintext ever reaches this table.
create sequence member_number_seq;

create table member (
    id                 uuid primary key,
    member_number      text not null unique,
    name               text not null,
    gender             text not null,
    ethnicity          text not null,
    birth_date         date not null,
    national_id        text not null,
    national_id_index  text not null,
    phone              text,
    phone_index        text,
    education          text,
    category           text not null,
    work_unit          text,
    org_id             uuid not null,
    group_id           uuid,
    grid               text,
    stage              text not null,
    applied_on         date,
    activist_on        date,
    candidate_on       date,
    admitted_on        date,
    full_on            date,
    registered_on      date not null,
    version            bigint not null
);
-- One record per person: a second registration of the same national ID is refused.
create unique index member_national_id_index on member (national_id_index);
create index member_phone_index on member (phone_index);
create index member_org on member (org_id, id);
create index member_name on member (name text_pattern_ops);

-- The audit log (audit_entry) this migration also created belongs to platform/api-support now, which creates it with
-- its own migrations before this service's (PlatformSchemas).
