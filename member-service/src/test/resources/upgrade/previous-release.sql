-- The member database as the previous release left it: every migration of member-service up to commit b2e0652
-- (branch i28-compliance, before the platform owned its tables) applied by Flyway 12 with their checksums, plus a few
-- rows in platform and service tables (UpgradeFromThePreviousReleaseTest). Generated once with pg_dump --column-inserts
-- (PostgreSQL 15.18) from a database migrated by those files; psql's \restrict lines are skipped when it is loaded.
--
-- PostgreSQL database dump
--

\restrict ke2Xe39wX1ENt9JpvUh62hviBsngYP0y21j32cyWlNCSDPcTSeORkby2YvsiWdI

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
-- Name: dissolved_organization; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dissolved_organization (
    organization_id uuid NOT NULL,
    dissolved_on date NOT NULL,
    merged_into_id uuid
);


--
-- Name: dues_base; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dues_base (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    year integer NOT NULL,
    category text NOT NULL,
    monthly_income numeric(14,2),
    rate numeric(7,5),
    monthly_amount numeric(14,2) NOT NULL,
    set_by text NOT NULL,
    set_at timestamp with time zone NOT NULL,
    version bigint NOT NULL
);


--
-- Name: dues_exemption; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dues_exemption (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    kind text NOT NULL,
    from_month date NOT NULL,
    to_month date NOT NULL,
    monthly_amount numeric(14,2),
    reason text NOT NULL,
    decision_ref text NOT NULL,
    approved_on date NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT dues_exemption_check CHECK ((from_month <= to_month)),
    CONSTRAINT dues_exemption_check1 CHECK (((kind = 'REDUCED'::text) = (monthly_amount IS NOT NULL)))
);


--
-- Name: dues_payment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dues_payment (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    month date NOT NULL,
    amount numeric(14,2) NOT NULL,
    paid_on date NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
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
-- Name: member; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member (
    id uuid NOT NULL,
    member_number text NOT NULL,
    name text NOT NULL,
    gender text NOT NULL,
    ethnicity text NOT NULL,
    birth_date date NOT NULL,
    national_id text NOT NULL,
    national_id_index text NOT NULL,
    phone text,
    phone_index text,
    education text,
    category text NOT NULL,
    work_unit text,
    org_id uuid NOT NULL,
    group_id uuid,
    grid text,
    stage text NOT NULL,
    applied_on date,
    activist_on date,
    candidate_on date,
    admitted_on date,
    full_on date,
    registered_on date NOT NULL,
    version bigint NOT NULL,
    transferred_out_on date,
    probation_extension_months integer DEFAULT 0 NOT NULL,
    ended_on date,
    end_reason text,
    branch_dissolved_on date
);


--
-- Name: member_commendation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_commendation (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    title text NOT NULL,
    awarded_by text NOT NULL,
    awarded_on date NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: member_contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_contact (
    member_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    assigned_on date NOT NULL
);


--
-- Name: member_development_record; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_development_record (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    kind text NOT NULL,
    held_on date NOT NULL,
    due_on date NOT NULL,
    late boolean NOT NULL,
    conducted_by text NOT NULL,
    decision_ref text,
    outcome text,
    summary text,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: member_discipline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_discipline (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    measure text NOT NULL,
    decided_by text NOT NULL,
    decided_on date NOT NULL,
    reason text NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: member_evaluation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_evaluation (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    year integer NOT NULL,
    result text NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: member_number_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.member_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: member_stage_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_stage_change (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    from_stage text NOT NULL,
    to_stage text NOT NULL,
    effective_on date NOT NULL,
    decision_ref text,
    approver text,
    reason text,
    details jsonb NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: mobile_registration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mobile_registration (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    home_org_id uuid NOT NULL,
    location text NOT NULL,
    fixed_place boolean NOT NULL,
    since date NOT NULL,
    host_org_id uuid,
    contact_member_id uuid,
    note text,
    status text NOT NULL,
    ended_on date,
    end_reason text,
    registered_by text NOT NULL,
    version bigint NOT NULL
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
-- Name: transfer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.transfer (
    id uuid NOT NULL,
    letter_number text NOT NULL,
    member_id uuid NOT NULL,
    member_name text NOT NULL,
    kind text NOT NULL,
    from_org_id uuid,
    to_org_id uuid,
    outside_organization text,
    status text NOT NULL,
    issued_on date NOT NULL,
    valid_until date NOT NULL,
    issued_by text NOT NULL,
    note text,
    decided_on date,
    decided_by text,
    reason text,
    version bigint NOT NULL
);


--
-- Name: transfer_letter_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.transfer_letter_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d1', '2026-11-30 01:00:00+00', 'dangjian-admin', 'FIXTURE_CREATED', 'FIXTURE', '0193a1b2-0000-7000-8000-0000000000a1', '{"after": {"name": "第一党支部"}}', '0193a1b2-0000-7000-8000-0000000000b2');
INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d2', '2026-11-30 01:01:00+00', 'dangjian-admin', 'FIXTURE_READ', 'FIXTURE', NULL, '{}', NULL);


--
-- Data for Name: dissolved_organization; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.dissolved_organization (organization_id, dissolved_on, merged_into_id) VALUES ('0193a1b2-0000-7000-8000-0000000000b9', '2026-10-01', NULL);


--
-- Data for Name: dues_base; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: dues_exemption; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: dues_payment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (1, '1', 'organization tree copy and messaging', 'SQL', 'V1__organization_tree_copy_and_messaging.sql', -484489059, 'postgres', '2026-12-06 20:32:35.67433', 273, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (2, '2', 'member records and audit', 'SQL', 'V2__member_records_and_audit.sql', -1808366033, 'postgres', '2026-12-06 20:32:36.496735', 264, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (3, '3', 'transfers', 'SQL', 'V3__transfers.sql', -1363510698, 'postgres', '2026-12-06 20:32:37.090883', 65, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (4, '4', 'development pipeline', 'SQL', 'V4__development_pipeline.sql', -2089574833, 'postgres', '2026-12-06 20:32:37.265327', 35, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (5, '5', 'dues', 'SQL', 'V5__dues.sql', -1994636, 'postgres', '2026-12-06 20:32:37.409393', 82, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (6, '6', 'mobile members', 'SQL', 'V6__mobile_members.sql', -2057995468, 'postgres', '2026-12-06 20:32:37.559378', 71, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (7, '7', 'commendations discipline evaluations', 'SQL', 'V7__commendations_discipline_evaluations.sql', -86390511, 'postgres', '2026-12-06 20:32:37.739865', 116, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (8, '8', 'development talks and reviews', 'SQL', 'V8__development_talks_and_reviews.sql', -51114639, 'postgres', '2026-12-06 20:32:37.898686', 76, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (9, '9', 'dues exemptions', 'SQL', 'V9__dues_exemptions.sql', -766976987, 'postgres', '2026-12-06 20:32:38.212668', 100, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (10, '10', 'idempotent request', 'SQL', 'V10__idempotent_request.sql', -1618158118, 'postgres', '2026-12-06 20:32:38.415656', 132, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (11, '11', 'audit entry organization', 'SQL', 'V11__audit_entry_organization.sql', 485536342, 'postgres', '2026-12-06 20:32:38.597746', 73, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (12, '12', 'member name order', 'SQL', 'V12__member_name_order.sql', -320973494, 'postgres', '2026-12-06 20:32:38.750249', 16, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (13, '13', 'events and audit details as written', 'SQL', 'V13__events_and_audit_details_as_written.sql', 486246294, 'postgres', '2026-12-06 20:32:38.81171', 105, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (14, '14', 'members of dissolved branches', 'SQL', 'V14__members_of_dissolved_branches.sql', -915466160, 'postgres', '2026-12-06 20:32:38.955067', 55, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (15, '15', 'dissolutions applied', 'SQL', 'V15__dissolutions_applied.sql', 1876196211, 'postgres', '2026-12-06 20:32:39.052638', 31, true);


--
-- Data for Name: idempotent_request; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotent_request (caller, idempotency_key, operation, request_hash, response_status, response_headers, response_body, created_at) VALUES ('["dangjian-admin","dangjian-admin",null]', 'fixture-key-0001', 'POST /fixtures', 'c0ffee', 201, '{"Location": "/api/v1/fixtures/1"}', '{"id": "1"}', '2026-11-30 01:00:00+00');


--
-- Data for Name: member; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.member (id, member_number, name, gender, ethnicity, birth_date, national_id, national_id_index, phone, phone_index, education, category, work_unit, org_id, group_id, grid, stage, applied_on, activist_on, candidate_on, admitted_on, full_on, registered_on, version, transferred_out_on, probation_extension_months, ended_on, end_reason, branch_dissolved_on) VALUES ('0193a1b2-0000-7000-8000-0000000000c1', 'M00000001', '张伟', 'MALE', '汉族', '1980-05-01', 'k1:fixture-sealed-id', 'fixture-index-1', 'k1:fixture-sealed-phone', 'fixture-phone-index-1', 'BACHELOR', 'EMPLOYED', '西城村委会', '0193a1b2-0000-7000-8000-0000000000b2', NULL, NULL, 'FULL', NULL, NULL, NULL, NULL, '2010-07-01', '2026-11-30', 1, NULL, 0, NULL, NULL, NULL);


--
-- Data for Name: member_commendation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_contact; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_development_record; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_discipline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_evaluation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_stage_change; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mobile_registration; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: org_unit; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at) VALUES ('0193a1b2-0000-7000-8000-0000000000b1', NULL, '/0193a1b2-0000-7000-8000-0000000000b1/', 'D0001', '西城镇党委', 'COMMITTEE', 'ACTIVE', 1, '2026-11-30 00:00:00+00');
INSERT INTO public.org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at) VALUES ('0193a1b2-0000-7000-8000-0000000000b2', '0193a1b2-0000-7000-8000-0000000000b1', '/0193a1b2-0000-7000-8000-0000000000b1/0193a1b2-0000-7000-8000-0000000000b2/', 'D0002', '西城村第一党支部', 'BRANCH', 'ACTIVE', 3, '2026-11-30 00:30:00+00');


--
-- Data for Name: outbox_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (1, '0193a1b2-0000-7000-8000-000000000001', 'dangjian.member.v1', 'fixture.recorded', 'member-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 1, "text": "发布 \"quoted\""}', '2026-11-30 01:00:00+00', '2026-11-30 01:00:01+00', 1);
INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (2, '0193a1b2-0000-7000-8000-000000000002', 'dangjian.member.v1', 'fixture.recorded', 'member-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 2}', '2026-11-30 01:05:00+00', '2026-11-30 01:05:01+00', 1);


--
-- Data for Name: processed_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('member-service.fixture', '0193a1b2-0000-7000-8000-0000000000e1', '2026-11-30 00:00:00+00');
INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('member-service.fixture', '0193a1b2-0000-7000-8000-0000000000e2', '2026-11-30 00:00:01+00');


--
-- Data for Name: transfer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: member_number_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.member_number_seq', 1, false);


--
-- Name: outbox_event_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_event_position_seq', 2, true);


--
-- Name: transfer_letter_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.transfer_letter_seq', 1, false);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: dissolved_organization dissolved_organization_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dissolved_organization
    ADD CONSTRAINT dissolved_organization_pkey PRIMARY KEY (organization_id);


--
-- Name: dues_base dues_base_member_id_year_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_base
    ADD CONSTRAINT dues_base_member_id_year_key UNIQUE (member_id, year);


--
-- Name: dues_base dues_base_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_base
    ADD CONSTRAINT dues_base_pkey PRIMARY KEY (id);


--
-- Name: dues_exemption dues_exemption_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_exemption
    ADD CONSTRAINT dues_exemption_pkey PRIMARY KEY (id);


--
-- Name: dues_payment dues_payment_member_id_month_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_payment
    ADD CONSTRAINT dues_payment_member_id_month_key UNIQUE (member_id, month);


--
-- Name: dues_payment dues_payment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_payment
    ADD CONSTRAINT dues_payment_pkey PRIMARY KEY (id);


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
-- Name: member_commendation member_commendation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_commendation
    ADD CONSTRAINT member_commendation_pkey PRIMARY KEY (id);


--
-- Name: member_contact member_contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_contact
    ADD CONSTRAINT member_contact_pkey PRIMARY KEY (member_id, contact_id);


--
-- Name: member_development_record member_development_record_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_development_record
    ADD CONSTRAINT member_development_record_pkey PRIMARY KEY (id);


--
-- Name: member_discipline member_discipline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_discipline
    ADD CONSTRAINT member_discipline_pkey PRIMARY KEY (id);


--
-- Name: member_evaluation member_evaluation_member_id_year_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_evaluation
    ADD CONSTRAINT member_evaluation_member_id_year_key UNIQUE (member_id, year);


--
-- Name: member_evaluation member_evaluation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_evaluation
    ADD CONSTRAINT member_evaluation_pkey PRIMARY KEY (id);


--
-- Name: member member_member_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member
    ADD CONSTRAINT member_member_number_key UNIQUE (member_number);


--
-- Name: member member_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member
    ADD CONSTRAINT member_pkey PRIMARY KEY (id);


--
-- Name: member_stage_change member_stage_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_stage_change
    ADD CONSTRAINT member_stage_change_pkey PRIMARY KEY (id);


--
-- Name: mobile_registration mobile_registration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mobile_registration
    ADD CONSTRAINT mobile_registration_pkey PRIMARY KEY (id);


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
-- Name: transfer transfer_letter_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_letter_number_key UNIQUE (letter_number);


--
-- Name: transfer transfer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_pkey PRIMARY KEY (id);


--
-- Name: audit_entry_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_org ON public.audit_entry USING btree (org_id, occurred_at DESC);


--
-- Name: audit_entry_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_target ON public.audit_entry USING btree (target_type, target_id);


--
-- Name: dues_exemption_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dues_exemption_member ON public.dues_exemption USING btree (member_id, from_month);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: idempotent_request_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotent_request_created ON public.idempotent_request USING btree (created_at);


--
-- Name: member_commendation_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_commendation_member ON public.member_commendation USING btree (member_id, awarded_on);


--
-- Name: member_development_record_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_development_record_member ON public.member_development_record USING btree (member_id, kind, held_on);


--
-- Name: member_discipline_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_discipline_member ON public.member_discipline USING btree (member_id, decided_on);


--
-- Name: member_name_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_name_order ON public.member USING btree (name COLLATE "C", id);


--
-- Name: member_national_id_index; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX member_national_id_index ON public.member USING btree (national_id_index);


--
-- Name: member_needs_branch; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_needs_branch ON public.member USING btree (org_id, id) WHERE (branch_dissolved_on IS NOT NULL);


--
-- Name: member_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_org ON public.member USING btree (org_id, id);


--
-- Name: member_phone_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_phone_index ON public.member USING btree (phone_index);


--
-- Name: member_stage_change_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_stage_change_member ON public.member_stage_change USING btree (member_id, effective_on);


--
-- Name: member_stage_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX member_stage_org ON public.member USING btree (stage, org_id);


--
-- Name: mobile_registration_home; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mobile_registration_home ON public.mobile_registration USING btree (home_org_id, status, id);


--
-- Name: mobile_registration_host; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mobile_registration_host ON public.mobile_registration USING btree (host_org_id, status, id);


--
-- Name: mobile_registration_one_active; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX mobile_registration_one_active ON public.mobile_registration USING btree (member_id) WHERE (status = 'ACTIVE'::text);


--
-- Name: org_unit_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX org_unit_path ON public.org_unit USING btree (path text_pattern_ops);


--
-- Name: outbox_event_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_event_pending ON public.outbox_event USING btree ("position") WHERE (published_at IS NULL);


--
-- Name: transfer_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX transfer_from ON public.transfer USING btree (from_org_id, status, id);


--
-- Name: transfer_one_open_per_member; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX transfer_one_open_per_member ON public.transfer USING btree (member_id) WHERE (status = 'ISSUED'::text);


--
-- Name: transfer_open_until; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX transfer_open_until ON public.transfer USING btree (valid_until) WHERE (status = 'ISSUED'::text);


--
-- Name: transfer_to; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX transfer_to ON public.transfer USING btree (to_org_id, status, id);


--
-- Name: audit_entry audit_entry_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_append_only();


--
-- Name: dues_base dues_base_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_base
    ADD CONSTRAINT dues_base_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: dues_exemption dues_exemption_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_exemption
    ADD CONSTRAINT dues_exemption_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: dues_payment dues_payment_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dues_payment
    ADD CONSTRAINT dues_payment_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: member_commendation member_commendation_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_commendation
    ADD CONSTRAINT member_commendation_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: member_contact member_contact_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_contact
    ADD CONSTRAINT member_contact_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.member(id);


--
-- Name: member_contact member_contact_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_contact
    ADD CONSTRAINT member_contact_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: member_development_record member_development_record_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_development_record
    ADD CONSTRAINT member_development_record_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: member_discipline member_discipline_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_discipline
    ADD CONSTRAINT member_discipline_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: member_evaluation member_evaluation_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_evaluation
    ADD CONSTRAINT member_evaluation_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: member_stage_change member_stage_change_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_stage_change
    ADD CONSTRAINT member_stage_change_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: mobile_registration mobile_registration_contact_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mobile_registration
    ADD CONSTRAINT mobile_registration_contact_member_id_fkey FOREIGN KEY (contact_member_id) REFERENCES public.member(id);


--
-- Name: mobile_registration mobile_registration_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mobile_registration
    ADD CONSTRAINT mobile_registration_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- Name: transfer transfer_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.transfer
    ADD CONSTRAINT transfer_member_id_fkey FOREIGN KEY (member_id) REFERENCES public.member(id);


--
-- PostgreSQL database dump complete
--

\unrestrict ke2Xe39wX1ENt9JpvUh62hviBsngYP0y21j32cyWlNCSDPcTSeORkby2YvsiWdI

