-- The organization database as the previous release left it: every migration of organization-service up to commit b2e0652
-- (branch i28-compliance, before the platform owned its tables) applied by Flyway 12 with their checksums, plus a few
-- rows in platform and service tables (UpgradeFromThePreviousReleaseTest). Generated once with pg_dump --column-inserts
-- (PostgreSQL 15.18) from a database migrated by those files; psql's \restrict lines are skipped when it is loaded.
--
-- PostgreSQL database dump
--

\restrict fcUZNSMoQ211OVHhM22a1IEg8Qmkndz81ewSa0HZ4hI63FIm9yACy6IExX17xcF

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
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: audit_entry_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    raise exception 'audit_entry is append-only';
end $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: assessment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment (
    id uuid NOT NULL,
    set_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    status text NOT NULL,
    self_scores jsonb NOT NULL,
    self_score numeric(5,2) NOT NULL,
    review_scores jsonb,
    score numeric(5,2),
    rating text,
    reviewed_by text,
    version bigint NOT NULL
);


--
-- Name: assessment_criterion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_criterion (
    set_id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    weight numeric(5,2) NOT NULL
);


--
-- Name: assessment_set; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_set (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    year integer NOT NULL,
    name text NOT NULL,
    version bigint NOT NULL
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
-- Name: grid; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grid (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    parent_id uuid,
    level integer NOT NULL,
    name text NOT NULL,
    leader_member_id uuid,
    leader_name text,
    area text NOT NULL,
    households integer NOT NULL,
    version bigint NOT NULL
);


--
-- Name: grid_member; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.grid_member (
    grid_id uuid NOT NULL,
    member_id uuid NOT NULL,
    member_name text NOT NULL,
    joined_on date NOT NULL,
    left_on date,
    left_reason text
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
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    seat text NOT NULL,
    member_id uuid NOT NULL,
    member_name text NOT NULL,
    started_on date NOT NULL,
    ended_on date,
    end_reason text
);


--
-- Name: leadership_team; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leadership_team (
    organization_id uuid NOT NULL,
    term_started_on date,
    term_ends_on date,
    changed_at timestamp with time zone NOT NULL,
    version bigint NOT NULL
);


--
-- Name: member_count; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_count (
    organization_id uuid NOT NULL,
    full_members integer DEFAULT 0 NOT NULL,
    members integer DEFAULT 0 NOT NULL
);


--
-- Name: member_roster; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_roster (
    member_id uuid NOT NULL,
    organization_id uuid,
    stage text,
    ended boolean NOT NULL,
    source_version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: organization; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organization (
    id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    sector text,
    parent_id uuid,
    path text NOT NULL,
    status text NOT NULL,
    established_on date NOT NULL,
    version bigint NOT NULL,
    dissolved_on date,
    dissolution_reason text,
    merged_into_id uuid
);


--
-- Name: organization_code_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.organization_code_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: organization_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organization_history (
    id uuid NOT NULL,
    "position" bigint NOT NULL,
    organization_id uuid NOT NULL,
    change text NOT NULL,
    actor text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    effective_on date NOT NULL,
    reason text,
    before_state jsonb,
    after_state jsonb
);


--
-- Name: organization_history_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.organization_history ALTER COLUMN "position" ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.organization_history_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: organization_snapshot; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organization_snapshot (
    id bigint NOT NULL,
    organization_id uuid NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    parent_id uuid,
    path text NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    sector text,
    status text NOT NULL
);


--
-- Name: organization_snapshot_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.organization_snapshot ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.organization_snapshot_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
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
-- Name: pairing; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pairing (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    partner_id uuid NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    content text NOT NULL,
    ended_on date,
    end_reason text,
    version bigint NOT NULL
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
-- Name: unit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unit (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name text NOT NULL,
    credit_code text NOT NULL,
    kind text NOT NULL,
    region_code text NOT NULL,
    employees integer NOT NULL,
    party_members integer NOT NULL,
    coverage text NOT NULL,
    covering_organization_id uuid,
    instructor_name text,
    covered_since date,
    registered_on date NOT NULL,
    version bigint NOT NULL
);


--
-- Data for Name: assessment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessment_criterion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessment_set; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d1', '2026-11-30 01:00:00+00', 'dangjian-admin', 'FIXTURE_CREATED', 'FIXTURE', '0193a1b2-0000-7000-8000-0000000000a1', '{"after": {"name": "第一党支部"}}', '0193a1b2-0000-7000-8000-0000000000b2');
INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d2', '2026-11-30 01:01:00+00', 'dangjian-admin', 'FIXTURE_READ', 'FIXTURE', NULL, '{}', NULL);


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (1, '1', 'organization tree', 'SQL', 'V1__organization_tree.sql', -76469507, 'postgres', '2026-12-06 20:32:50.702837', 328, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (2, '2', 'organization history', 'SQL', 'V2__organization_history.sql', 1628451679, 'postgres', '2026-12-06 20:32:51.70033', 240, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (3, '3', 'leadership', 'SQL', 'V3__leadership.sql', -1363528222, 'postgres', '2026-12-06 20:32:52.248387', 216, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (4, '4', 'member counts', 'SQL', 'V4__member_counts.sql', -1532643878, 'postgres', '2026-12-06 20:32:52.749831', 199, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (5, '5', 'units and coverage', 'SQL', 'V5__units_and_coverage.sql', -1473721870, 'postgres', '2026-12-06 20:32:53.170336', 91, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (6, '6', 'pairing', 'SQL', 'V6__pairing.sql', -624676785, 'postgres', '2026-12-06 20:32:53.522338', 159, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (7, '7', 'grids', 'SQL', 'V7__grids.sql', 1376952501, 'postgres', '2026-12-06 20:32:53.782461', 208, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (8, '8', 'assessments', 'SQL', 'V8__assessments.sql', 465146204, 'postgres', '2026-12-06 20:32:54.046973', 79, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (9, '9', 'audit entry', 'SQL', 'V9__audit_entry.sql', -1809041432, 'postgres', '2026-12-06 20:32:54.193349', 182, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (10, '10', 'grid membership history', 'SQL', 'V10__grid_membership_history.sql', 2131587283, 'postgres', '2026-12-06 20:32:54.589147', 7, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (11, '11', 'name search trigram', 'SQL', 'V11__name_search_trigram.sql', -307554644, 'postgres', '2026-12-06 20:32:54.688694', 114, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (12, '12', 'idempotent request', 'SQL', 'V12__idempotent_request.sql', -1618158118, 'postgres', '2026-12-06 20:32:54.935707', 125, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (13, '13', 'audit entry organization', 'SQL', 'V13__audit_entry_organization.sql', 485536342, 'postgres', '2026-12-06 20:32:55.224714', 113, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (14, '14', 'leadership seat ended index', 'SQL', 'V14__leadership_seat_ended_index.sql', -2123437049, 'postgres', '2026-12-06 20:32:55.39268', 13, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (15, '15', 'events and audit details as written', 'SQL', 'V15__events_and_audit_details_as_written.sql', 486246294, 'postgres', '2026-12-06 20:32:55.501102', 157, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (16, '16', 'member roles follow the member', 'SQL', 'V16__member_roles_follow_the_member.sql', 40617423, 'postgres', '2026-12-06 20:32:55.794765', 97, true);


--
-- Data for Name: grid; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: grid_member; Type: TABLE DATA; Schema: public; Owner: -
--



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
-- Data for Name: member_count; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_roster; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: organization; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.organization (id, code, name, type, sector, parent_id, path, status, established_on, version, dissolved_on, dissolution_reason, merged_into_id) VALUES ('0193a1b2-0000-7000-8000-0000000000b1', 'D0001', '西城镇党委', 'COMMITTEE', 'TOWNSHIP', NULL, '/0193a1b2-0000-7000-8000-0000000000b1/', 'ACTIVE', '2001-07-01', 1, NULL, NULL, NULL);
INSERT INTO public.organization (id, code, name, type, sector, parent_id, path, status, established_on, version, dissolved_on, dissolution_reason, merged_into_id) VALUES ('0193a1b2-0000-7000-8000-0000000000b2', 'D0002', '西城村第一党支部', 'BRANCH', 'VILLAGE', '0193a1b2-0000-7000-8000-0000000000b1', '/0193a1b2-0000-7000-8000-0000000000b1/0193a1b2-0000-7000-8000-0000000000b2/', 'ACTIVE', '2003-03-01', 3, NULL, NULL, NULL);


--
-- Data for Name: organization_history; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: organization_snapshot; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: outbox_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (1, '0193a1b2-0000-7000-8000-000000000001', 'dangjian.organization.v1', 'fixture.recorded', 'organization-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 1, "text": "发布 \"quoted\""}', '2026-11-30 01:00:00+00', '2026-11-30 01:00:01+00', 1);
INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (2, '0193a1b2-0000-7000-8000-000000000002', 'dangjian.organization.v1', 'fixture.recorded', 'organization-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 2}', '2026-11-30 01:05:00+00', '2026-11-30 01:05:01+00', 1);


--
-- Data for Name: pairing; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: processed_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('organization-service.fixture', '0193a1b2-0000-7000-8000-0000000000e1', '2026-11-30 00:00:00+00');
INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('organization-service.fixture', '0193a1b2-0000-7000-8000-0000000000e2', '2026-11-30 00:00:01+00');


--
-- Data for Name: unit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: organization_code_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.organization_code_seq', 1, false);


--
-- Name: organization_history_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.organization_history_position_seq', 1, false);


--
-- Name: organization_snapshot_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.organization_snapshot_id_seq', 1, false);


--
-- Name: outbox_event_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_event_position_seq', 2, true);


--
-- Name: assessment_criterion assessment_criterion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_criterion
    ADD CONSTRAINT assessment_criterion_pkey PRIMARY KEY (set_id, code);


--
-- Name: assessment assessment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_pkey PRIMARY KEY (id);


--
-- Name: assessment assessment_set_id_organization_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_set_id_organization_id_key UNIQUE (set_id, organization_id);


--
-- Name: assessment_set assessment_set_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_set
    ADD CONSTRAINT assessment_set_pkey PRIMARY KEY (id);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: grid_member grid_member_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_member
    ADD CONSTRAINT grid_member_pkey PRIMARY KEY (grid_id, member_id, joined_on);


--
-- Name: grid grid_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid
    ADD CONSTRAINT grid_pkey PRIMARY KEY (id);


--
-- Name: idempotent_request idempotent_request_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotent_request
    ADD CONSTRAINT idempotent_request_pkey PRIMARY KEY (caller, idempotency_key);


--
-- Name: leadership_seat leadership_seat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leadership_seat
    ADD CONSTRAINT leadership_seat_pkey PRIMARY KEY (id);


--
-- Name: leadership_team leadership_team_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leadership_team
    ADD CONSTRAINT leadership_team_pkey PRIMARY KEY (organization_id);


--
-- Name: member_count member_count_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_count
    ADD CONSTRAINT member_count_pkey PRIMARY KEY (organization_id);


--
-- Name: member_roster member_roster_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_roster
    ADD CONSTRAINT member_roster_pkey PRIMARY KEY (member_id);


--
-- Name: organization organization_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_code_key UNIQUE (code);


--
-- Name: organization_history organization_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_history
    ADD CONSTRAINT organization_history_pkey PRIMARY KEY (id);


--
-- Name: organization organization_path_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_path_key UNIQUE (path);


--
-- Name: organization organization_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_pkey PRIMARY KEY (id);


--
-- Name: organization_snapshot organization_snapshot_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_snapshot
    ADD CONSTRAINT organization_snapshot_pkey PRIMARY KEY (id);


--
-- Name: outbox_event outbox_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_event
    ADD CONSTRAINT outbox_event_pkey PRIMARY KEY ("position");


--
-- Name: pairing pairing_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pairing
    ADD CONSTRAINT pairing_pkey PRIMARY KEY (id);


--
-- Name: processed_event processed_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.processed_event
    ADD CONSTRAINT processed_event_pkey PRIMARY KEY (consumer, event_id);


--
-- Name: unit unit_credit_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit
    ADD CONSTRAINT unit_credit_code_key UNIQUE (credit_code);


--
-- Name: unit unit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit
    ADD CONSTRAINT unit_pkey PRIMARY KEY (id);


--
-- Name: assessment_ranking; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessment_ranking ON public.assessment USING btree (set_id, score DESC) WHERE (status = 'REVIEWED'::text);


--
-- Name: assessment_set_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessment_set_organization ON public.assessment_set USING btree (organization_id, year);


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
-- Name: grid_leader_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_leader_member ON public.grid USING btree (leader_member_id) WHERE (leader_member_id IS NOT NULL);


--
-- Name: grid_member_member_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_member_member_open ON public.grid_member USING btree (member_id) WHERE (left_on IS NULL);


--
-- Name: grid_member_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX grid_member_open ON public.grid_member USING btree (grid_id, member_id) WHERE (left_on IS NULL);


--
-- Name: grid_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_organization ON public.grid USING btree (organization_id);


--
-- Name: grid_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX grid_parent ON public.grid USING btree (parent_id);


--
-- Name: idempotent_request_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotent_request_created ON public.idempotent_request USING btree (created_at);


--
-- Name: leadership_seat_ended; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leadership_seat_ended ON public.leadership_seat USING btree (organization_id, ended_on) WHERE (ended_on IS NOT NULL);


--
-- Name: leadership_seat_member_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leadership_seat_member_open ON public.leadership_seat USING btree (member_id) WHERE (ended_on IS NULL);


--
-- Name: leadership_seat_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leadership_seat_open ON public.leadership_seat USING btree (organization_id) WHERE (ended_on IS NULL);


--
-- Name: leadership_seat_single; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX leadership_seat_single ON public.leadership_seat USING btree (organization_id, seat) WHERE ((ended_on IS NULL) AND (seat = ANY (ARRAY['SECRETARY'::text, 'ORGANIZATION'::text, 'PUBLICITY'::text, 'DISCIPLINE'::text])));


--
-- Name: leadership_team_term_end; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leadership_team_term_end ON public.leadership_team USING btree (term_ends_on);


--
-- Name: member_roster_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_roster_org ON public.member_roster USING btree (organization_id);


--
-- Name: organization_code_pattern; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_code_pattern ON public.organization USING btree (code text_pattern_ops);


--
-- Name: organization_code_prefix; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_code_prefix ON public.organization USING btree (code text_pattern_ops);


--
-- Name: organization_history_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_history_org ON public.organization_history USING btree (organization_id, "position");


--
-- Name: organization_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_name_trgm ON public.organization USING gin (name public.gin_trgm_ops);


--
-- Name: organization_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_parent ON public.organization USING btree (parent_id);


--
-- Name: organization_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_path ON public.organization USING btree (path text_pattern_ops);


--
-- Name: organization_snapshot_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_snapshot_open ON public.organization_snapshot USING btree (organization_id) WHERE (valid_to IS NULL);


--
-- Name: organization_snapshot_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_snapshot_org ON public.organization_snapshot USING btree (organization_id, valid_from);


--
-- Name: organization_snapshot_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organization_snapshot_path ON public.organization_snapshot USING btree (path text_pattern_ops, valid_from);


--
-- Name: outbox_event_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_event_pending ON public.outbox_event USING btree ("position") WHERE (published_at IS NULL);


--
-- Name: pairing_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pairing_organization ON public.pairing USING btree (organization_id);


--
-- Name: pairing_partner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pairing_partner ON public.pairing USING btree (partner_id);


--
-- Name: unit_gaps; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_gaps ON public.unit USING btree (organization_id, id) WHERE (coverage = 'NONE'::text);


--
-- Name: unit_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_organization ON public.unit USING btree (organization_id);


--
-- Name: unit_region; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_region ON public.unit USING btree (region_code text_pattern_ops);


--
-- Name: audit_entry audit_entry_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_append_only();


--
-- Name: assessment_criterion assessment_criterion_set_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_criterion
    ADD CONSTRAINT assessment_criterion_set_id_fkey FOREIGN KEY (set_id) REFERENCES public.assessment_set(id);


--
-- Name: assessment assessment_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: assessment assessment_set_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_set_id_fkey FOREIGN KEY (set_id) REFERENCES public.assessment_set(id);


--
-- Name: assessment_set assessment_set_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_set
    ADD CONSTRAINT assessment_set_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: grid_member grid_member_grid_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid_member
    ADD CONSTRAINT grid_member_grid_id_fkey FOREIGN KEY (grid_id) REFERENCES public.grid(id);


--
-- Name: grid grid_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid
    ADD CONSTRAINT grid_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: grid grid_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.grid
    ADD CONSTRAINT grid_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.grid(id);


--
-- Name: leadership_seat leadership_seat_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leadership_seat
    ADD CONSTRAINT leadership_seat_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.leadership_team(organization_id);


--
-- Name: leadership_team leadership_team_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leadership_team
    ADD CONSTRAINT leadership_team_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: organization_history organization_history_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_history
    ADD CONSTRAINT organization_history_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: organization organization_merged_into_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES public.organization(id);


--
-- Name: organization organization_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.organization(id);


--
-- Name: organization_snapshot organization_snapshot_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_snapshot
    ADD CONSTRAINT organization_snapshot_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: pairing pairing_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pairing
    ADD CONSTRAINT pairing_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- Name: pairing pairing_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pairing
    ADD CONSTRAINT pairing_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.organization(id);


--
-- Name: unit unit_covering_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit
    ADD CONSTRAINT unit_covering_organization_id_fkey FOREIGN KEY (covering_organization_id) REFERENCES public.organization(id);


--
-- Name: unit unit_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit
    ADD CONSTRAINT unit_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organization(id);


--
-- PostgreSQL database dump complete
--

\unrestrict fcUZNSMoQ211OVHhM22a1IEg8Qmkndz81ewSa0HZ4hI63FIm9yACy6IExX17xcF

