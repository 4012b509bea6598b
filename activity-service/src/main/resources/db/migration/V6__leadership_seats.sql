-- The slice of organization-service's leadership teams (班子) that training requirements and the
-- secretary's lecture need, fed by organization.leadership-changed (the whole team each time).
-- One row per organization: the newest team version applied, so an older one is ignored.
create table leadership_team (
    org_id         uuid primary key,
    source_version bigint not null,
    term_started_on date,
    term_ends_on   date,
    updated_at     timestamptz not null
);

-- Who held which seat, from (inclusive) to (exclusive; null = still held). The event carries open
-- seats only, so a seat ends on the business day of the first team version without it.
create table leadership_seat (
    seat_id     uuid primary key,
    org_id      uuid not null,
    seat        text not null,
    member_id   uuid not null,
    member_name text not null,
    started_on  date not null,
    ended_on    date
);
create index leadership_seat_member on leadership_seat (member_id, started_on);
create index leadership_seat_org on leadership_seat (org_id, seat);
