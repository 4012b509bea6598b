-- 班子: one team per organization, with its current term (任期); seats are held by members over time.
create table leadership_team (
    organization_id uuid primary key references organization (id),
    term_started_on date,
    -- the last day of the term; re-election is overdue from the day after
    term_ends_on    date,
    changed_at      timestamptz not null,
    version         bigint not null
);
create index leadership_team_term_end on leadership_team (term_ends_on);

create table leadership_seat (
    id              uuid primary key,
    organization_id uuid not null references leadership_team (organization_id),
    seat            text not null,
    member_id       uuid not null,
    member_name     text not null,
    started_on      date not null,
    ended_on        date,
    end_reason      text
);
create index leadership_seat_open on leadership_seat (organization_id) where ended_on is null;
-- One secretary, one organization, publicity and discipline member at a time; deputies and others may be several.
create unique index leadership_seat_single on leadership_seat (organization_id, seat)
    where ended_on is null and seat in ('SECRETARY', 'ORGANIZATION', 'PUBLICITY', 'DISCIPLINE');
