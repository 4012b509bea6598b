-- Dues (党费): a yearly base per member, then one payment row per month paid.
create table dues_base (
    id             uuid primary key,
    member_id      uuid not null references member (id),
    year           int not null,
    category       text not null,
    monthly_income numeric(14, 2),
    rate           numeric(7, 5),
    monthly_amount numeric(14, 2) not null,
    set_by         text not null,
    set_at         timestamptz not null,
    version        bigint not null,
    unique (member_id, year)
);

create table dues_payment (
    id          uuid primary key,
    member_id   uuid not null references member (id),
    month       date not null,
    amount      numeric(14, 2) not null,
    paid_on     date not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    unique (member_id, month)
);
