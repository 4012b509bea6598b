-- 党费减免: a member in real hardship pays less (REDUCED, at a set monthly amount) or nothing (WAIVED)
-- for a run of months, on the branch general meeting's decision. Months covered are not arrears at
-- the waived amount and are excused from the six-month lapse flag.
create table dues_exemption (
    id             uuid primary key,
    member_id      uuid not null references member (id),
    kind           text not null,
    from_month     date not null,
    to_month       date not null,
    monthly_amount numeric(14, 2),
    reason         text not null,
    decision_ref   text not null,
    approved_on    date not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    check (from_month <= to_month),
    check ((kind = 'REDUCED') = (monthly_amount is not null))
);
create index dues_exemption_member on dues_exemption (member_id, from_month);
