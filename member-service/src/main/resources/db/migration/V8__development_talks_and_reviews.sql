-- The branch's follow-up of a person in development (发展党员工作细则): the talk (谈话) with an
-- applicant within a month of the application, and the six-monthly review (考察) of an activist.
-- Kept as records, never edited: a late one is stored with late = true, as the inspection needs to see it.
create table member_development_record (
    id           uuid primary key,
    member_id    uuid not null references member (id),
    kind         text not null,
    held_on      date not null,
    due_on       date not null,
    late         boolean not null,
    conducted_by text not null,
    decision_ref text,
    outcome      text,
    summary      text,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index member_development_record_member on member_development_record (member_id, kind, held_on);
-- The reminder lists pick applicants and activists by stage.
create index member_stage_org on member (stage, org_id);
