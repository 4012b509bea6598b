-- 结对共建: two organizations work together over a period on agreed content.
create table pairing (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    partner_id      uuid not null references organization (id),
    starts_on       date not null,
    ends_on         date not null,
    content         text not null,
    ended_on        date,
    end_reason      text,
    version         bigint not null
);
create index pairing_organization on pairing (organization_id);
create index pairing_partner on pairing (partner_id);
