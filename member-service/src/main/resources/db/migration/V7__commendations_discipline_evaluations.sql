-- On the record: commendations (表彰), discipline (党纪处分) and the yearly democratic evaluation (民主评议).
create table member_commendation (
    id          uuid primary key,
    member_id   uuid not null references member (id),
    title       text not null,
    awarded_by  text not null,
    awarded_on  date not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index member_commendation_member on member_commendation (member_id, awarded_on);

create table member_discipline (
    id          uuid primary key,
    member_id   uuid not null references member (id),
    measure     text not null,
    decided_by  text not null,
    decided_on  date not null,
    reason      text not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index member_discipline_member on member_discipline (member_id, decided_on);

create table member_evaluation (
    id          uuid primary key,
    member_id   uuid not null references member (id),
    year        int not null,
    result      text not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    unique (member_id, year)
);
