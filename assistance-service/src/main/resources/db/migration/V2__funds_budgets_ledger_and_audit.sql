-- Funds (党费留存, 专项资金, 捐赠) with a yearly budget each and a ledger of every movement.
create table fund (
    id          uuid primary key,
    org_id      uuid not null,
    kind        text not null check (kind in ('RETAINED_DUES', 'SPECIAL', 'DONATION')),
    name        text not null,
    status      text not null,
    created_at  timestamptz not null,
    created_by  text not null,
    version     bigint not null
);
create index fund_org on fund (org_id);

-- The no-overdraw rule also holds in the database: spent never exceeds the amount.
create table budget (
    id           uuid primary key,
    fund_id      uuid not null references fund (id),
    fiscal_year  int not null,
    amount       numeric(14, 2) not null check (amount >= 0),
    spent        numeric(14, 2) not null default 0 check (spent >= 0),
    version      bigint not null,
    constraint budget_one_per_year unique (fund_id, fiscal_year),
    constraint budget_not_overdrawn check (spent <= amount)
);

create table ledger_entry (
    id            uuid primary key,
    fund_id       uuid not null references fund (id),
    budget_id     uuid not null references budget (id),
    fiscal_year   int not null,
    kind          text not null,
    amount        numeric(14, 2) not null,
    balance_after numeric(14, 2) not null,
    occurred_on   date not null,
    recorded_at   timestamptz not null,
    actor         text not null,
    purpose       text,
    case_id       uuid
);
create index ledger_entry_fund on ledger_entry (fund_id, fiscal_year, recorded_at, id);
create index ledger_entry_case on ledger_entry (case_id) where case_id is not null;

-- The audit log (audit_entry) this migration also created belongs to platform/api-support now, which creates it with
-- its own migrations before this service's (PlatformSchemas).
