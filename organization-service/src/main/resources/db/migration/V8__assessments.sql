-- 考核 ("五个好" etc.): a criteria set per year with weights, defined by an organization for its subtree;
-- each organization assesses itself, the defining level reviews, giving the score and rating.
create table assessment_set (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    year            int not null,
    name            text not null,
    version         bigint not null
);
create index assessment_set_organization on assessment_set (organization_id, year);

create table assessment_criterion (
    set_id  uuid not null references assessment_set (id),
    code    text not null,
    name    text not null,
    weight  numeric(5,2) not null,
    primary key (set_id, code)
);

create table assessment (
    id              uuid primary key,
    set_id          uuid not null references assessment_set (id),
    organization_id uuid not null references organization (id),
    status          text not null,
    self_scores     jsonb not null,
    self_score      numeric(5,2) not null,
    review_scores   jsonb,
    score           numeric(5,2),
    rating          text,
    reviewed_by     text,
    version         bigint not null,
    unique (set_id, organization_id)
);
create index assessment_ranking on assessment (set_id, score desc) where status = 'REVIEWED';
