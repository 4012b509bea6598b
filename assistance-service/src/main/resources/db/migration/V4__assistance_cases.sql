-- Assistance cases (帮扶档案) and their history: every step, visit, objection and change of organization.
create table assistance_case (
    id                   uuid primary key,
    beneficiary_id       uuid not null references beneficiary (id),
    org_id               uuid not null,
    category             text not null,
    status               text not null,
    requested_amount     numeric(14, 2) not null check (requested_amount > 0),
    description_enc      text,
    applied_on           date not null,
    applied_by           text not null,
    on_behalf            boolean not null,
    last_step_on         date not null,
    approved_amount      numeric(14, 2),
    approval_level       text,
    approved_by          text,
    approved_on          date,
    notice_starts_on     date,
    notice_ends_on       date,
    fund_id              uuid references fund (id),
    ledger_entry_id      uuid references ledger_entry (id),
    disbursed_amount     numeric(14, 2),
    disbursed_on         date,
    disbursed_by         text,
    closed_on            date,
    outcome              text,
    rejection_reason     text,
    -- Set when the case's organization was dissolved: someone must give it to another branch.
    reassignment_needed  boolean not null default false,
    version              bigint not null
);
create index assistance_case_org on assistance_case (org_id, status);
create index assistance_case_beneficiary on assistance_case (beneficiary_id);
create index assistance_case_reassignment on assistance_case (org_id) where reassignment_needed;

create table case_transition (
    id          uuid primary key,
    case_id     uuid not null references assistance_case (id),
    step        text not null,
    from_status text not null,
    to_status   text not null,
    occurred_on date not null,
    actor       text not null,
    recorded_at timestamptz not null,
    note        text
);
create index case_transition_case on case_transition (case_id, recorded_at);

create table case_visit (
    id           uuid primary key,
    case_id      uuid not null references assistance_case (id),
    kind         text not null check (kind in ('VERIFICATION', 'FOLLOW_UP')),
    visited_on   date not null,
    visitor      text not null,
    findings_enc text not null,
    recorded_at  timestamptz not null
);
create index case_visit_case on case_visit (case_id, visited_on);

create table case_objection (
    id          uuid primary key,
    case_id     uuid not null references assistance_case (id),
    raised_on   date not null,
    content_enc text not null,
    recorded_by text not null,
    status      text not null check (status in ('OPEN', 'DISMISSED', 'UPHELD')),
    resolution  text,
    resolved_by text,
    resolved_at timestamptz
);
create index case_objection_open on case_objection (case_id) where status = 'OPEN';

create table case_org_change (
    id          uuid primary key,
    case_id     uuid not null references assistance_case (id),
    from_org_id uuid not null,
    to_org_id   uuid,
    reason      text not null,
    event_id    uuid,
    changed_at  timestamptz not null
);
create index case_org_change_case on case_org_change (case_id, changed_at);
