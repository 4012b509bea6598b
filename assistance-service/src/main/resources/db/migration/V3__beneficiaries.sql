-- Beneficiaries (帮扶对象): members in hardship (by member id) and residents the branches look after.
-- National ID and hardship details are encrypted (PersonalDataProtection); the ID is found by its blind index.
create table beneficiary (
    id                    uuid primary key,
    org_id                uuid not null,
    kind                  text not null check (kind in ('MEMBER', 'RESIDENT')),
    member_id             uuid,
    name                  text,
    national_id_enc       text,
    national_id_index     text,
    address               text,
    household_size        int check (household_size between 1 and 30),
    hardship_details_enc  text,
    status                text not null,
    registered_on         date not null,
    registered_by         text not null,
    -- The member's version in member-service when their branch was last taken from an event.
    member_source_version bigint,
    version               bigint not null,
    constraint beneficiary_member_has_id check (kind <> 'MEMBER' or member_id is not null),
    constraint beneficiary_resident_has_identity check (kind <> 'RESIDENT' or (name is not null and national_id_index is not null))
);
create index beneficiary_org on beneficiary (org_id);
create unique index beneficiary_one_per_member on beneficiary (member_id) where member_id is not null and status = 'ACTIVE';
create unique index beneficiary_one_per_national_id on beneficiary (national_id_index)
    where national_id_index is not null and status = 'ACTIVE';

create table beneficiary_category (
    beneficiary_id uuid not null references beneficiary (id),
    category       text not null check (category in ('LIVING_HARDSHIP', 'ILLNESS', 'DISASTER', 'DISABILITY',
                                                    'UNEMPLOYMENT', 'ELDERLY_ALONE', 'SCHOOLING')),
    primary key (beneficiary_id, category)
);
create index beneficiary_category_by_category on beneficiary_category (category);
