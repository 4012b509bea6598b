-- The activity database as the previous release left it: every migration of activity-service up to commit b2e0652
-- (branch i28-compliance, before the platform owned its tables) applied by Flyway 12 with their checksums, plus a few
-- rows in platform and service tables (UpgradeFromThePreviousReleaseTest). Generated once with pg_dump --column-inserts
-- (PostgreSQL 15.18) from a database migrated by those files; psql's \restrict lines are skipped when it is loaded.
--
-- PostgreSQL database dump
--

\restrict SMpHlvLdZZ5eqaxu9p7Sx9cXQYjZtYJaH35I5E6y1tqXlbHLnZPNaXwTgSyZjdd

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: activity_figures_fill(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.activity_figures_fill() RETURNS void
    LANGUAGE sql
    AS $$
  delete from activity_figures_ytd;

  insert into activity_figures_ytd (org_id, year, expected, present, on_leave, held_branch_general_meeting,
                                    held_branch_committee_meeting, held_group_meeting, held_party_lecture, held_themed_party_day,
                                    held_organizational_life_meeting, held_democratic_evaluation, held_study_session, held_training,
                                    held_volunteer_service, held_joint_meeting)
  with held as (
    select org_id, year, type,
           array(select count(*) filter (where month <= k) from unnest(months) as month cross join generate_series(1, 12) as k
                 group by k order by k) as held
    from (select org_id, cast(extract(year from held_on) as int) as year, type,
                 array_agg(cast(extract(month from held_on) as int)) as months
          from activity where status = 'HELD' group by 1, 2, 3) a
  ),
  held_by_type as (
    select org_id, year,
           max(held) filter (where type = 'BRANCH_GENERAL_MEETING') as held_branch_general_meeting,
           max(held) filter (where type = 'BRANCH_COMMITTEE_MEETING') as held_branch_committee_meeting,
           max(held) filter (where type = 'GROUP_MEETING') as held_group_meeting,
           max(held) filter (where type = 'PARTY_LECTURE') as held_party_lecture,
           max(held) filter (where type = 'THEMED_PARTY_DAY') as held_themed_party_day,
           max(held) filter (where type = 'ORGANIZATIONAL_LIFE_MEETING') as held_organizational_life_meeting,
           max(held) filter (where type = 'DEMOCRATIC_EVALUATION') as held_democratic_evaluation,
           max(held) filter (where type = 'STUDY_SESSION') as held_study_session,
           max(held) filter (where type = 'TRAINING') as held_training,
           max(held) filter (where type = 'VOLUNTEER_SERVICE') as held_volunteer_service,
           max(held) filter (where type = 'JOINT_MEETING') as held_joint_meeting
    from held group by org_id, year
  ),
  attendance as (
    select org_id, year,
           array(select coalesce(sum(x.expected) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
                 cross join generate_series(1, 12) as k group by k order by k) as expected,
           array(select coalesce(sum(x.present) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
                 cross join generate_series(1, 12) as k group by k order by k) as present,
           array(select coalesce(sum(x.on_leave) filter (where x.month <= k), 0) from unnest(months, e, p, l) as x(month, expected, present, on_leave)
                 cross join generate_series(1, 12) as k group by k order by k) as on_leave
    from (select org_id, cast(extract(year from held_on) as int) as year, array_agg(cast(extract(month from held_on) as int)) as months,
                 array_agg(expected_count) as e, array_agg(present_count) as p, array_agg(leave_count) as l
          from activity where status = 'HELD' group by 1, 2) a
  )
  select t.org_id, t.year, t.expected, t.present, t.on_leave, h.held_branch_general_meeting, h.held_branch_committee_meeting,
         h.held_group_meeting, h.held_party_lecture, h.held_themed_party_day, h.held_organizational_life_meeting,
         h.held_democratic_evaluation, h.held_study_session, h.held_training, h.held_volunteer_service, h.held_joint_meeting
  from attendance t join held_by_type h on h.org_id = t.org_id and h.year = t.year;
$$;


--
-- Name: audit_entry_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    raise exception 'audit_entry is append-only';
end $$;


--
-- Name: compliance_rollup_fill(text[], text[], numeric, numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.compliance_rollup_fill(p_roster_stages text[], p_leader_seats text[], p_member_hours numeric, p_leader_hours numeric) RETURNS void
    LANGUAGE sql
    AS $$
  select activity_figures_fill();
  delete from branch_member_figures;

  -- every member's explicit years up to the last year anyone's figures change in: no later year needs a row
  insert into branch_member_figures (org_id, year, full_members, on_roster, leaders, below, leaders_below)
  with last_year as (
    select cast(greatest((select max(extract(year from coalesce(valid_to, valid_from))) from membership_period),
                         (select max(extract(year from coalesce(ended_on, started_on))) from leadership_seat),
                         (select max(year) from member_training_ytd)) as int) as year
  ),
  figures as (
    select org_id, year, month, sum(full_member) as full_members, sum(on_roster) as on_roster, sum(leader) as leaders,
           sum(below) as below, sum(leader_below) as leaders_below
    from member_month_figures(null, (select year from last_year), p_roster_stages, p_leader_seats, p_member_hours, p_leader_hours)
    where year is not null group by org_id, year, month
  )
  select org_id, year, array_agg(full_members order by month), array_agg(on_roster order by month),
         array_agg(leaders order by month), array_agg(below order by month), array_agg(leaders_below order by month)
  from (select k.org_id, k.year, m.month, coalesce(f.full_members, 0) as full_members, coalesce(f.on_roster, 0) as on_roster,
               coalesce(f.leaders, 0) as leaders, coalesce(f.below, 0) as below, coalesce(f.leaders_below, 0) as leaders_below
        from (select distinct org_id, year from figures) k cross join generate_series(1, 12) as m(month)
        left join figures f on f.org_id = k.org_id and f.year = k.year and f.month = m.month) dense
  group by org_id, year;

  insert into member_figures_rules (id, roster_stages, leader_seats, member_hours, leader_hours)
  values (1, p_roster_stages, p_leader_seats, p_member_hours, p_leader_hours)
  on conflict (id) do update set roster_stages = excluded.roster_stages, leader_seats = excluded.leader_seats,
    member_hours = excluded.member_hours, leader_hours = excluded.leader_hours;
$$;


--
-- Name: figures_add(integer[], integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.figures_add(a integer[], b integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE
    AS $$
  select array(select x + y from unnest(a, b) with ordinality as u(x, y, i) order by i)
$$;


--
-- Name: member_month_figures(uuid[], integer, text[], text[], numeric, numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.member_month_figures(p_members uuid[], p_to_year integer, p_roster_stages text[], p_leader_seats text[], p_member_hours numeric, p_leader_hours numeric) RETURNS TABLE(member_id uuid, org_id uuid, year integer, month integer, full_member integer, on_roster integer, leader integer, below integer, leader_below integer)
    LANGUAGE sql STABLE
    AS $$
  select * from member_month_figures(p_members, null, p_to_year, p_roster_stages, p_leader_seats, p_member_hours,
                                     p_leader_hours)
$$;


--
-- Name: member_month_figures(uuid[], integer[], integer, text[], text[], numeric, numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.member_month_figures(p_members uuid[], p_from_years integer[], p_to_year integer, p_roster_stages text[], p_leader_seats text[], p_member_hours numeric, p_leader_hours numeric) RETURNS TABLE(member_id uuid, org_id uuid, year integer, month integer, full_member integer, on_roster integer, leader integer, below integer, leader_below integer)
    LANGUAGE plpgsql STABLE
    AS $_$
declare
  v_hash_joins text := current_setting('enable_hashjoin');
  v_merge_joins text := current_setting('enable_mergejoin');
begin
  -- Planned on every call with the arguments as constants (EXECUTE ... USING): a few members' figures must
  -- be read through the member indexes and every member's (the backfill) by scanning, and a plan made for
  -- either, or for an array the planner cannot see into, reads the other way (4.5 s for 131 members).
  -- Below some size the planner still hashes whole tables for a few members (5 ms for one member of
  -- 30,000, twice per change), so a call for given members joins member by member only.
  if p_members is not null then
    perform set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
  end if;
  return query execute $q$
  with asked as (
    -- the members asked for, each from their year, or ($1 null) every member from their first
    select a.member_id, a.from_year from unnest($1, $2) as a(member_id, from_year)
    union all
    select distinct p.member_id, cast(null as int) from membership_period p where $1 is null
  ),
  span as (
    select a.member_id, greatest(min(x.first_year), a.from_year) as first_year,
           greatest(max(x.last_year), $3, a.from_year) as last_year
    from asked a
    join (select p.member_id, cast(extract(year from p.valid_from) as int) as first_year,
                 cast(extract(year from coalesce(p.valid_to, p.valid_from)) as int) as last_year
          from membership_period p
          union all
          select s.member_id, null, cast(extract(year from coalesce(s.ended_on, s.started_on)) as int) from leadership_seat s
          union all
          select t.member_id, null, t.year from member_training_ytd t) x on x.member_id = a.member_id
    group by a.member_id, a.from_year having min(x.first_year) is not null
  ),
  month_end as (
    -- the years as an array's elements: the planner guesses 10 per member for those, 1000 for a series
    select s.member_id, y.year, k.month, cast(make_date(y.year, k.month, 1) + interval '1 month - 1 day' as date) as day
    from span s cross join unnest(array(select generate_series(s.first_year, s.last_year))) as y(year)
    cross join generate_series(1, 12) as k(month)
    union all
    -- after every change: any day of the year after the last
    select s.member_id, null, k.month, make_date(s.last_year + 1, 12, 31)
    from span s cross join generate_series(1, 12) as k(month)
  ),
  standing as (
    select e.member_id, p.org_id, e.year, e.month, coalesce(p.stage = 'FULL', false) as full_member,
           (p.stage is null or p.stage = any($4)) as on_roster,
           exists (select 1 from leadership_seat s
                   where s.member_id = e.member_id and s.seat = any($5)
                     and s.started_on <= e.day and (s.ended_on is null or s.ended_on > e.day)) as leader,
           coalesce(t.hours[e.month], 0) as hours
    from month_end e
    join membership_period p on p.member_id = e.member_id and p.valid_from <= e.day and (p.valid_to is null or p.valid_to > e.day)
    left join member_training_ytd t on t.member_id = e.member_id and t.year = e.year
  )
  select member_id, org_id, year, month, cast(full_member as int), cast(on_roster as int), cast(on_roster and leader as int),
         cast(on_roster and hours < case when leader then $7 else $6 end as int),
         cast(on_roster and leader and hours < $7 as int)
  from standing
  $q$ using p_members, p_from_years, p_to_year, p_roster_stages, p_leader_seats, p_member_hours, p_leader_hours;
  perform set_config('enable_hashjoin', v_hash_joins, true), set_config('enable_mergejoin', v_merge_joins, true);
end
$_$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: activity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity (
    id uuid NOT NULL,
    org_id uuid NOT NULL,
    type text NOT NULL,
    topic text NOT NULL,
    planned_start timestamp with time zone NOT NULL,
    planned_end timestamp with time zone,
    place text,
    online_link text,
    host text,
    recorder text,
    status text NOT NULL,
    planned_at timestamp with time zone NOT NULL,
    planned_by text NOT NULL,
    actual_start timestamp with time zone,
    actual_end timestamp with time zone,
    held_on date,
    minutes text,
    revision integer DEFAULT 0 NOT NULL,
    recorded_at timestamp with time zone,
    recorded_by text,
    cancelled_at timestamp with time zone,
    cancelled_by text,
    cancel_reason text,
    org_dissolved_at timestamp with time zone,
    version bigint NOT NULL,
    expected_count integer DEFAULT 0 NOT NULL,
    present_count integer DEFAULT 0 NOT NULL,
    leave_count integer DEFAULT 0 NOT NULL,
    reassigned_from uuid,
    reassigned_at timestamp with time zone,
    reassigned_by text,
    host_member_id uuid,
    recorder_member_id uuid
);


--
-- Name: activity_attendance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity_attendance (
    activity_id uuid NOT NULL,
    member_id uuid NOT NULL,
    status text NOT NULL,
    leave_reason text,
    hours numeric(6,2)
);


--
-- Name: activity_figures_ytd; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity_figures_ytd (
    org_id uuid NOT NULL,
    year integer NOT NULL,
    expected integer[] NOT NULL,
    present integer[] NOT NULL,
    on_leave integer[] NOT NULL,
    held_branch_general_meeting integer[],
    held_branch_committee_meeting integer[],
    held_group_meeting integer[],
    held_party_lecture integer[],
    held_themed_party_day integer[],
    held_organizational_life_meeting integer[],
    held_democratic_evaluation integer[],
    held_study_session integer[],
    held_training integer[],
    held_volunteer_service integer[],
    held_joint_meeting integer[]
);


--
-- Name: activity_attendance_ytd; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.activity_attendance_ytd AS
 SELECT activity_figures_ytd.org_id,
    activity_figures_ytd.year,
    activity_figures_ytd.expected,
    activity_figures_ytd.present,
    activity_figures_ytd.on_leave
   FROM public.activity_figures_ytd;


--
-- Name: activity_guest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity_guest (
    activity_id uuid NOT NULL,
    "position" integer NOT NULL,
    name text NOT NULL,
    organization text
);


--
-- Name: activity_held_ytd; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.activity_held_ytd AS
 SELECT f.org_id,
    f.year,
    h.type,
    h.held
   FROM (public.activity_figures_ytd f
     CROSS JOIN LATERAL ( VALUES ('BRANCH_GENERAL_MEETING'::text,f.held_branch_general_meeting), ('BRANCH_COMMITTEE_MEETING'::text,f.held_branch_committee_meeting), ('GROUP_MEETING'::text,f.held_group_meeting), ('PARTY_LECTURE'::text,f.held_party_lecture), ('THEMED_PARTY_DAY'::text,f.held_themed_party_day), ('ORGANIZATIONAL_LIFE_MEETING'::text,f.held_organizational_life_meeting), ('DEMOCRATIC_EVALUATION'::text,f.held_democratic_evaluation), ('STUDY_SESSION'::text,f.held_study_session), ('TRAINING'::text,f.held_training), ('VOLUNTEER_SERVICE'::text,f.held_volunteer_service), ('JOINT_MEETING'::text,f.held_joint_meeting)) h(type, held))
  WHERE (h.held IS NOT NULL);


--
-- Name: activity_revision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity_revision (
    activity_id uuid NOT NULL,
    revision integer NOT NULL,
    recording jsonb NOT NULL,
    superseded_at timestamp with time zone NOT NULL,
    superseded_by text NOT NULL,
    reason text NOT NULL
);


--
-- Name: audit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entry (
    id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    target_type text NOT NULL,
    target_id uuid,
    details json NOT NULL,
    org_id uuid
);


--
-- Name: branch_member_figures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.branch_member_figures (
    org_id uuid NOT NULL,
    year integer NOT NULL,
    full_members integer[] NOT NULL,
    on_roster integer[] NOT NULL,
    leaders integer[] NOT NULL,
    below integer[] NOT NULL,
    leaders_below integer[] NOT NULL
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: idempotent_request; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotent_request (
    caller text NOT NULL,
    idempotency_key text NOT NULL,
    operation text NOT NULL,
    request_hash text NOT NULL,
    response_status integer,
    response_headers jsonb,
    response_body jsonb,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: leadership_seat; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leadership_seat (
    seat_id uuid NOT NULL,
    org_id uuid NOT NULL,
    seat text NOT NULL,
    member_id uuid NOT NULL,
    member_name text NOT NULL,
    started_on date NOT NULL,
    ended_on date
);


--
-- Name: COLUMN leadership_seat.ended_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leadership_seat.ended_on IS 'first day no longer held (exclusive); endedSeats[].endedOn of organization.leadership-changed, or the business day of the event for events without it';


--
-- Name: leadership_team; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leadership_team (
    org_id uuid NOT NULL,
    source_version bigint NOT NULL,
    term_started_on date,
    term_ends_on date,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: member_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_event (
    event_id uuid NOT NULL,
    member_id uuid NOT NULL,
    version bigint NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamp with time zone NOT NULL
);


--
-- Name: member_figures_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_figures_rules (
    id integer NOT NULL,
    roster_stages text[] NOT NULL,
    leader_seats text[] NOT NULL,
    member_hours numeric(10,2) NOT NULL,
    leader_hours numeric(10,2) NOT NULL,
    CONSTRAINT member_figures_rules_id_check CHECK ((id = 1))
);


--
-- Name: member_training_hours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_training_hours (
    member_id uuid NOT NULL,
    held_month date NOT NULL,
    hours numeric(10,2) NOT NULL,
    CONSTRAINT member_training_hours_held_month_check CHECK ((EXTRACT(day FROM held_month) = (1)::numeric))
);


--
-- Name: member_training_ytd; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_training_ytd (
    member_id uuid NOT NULL,
    year integer NOT NULL,
    hours numeric(10,2)[] NOT NULL,
    CONSTRAINT member_training_ytd_hours_check CHECK (((array_lower(hours, 1) = 1) AND (array_length(hours, 1) = 12)))
);


--
-- Name: membership_period; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.membership_period (
    member_id uuid NOT NULL,
    org_id uuid NOT NULL,
    stage text,
    valid_from date NOT NULL,
    valid_to date,
    CONSTRAINT membership_period_check CHECK (((valid_to IS NULL) OR (valid_to > valid_from)))
);


--
-- Name: org_sector; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.org_sector (
    org_id uuid NOT NULL,
    sector text,
    source_version bigint NOT NULL
);


--
-- Name: org_unit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.org_unit (
    id uuid NOT NULL,
    parent_id uuid,
    path text NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    status text NOT NULL,
    source_version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: outbox_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_event (
    "position" bigint NOT NULL,
    id uuid NOT NULL,
    topic text NOT NULL,
    type text NOT NULL,
    source text NOT NULL,
    aggregate_id uuid NOT NULL,
    payload json NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL
);


--
-- Name: outbox_event_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.outbox_event ALTER COLUMN "position" ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.outbox_event_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: processed_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.processed_event (
    consumer text NOT NULL,
    event_id uuid NOT NULL,
    processed_at timestamp with time zone NOT NULL
);


--
-- Name: roster_member; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.roster_member (
    member_id uuid NOT NULL,
    name text,
    org_id uuid,
    stage text,
    ended_on date,
    source_version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    transferred_out_on date
);


--
-- Name: year_plan; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.year_plan (
    org_id uuid NOT NULL,
    year integer NOT NULL,
    generated_at timestamp with time zone NOT NULL,
    generated_by text NOT NULL,
    activities integer NOT NULL
);


--
-- Data for Name: activity; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.activity (id, org_id, type, topic, planned_start, planned_end, place, online_link, host, recorder, status, planned_at, planned_by, actual_start, actual_end, held_on, minutes, revision, recorded_at, recorded_by, cancelled_at, cancelled_by, cancel_reason, org_dissolved_at, version, expected_count, present_count, leave_count, reassigned_from, reassigned_at, reassigned_by, host_member_id, recorder_member_id) VALUES ('0193a1b2-0000-7000-8000-0000000000f1', '0193a1b2-0000-7000-8000-0000000000b2', 'BRANCH_MEETING', '学习党的二十届四中全会精神', '2026-12-10 11:00:00+00', NULL, NULL, NULL, NULL, NULL, 'PLANNED', '2026-11-30 01:00:00+00', 'dangjian-admin', NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 1, 0, 0, 0, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: activity_attendance; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: activity_figures_ytd; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: activity_guest; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: activity_revision; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d1', '2026-11-30 01:00:00+00', 'dangjian-admin', 'FIXTURE_CREATED', 'FIXTURE', '0193a1b2-0000-7000-8000-0000000000a1', '{"after": {"name": "第一党支部"}}', '0193a1b2-0000-7000-8000-0000000000b2');
INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d2', '2026-11-30 01:01:00+00', 'dangjian-admin', 'FIXTURE_READ', 'FIXTURE', NULL, '{}', NULL);


--
-- Data for Name: branch_member_figures; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (1, '1', 'organization tree copy and messaging', 'SQL', 'V1__organization_tree_copy_and_messaging.sql', -484489059, 'postgres', '2026-12-06 20:33:12.945316', 282, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (2, '2', 'member roster', 'SQL', 'V2__member_roster.sql', -849218522, 'postgres', '2026-12-06 20:33:13.897033', 144, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (3, '3', 'activities', 'SQL', 'V3__activities.sql', 756205361, 'postgres', '2026-12-06 20:33:14.356629', 267, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (4, '4', 'activity attendance counts', 'SQL', 'V4__activity_attendance_counts.sql', 675551410, 'postgres', '2026-12-06 20:33:14.692469', 99, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (5, '5', 'year plans', 'SQL', 'V5__year_plans.sql', -1739125571, 'postgres', '2026-12-06 20:33:14.867322', 109, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (6, '6', 'leadership seats', 'SQL', 'V6__leadership_seats.sql', -1352286860, 'postgres', '2026-12-06 20:33:15.052631', 121, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (7, '7', 'audit log', 'SQL', 'V7__audit_log.sql', -782503693, 'postgres', '2026-12-06 20:33:15.250664', 92, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (8, '8', 'activity reassignment', 'SQL', 'V8__activity_reassignment.sql', 72291644, 'postgres', '2026-12-06 20:33:15.401697', 63, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (9, '9', 'activity host member', 'SQL', 'V9__activity_host_member.sql', 211952236, 'postgres', '2026-12-06 20:33:15.565743', 54, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (10, '10', 'idempotent request', 'SQL', 'V10__idempotent_request.sql', -1618158118, 'postgres', '2026-12-06 20:33:15.824646', 120, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (11, '11', 'audit entry organization', 'SQL', 'V11__audit_entry_organization.sql', 485536342, 'postgres', '2026-12-06 20:33:16.182261', 83, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (12, '12', 'member training hours', 'SQL', 'V12__member_training_hours.sql', 1965229983, 'postgres', '2026-12-06 20:33:16.348695', 30, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (13, '13', 'leadership seat end dates', 'SQL', 'V13__leadership_seat_end_dates.sql', -1211418137, 'postgres', '2026-12-06 20:33:16.446924', 15, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (14, '14', 'compliance report figures', 'SQL', 'V14__compliance_report_figures.sql', 1119681476, 'postgres', '2026-12-06 20:33:16.48583', 77, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (15, '15', 'compliance rollup', 'SQL', 'V15__compliance_rollup.sql', -123551302, 'postgres', '2026-12-06 20:33:16.596415', 4469, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (16, '16', 'activity figures one row', 'SQL', 'V16__activity_figures_one_row.sql', -1579441050, 'postgres', '2026-12-06 20:33:21.206916', 221, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (17, '17', 'member figures from a year', 'SQL', 'V17__member_figures_from_a_year.sql', -170456180, 'postgres', '2026-12-06 20:33:21.57911', 75, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (18, '18', 'events and audit details as written', 'SQL', 'V18__events_and_audit_details_as_written.sql', 486246294, 'postgres', '2026-12-06 20:33:21.817786', 177, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (19, '19', 'members leaving the platform', 'SQL', 'V19__members_leaving_the_platform.sql', 2013633202, 'postgres', '2026-12-06 20:33:22.069735', 97, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (20, '20', 'organization sectors', 'SQL', 'V20__organization_sectors.sql', -1958639853, 'postgres', '2026-12-06 20:33:22.221452', 41, true);


--
-- Data for Name: idempotent_request; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotent_request (caller, idempotency_key, operation, request_hash, response_status, response_headers, response_body, created_at) VALUES ('["dangjian-admin","dangjian-admin",null]', 'fixture-key-0001', 'POST /fixtures', 'c0ffee', 201, '{"Location": "/api/v1/fixtures/1"}', '{"id": "1"}', '2026-11-30 01:00:00+00');


--
-- Data for Name: leadership_seat; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: leadership_team; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_event; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_figures_rules; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.member_figures_rules (id, roster_stages, leader_seats, member_hours, leader_hours) VALUES (1, '{PROBATIONARY,FULL}', '{SECRETARY,DEPUTY_SECRETARY,ORGANIZATION,PUBLICITY,DISCIPLINE,OTHER}', 32.00, 56.00);


--
-- Data for Name: member_training_hours; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_training_ytd; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: membership_period; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: org_sector; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.org_sector (org_id, sector, source_version) VALUES ('0193a1b2-0000-7000-8000-0000000000b2', 'VILLAGE', 3);


--
-- Data for Name: org_unit; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at) VALUES ('0193a1b2-0000-7000-8000-0000000000b1', NULL, '/0193a1b2-0000-7000-8000-0000000000b1/', 'D0001', '西城镇党委', 'COMMITTEE', 'ACTIVE', 1, '2026-11-30 00:00:00+00');
INSERT INTO public.org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at) VALUES ('0193a1b2-0000-7000-8000-0000000000b2', '0193a1b2-0000-7000-8000-0000000000b1', '/0193a1b2-0000-7000-8000-0000000000b1/0193a1b2-0000-7000-8000-0000000000b2/', 'D0002', '西城村第一党支部', 'BRANCH', 'ACTIVE', 3, '2026-11-30 00:30:00+00');


--
-- Data for Name: outbox_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (1, '0193a1b2-0000-7000-8000-000000000001', 'dangjian.activity.v1', 'fixture.recorded', 'activity-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 1, "text": "发布 \"quoted\""}', '2026-11-30 01:00:00+00', '2026-11-30 01:00:01+00', 1);
INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (2, '0193a1b2-0000-7000-8000-000000000002', 'dangjian.activity.v1', 'fixture.recorded', 'activity-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 2}', '2026-11-30 01:05:00+00', '2026-11-30 01:05:01+00', 1);


--
-- Data for Name: processed_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('activity-service.fixture', '0193a1b2-0000-7000-8000-0000000000e1', '2026-11-30 00:00:00+00');
INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('activity-service.fixture', '0193a1b2-0000-7000-8000-0000000000e2', '2026-11-30 00:00:01+00');


--
-- Data for Name: roster_member; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: year_plan; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: outbox_event_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_event_position_seq', 2, true);


--
-- Name: activity_attendance activity_attendance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_attendance
    ADD CONSTRAINT activity_attendance_pkey PRIMARY KEY (activity_id, member_id);


--
-- Name: activity_figures_ytd activity_figures_ytd_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_figures_ytd
    ADD CONSTRAINT activity_figures_ytd_pkey PRIMARY KEY (org_id, year);


--
-- Name: activity_guest activity_guest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_guest
    ADD CONSTRAINT activity_guest_pkey PRIMARY KEY (activity_id, "position");


--
-- Name: activity activity_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity
    ADD CONSTRAINT activity_pkey PRIMARY KEY (id);


--
-- Name: activity_revision activity_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_revision
    ADD CONSTRAINT activity_revision_pkey PRIMARY KEY (activity_id, revision);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: branch_member_figures branch_member_figures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.branch_member_figures
    ADD CONSTRAINT branch_member_figures_pkey PRIMARY KEY (org_id, year);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: idempotent_request idempotent_request_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotent_request
    ADD CONSTRAINT idempotent_request_pkey PRIMARY KEY (caller, idempotency_key);


--
-- Name: leadership_seat leadership_seat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leadership_seat
    ADD CONSTRAINT leadership_seat_pkey PRIMARY KEY (seat_id);


--
-- Name: leadership_team leadership_team_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leadership_team
    ADD CONSTRAINT leadership_team_pkey PRIMARY KEY (org_id);


--
-- Name: member_event member_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_event
    ADD CONSTRAINT member_event_pkey PRIMARY KEY (event_id);


--
-- Name: member_figures_rules member_figures_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_figures_rules
    ADD CONSTRAINT member_figures_rules_pkey PRIMARY KEY (id);


--
-- Name: member_training_hours member_training_hours_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_training_hours
    ADD CONSTRAINT member_training_hours_pkey PRIMARY KEY (member_id, held_month);


--
-- Name: member_training_ytd member_training_ytd_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_training_ytd
    ADD CONSTRAINT member_training_ytd_pkey PRIMARY KEY (member_id, year);


--
-- Name: membership_period membership_period_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.membership_period
    ADD CONSTRAINT membership_period_pkey PRIMARY KEY (member_id, valid_from);


--
-- Name: org_sector org_sector_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.org_sector
    ADD CONSTRAINT org_sector_pkey PRIMARY KEY (org_id);


--
-- Name: org_unit org_unit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.org_unit
    ADD CONSTRAINT org_unit_pkey PRIMARY KEY (id);


--
-- Name: outbox_event outbox_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_event
    ADD CONSTRAINT outbox_event_pkey PRIMARY KEY ("position");


--
-- Name: processed_event processed_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.processed_event
    ADD CONSTRAINT processed_event_pkey PRIMARY KEY (consumer, event_id);


--
-- Name: roster_member roster_member_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.roster_member
    ADD CONSTRAINT roster_member_pkey PRIMARY KEY (member_id);


--
-- Name: year_plan year_plan_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.year_plan
    ADD CONSTRAINT year_plan_pkey PRIMARY KEY (org_id, year);


--
-- Name: activity_attendance_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_attendance_member ON public.activity_attendance USING btree (member_id);


--
-- Name: activity_awaiting_reassignment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_awaiting_reassignment ON public.activity USING btree (org_id) WHERE ((status = 'PLANNED'::text) AND (org_dissolved_at IS NOT NULL));


--
-- Name: activity_held; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_held ON public.activity USING btree (held_on, org_id) WHERE (status = 'HELD'::text);


--
-- Name: activity_hosted_lecture; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_hosted_lecture ON public.activity USING btree (held_on) WHERE ((status = 'HELD'::text) AND (type = 'PARTY_LECTURE'::text) AND (host_member_id IS NOT NULL));


--
-- Name: activity_org_planned; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_org_planned ON public.activity USING btree (org_id, planned_start);


--
-- Name: activity_planned_host; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_planned_host ON public.activity USING btree (host_member_id) WHERE ((status = 'PLANNED'::text) AND (host_member_id IS NOT NULL));


--
-- Name: activity_planned_recorder; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX activity_planned_recorder ON public.activity USING btree (recorder_member_id) WHERE ((status = 'PLANNED'::text) AND (recorder_member_id IS NOT NULL));


--
-- Name: audit_entry_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_org ON public.audit_entry USING btree (org_id, occurred_at DESC);


--
-- Name: audit_entry_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_target ON public.audit_entry USING btree (target_type, target_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: idempotent_request_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotent_request_created ON public.idempotent_request USING btree (created_at);


--
-- Name: leadership_seat_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leadership_seat_member ON public.leadership_seat USING btree (member_id, started_on);


--
-- Name: leadership_seat_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leadership_seat_org ON public.leadership_seat USING btree (org_id, seat);


--
-- Name: member_event_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_event_member ON public.member_event USING btree (member_id, version);


--
-- Name: membership_period_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX membership_period_org ON public.membership_period USING btree (org_id, valid_from);


--
-- Name: org_unit_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX org_unit_parent ON public.org_unit USING btree (parent_id);


--
-- Name: org_unit_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX org_unit_path ON public.org_unit USING btree (path text_pattern_ops);


--
-- Name: outbox_event_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_event_pending ON public.outbox_event USING btree ("position") WHERE (published_at IS NULL);


--
-- Name: roster_member_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX roster_member_org ON public.roster_member USING btree (org_id);


--
-- Name: audit_entry audit_entry_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_append_only();


--
-- Name: activity_attendance activity_attendance_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_attendance
    ADD CONSTRAINT activity_attendance_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.activity(id);


--
-- Name: activity_guest activity_guest_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_guest
    ADD CONSTRAINT activity_guest_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.activity(id);


--
-- Name: activity_revision activity_revision_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_revision
    ADD CONSTRAINT activity_revision_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.activity(id);


--
-- PostgreSQL database dump complete
--

\unrestrict SMpHlvLdZZ5eqaxu9p7Sx9cXQYjZtYJaH35I5E6y1tqXlbHLnZPNaXwTgSyZjdd

