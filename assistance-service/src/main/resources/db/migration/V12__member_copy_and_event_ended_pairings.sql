-- The slice of member-service's records this service needs to check member ids in requests (a beneficiary's
-- member, a pairing's member): where each member is, their stage, whether their membership ended. Fed by
-- member.registered, member.stage-changed, member.transferred and member.ended (reaction/MemberEventConsumer).
-- Each part keeps the member-service version it was last taken from, so events applied late or twice change nothing.
create table member_copy (
    member_id      uuid primary key,
    -- The member's branch; null once they transferred to an organization outside the platform.
    org_id         uuid,
    org_version    bigint not null,
    -- Null while only a transfer of the member has been seen (no registration or stage change yet).
    stage          text check (stage in ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL')),
    stage_version  bigint,
    -- Set by member.ended (DECEASED, WITHDRAWN, REMOVED, EXPELLED); an end is final.
    ended_on       date,
    end_type       text check (end_type in ('DECEASED', 'WITHDRAWN', 'REMOVED', 'EXPELLED')),
    source_version bigint not null,
    updated_at     timestamptz not null
);

-- A pairing ended by a member event (transfer, leaving the platform, end of membership) names that event.
-- (pairing_member, V5, finds a batch's members' pairings.)
alter table pairing add column end_event_id uuid;
