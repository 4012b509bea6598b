-- Pairing (结对帮扶): a member paired with a beneficiary, until the pairing ends.
create table pairing (
    id             uuid primary key,
    beneficiary_id uuid not null references beneficiary (id),
    member_id      uuid not null,
    status         text not null check (status in ('ACTIVE', 'ENDED')),
    started_on     date not null,
    ended_on       date,
    end_reason     text,
    created_by     text not null,
    version        bigint not null
);
create unique index pairing_one_active on pairing (beneficiary_id, member_id) where status = 'ACTIVE';
create index pairing_member on pairing (member_id);

-- Visit log (民情日记): who visited whom, what was found and promised, when to follow up.
create table visit_log (
    id                uuid primary key,
    beneficiary_id    uuid not null references beneficiary (id),
    visited_on        date not null,
    visitor           text not null,
    visitor_member_id uuid,
    findings_enc      text not null,
    promises          text,
    follow_up_due     date,
    followed_up_on    date,
    recorded_at       timestamptz not null,
    version           bigint not null
);
create index visit_log_beneficiary on visit_log (beneficiary_id, visited_on);
create index visit_log_follow_up_pending on visit_log (follow_up_due) where follow_up_due is not null and followed_up_on is null;

-- Condolence campaigns (慰问): recipients and amounts, paid from a fund, delivered one by one.
create table condolence_campaign (
    id         uuid primary key,
    org_id     uuid not null,
    fund_id    uuid not null references fund (id),
    name       text not null,
    occasion   text not null check (occasion in ('SPRING_FESTIVAL', 'PARTY_FOUNDING_DAY', 'OTHER')),
    created_by text not null,
    created_at timestamptz not null,
    version    bigint not null
);
create index condolence_campaign_org on condolence_campaign (org_id);

create table campaign_recipient (
    id              uuid primary key,
    campaign_id     uuid not null references condolence_campaign (id),
    beneficiary_id  uuid not null references beneficiary (id),
    amount          numeric(14, 2) not null check (amount > 0),
    status          text not null check (status in ('PENDING', 'DELIVERED')),
    delivered_on    date,
    delivered_by    text,
    ledger_entry_id uuid references ledger_entry (id),
    version         bigint not null,
    constraint campaign_recipient_once unique (campaign_id, beneficiary_id)
);
