-- The assistance database as the previous release left it: every migration of assistance-service up to commit b2e0652
-- (branch i28-compliance, before the platform owned its tables) applied by Flyway 12 with their checksums, plus a few
-- rows in platform and service tables (UpgradeFromThePreviousReleaseTest). Generated once with pg_dump --column-inserts
-- (PostgreSQL 15.18) from a database migrated by those files; psql's \restrict lines are skipped when it is loaded.
--
-- PostgreSQL database dump
--

\restrict xQ5ghPvjg5kKjGHRtG1Etdj5eOclns4wANh62V0kvpoWkadWnbuORjqp4fGALJa

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
-- Name: assistance_case; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assistance_case (
    id uuid NOT NULL,
    beneficiary_id uuid NOT NULL,
    org_id uuid NOT NULL,
    category text NOT NULL,
    status text NOT NULL,
    requested_amount numeric(14,2) NOT NULL,
    description_enc text,
    applied_on date NOT NULL,
    applied_by text NOT NULL,
    on_behalf boolean NOT NULL,
    last_step_on date NOT NULL,
    approved_amount numeric(14,2),
    approval_level text,
    approved_by text,
    approved_on date,
    notice_starts_on date,
    notice_ends_on date,
    fund_id uuid,
    ledger_entry_id uuid,
    disbursed_amount numeric(14,2),
    disbursed_on date,
    disbursed_by text,
    closed_on date,
    outcome text,
    rejection_reason text,
    reassignment_needed boolean DEFAULT false NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT assistance_case_requested_amount_check CHECK ((requested_amount > (0)::numeric))
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
-- Name: beneficiary; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.beneficiary (
    id uuid NOT NULL,
    org_id uuid NOT NULL,
    kind text NOT NULL,
    member_id uuid,
    name text,
    national_id_enc text,
    national_id_index text,
    address text,
    household_size integer,
    hardship_details_enc text,
    status text NOT NULL,
    registered_on date NOT NULL,
    registered_by text NOT NULL,
    member_source_version bigint,
    version bigint NOT NULL,
    CONSTRAINT beneficiary_household_size_check CHECK (((household_size >= 1) AND (household_size <= 30))),
    CONSTRAINT beneficiary_kind_check CHECK ((kind = ANY (ARRAY['MEMBER'::text, 'RESIDENT'::text]))),
    CONSTRAINT beneficiary_member_has_id CHECK (((kind <> 'MEMBER'::text) OR (member_id IS NOT NULL))),
    CONSTRAINT beneficiary_resident_has_identity CHECK (((kind <> 'RESIDENT'::text) OR ((name IS NOT NULL) AND (national_id_index IS NOT NULL))))
);


--
-- Name: beneficiary_category; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.beneficiary_category (
    beneficiary_id uuid NOT NULL,
    category text NOT NULL,
    CONSTRAINT beneficiary_category_category_check CHECK ((category = ANY (ARRAY['LIVING_HARDSHIP'::text, 'ILLNESS'::text, 'DISASTER'::text, 'DISABILITY'::text, 'UNEMPLOYMENT'::text, 'ELDERLY_ALONE'::text, 'SCHOOLING'::text])))
);


--
-- Name: budget; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budget (
    id uuid NOT NULL,
    fund_id uuid NOT NULL,
    fiscal_year integer NOT NULL,
    amount numeric(14,2) NOT NULL,
    spent numeric(14,2) DEFAULT 0 NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT budget_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT budget_not_overdrawn CHECK ((spent <= amount)),
    CONSTRAINT budget_spent_check CHECK ((spent >= (0)::numeric))
);


--
-- Name: campaign_recipient; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_recipient (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    beneficiary_id uuid NOT NULL,
    amount numeric(14,2) NOT NULL,
    status text NOT NULL,
    delivered_on date,
    delivered_by text,
    ledger_entry_id uuid,
    version bigint NOT NULL,
    CONSTRAINT campaign_recipient_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT campaign_recipient_status_check CHECK ((status = ANY (ARRAY['PENDING'::text, 'DELIVERED'::text])))
);


--
-- Name: case_objection; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_objection (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    raised_on date NOT NULL,
    content_enc text NOT NULL,
    recorded_by text NOT NULL,
    status text NOT NULL,
    resolution text,
    resolved_by text,
    resolved_at timestamp with time zone,
    CONSTRAINT case_objection_status_check CHECK ((status = ANY (ARRAY['OPEN'::text, 'DISMISSED'::text, 'UPHELD'::text])))
);


--
-- Name: case_org_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_org_change (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    from_org_id uuid NOT NULL,
    to_org_id uuid,
    reason text NOT NULL,
    event_id uuid,
    changed_at timestamp with time zone NOT NULL
);


--
-- Name: case_transition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_transition (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    step text NOT NULL,
    from_status text NOT NULL,
    to_status text NOT NULL,
    occurred_on date NOT NULL,
    actor text NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    note text
);


--
-- Name: case_visit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_visit (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    kind text NOT NULL,
    visited_on date NOT NULL,
    visitor text NOT NULL,
    findings_enc text NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT case_visit_kind_check CHECK ((kind = ANY (ARRAY['VERIFICATION'::text, 'FOLLOW_UP'::text])))
);


--
-- Name: condolence_campaign; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.condolence_campaign (
    id uuid NOT NULL,
    org_id uuid NOT NULL,
    fund_id uuid NOT NULL,
    name text NOT NULL,
    occasion text NOT NULL,
    created_by text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT condolence_campaign_occasion_check CHECK ((occasion = ANY (ARRAY['SPRING_FESTIVAL'::text, 'PARTY_FOUNDING_DAY'::text, 'OTHER'::text])))
);


--
-- Name: dissolved_organization; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dissolved_organization (
    org_id uuid NOT NULL,
    dissolved_on date NOT NULL,
    merged_into_id uuid,
    event_id uuid NOT NULL
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
-- Name: fund; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.fund (
    id uuid NOT NULL,
    org_id uuid NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    status text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by text NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT fund_kind_check CHECK ((kind = ANY (ARRAY['RETAINED_DUES'::text, 'SPECIAL'::text, 'DONATION'::text])))
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
-- Name: ledger_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_entry (
    id uuid NOT NULL,
    fund_id uuid NOT NULL,
    budget_id uuid NOT NULL,
    fiscal_year integer NOT NULL,
    kind text NOT NULL,
    amount numeric(14,2) NOT NULL,
    balance_after numeric(14,2) NOT NULL,
    occurred_on date NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    actor text NOT NULL,
    purpose text,
    case_id uuid
);


--
-- Name: member_copy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.member_copy (
    member_id uuid NOT NULL,
    org_id uuid,
    org_version bigint NOT NULL,
    stage text,
    stage_version bigint,
    ended_on date,
    end_type text,
    source_version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT member_copy_end_type_check CHECK ((end_type = ANY (ARRAY['DECEASED'::text, 'WITHDRAWN'::text, 'REMOVED'::text, 'EXPELLED'::text]))),
    CONSTRAINT member_copy_stage_check CHECK ((stage = ANY (ARRAY['APPLICANT'::text, 'ACTIVIST'::text, 'CANDIDATE'::text, 'PROBATIONARY'::text, 'FULL'::text])))
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
-- Name: pairing; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pairing (
    id uuid NOT NULL,
    beneficiary_id uuid NOT NULL,
    member_id uuid NOT NULL,
    status text NOT NULL,
    started_on date NOT NULL,
    ended_on date,
    end_reason text,
    created_by text NOT NULL,
    version bigint NOT NULL,
    end_event_id uuid,
    CONSTRAINT pairing_status_check CHECK ((status = ANY (ARRAY['ACTIVE'::text, 'ENDED'::text])))
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
-- Name: visit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.visit_log (
    id uuid NOT NULL,
    beneficiary_id uuid NOT NULL,
    visited_on date NOT NULL,
    visitor text NOT NULL,
    visitor_member_id uuid,
    findings_enc text NOT NULL,
    promises text,
    follow_up_due date,
    followed_up_on date,
    recorded_at timestamp with time zone NOT NULL,
    version bigint NOT NULL
);


--
-- Data for Name: assistance_case; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d1', '2026-11-30 01:00:00+00', 'dangjian-admin', 'FIXTURE_CREATED', 'FIXTURE', '0193a1b2-0000-7000-8000-0000000000a1', '{"after": {"name": "第一党支部"}}', '0193a1b2-0000-7000-8000-0000000000b2');
INSERT INTO public.audit_entry (id, occurred_at, actor, action, target_type, target_id, details, org_id) VALUES ('0193a1b2-0000-7000-8000-0000000000d2', '2026-11-30 01:01:00+00', 'dangjian-admin', 'FIXTURE_READ', 'FIXTURE', NULL, '{}', NULL);


--
-- Data for Name: beneficiary; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: beneficiary_category; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budget; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.budget (id, fund_id, fiscal_year, amount, spent, version) VALUES ('0193a1b2-0000-7000-8000-0000000000f2', '0193a1b2-0000-7000-8000-0000000000f1', 2026, 50000.00, 0.00, 1);


--
-- Data for Name: campaign_recipient; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: case_objection; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: case_org_change; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: case_transition; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: case_visit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: condolence_campaign; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: dissolved_organization; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.dissolved_organization (org_id, dissolved_on, merged_into_id, event_id) VALUES ('0193a1b2-0000-7000-8000-0000000000b9', '2026-10-01', NULL, '0193a1b2-0000-7000-8000-0000000000e9');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (1, '1', 'organization tree copy and messaging', 'SQL', 'V1__organization_tree_copy_and_messaging.sql', -484489059, 'postgres', '2026-12-06 20:33:40.961362', 276, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (2, '2', 'funds budgets ledger and audit', 'SQL', 'V2__funds_budgets_ledger_and_audit.sql', -22772774, 'postgres', '2026-12-06 20:33:42.124974', 358, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (3, '3', 'beneficiaries', 'SQL', 'V3__beneficiaries.sql', -1139866296, 'postgres', '2026-12-06 20:33:42.993206', 215, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (4, '4', 'assistance cases', 'SQL', 'V4__assistance_cases.sql', 1581913172, 'postgres', '2026-12-06 20:33:43.379014', 325, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (5, '5', 'pairing visits and campaigns', 'SQL', 'V5__pairing_visits_and_campaigns.sql', -1997713610, 'postgres', '2026-12-06 20:33:43.86251', 420, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (6, '6', 'idempotent disbursements', 'SQL', 'V6__idempotent_disbursements.sql', 877167330, 'postgres', '2026-12-06 20:33:44.481078', 102, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (7, '7', 'idempotent request', 'SQL', 'V7__idempotent_request.sql', -1618158118, 'postgres', '2026-12-06 20:33:44.689603', 17, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (8, '8', 'disbursement keys in idempotent request', 'SQL', 'V8__disbursement_keys_in_idempotent_request.sql', 618786624, 'postgres', '2026-12-06 20:33:44.769224', 48, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (9, '9', 'audit entry organization', 'SQL', 'V9__audit_entry_organization.sql', 485536342, 'postgres', '2026-12-06 20:33:44.921075', 57, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (10, '10', 'beneficiary by member', 'SQL', 'V10__beneficiary_by_member.sql', 1636261742, 'postgres', '2026-12-06 20:33:45.129039', 52, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (11, '11', 'events and audit details as written', 'SQL', 'V11__events_and_audit_details_as_written.sql', 486246294, 'postgres', '2026-12-06 20:33:45.326408', 194, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (12, '12', 'member copy and event ended pairings', 'SQL', 'V12__member_copy_and_event_ended_pairings.sql', 796998423, 'postgres', '2026-12-06 20:33:45.637823', 53, true);
INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) VALUES (13, '13', 'dissolved organizations', 'SQL', 'V13__dissolved_organizations.sql', -739686458, 'postgres', '2026-12-06 20:33:45.772682', 106, true);


--
-- Data for Name: fund; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.fund (id, org_id, kind, name, status, created_at, created_by, version) VALUES ('0193a1b2-0000-7000-8000-0000000000f1', '0193a1b2-0000-7000-8000-0000000000b2', 'SPECIAL', '困难党员帮扶专项资金', 'ACTIVE', '2026-11-30 01:00:00+00', 'dangjian-admin', 1);


--
-- Data for Name: idempotent_request; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.idempotent_request (caller, idempotency_key, operation, request_hash, response_status, response_headers, response_body, created_at) VALUES ('["dangjian-admin","dangjian-admin",null]', 'fixture-key-0001', 'POST /fixtures', 'c0ffee', 201, '{"Location": "/api/v1/fixtures/1"}', '{"id": "1"}', '2026-11-30 01:00:00+00');


--
-- Data for Name: ledger_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: member_copy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: org_unit; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at) VALUES ('0193a1b2-0000-7000-8000-0000000000b1', NULL, '/0193a1b2-0000-7000-8000-0000000000b1/', 'D0001', '西城镇党委', 'COMMITTEE', 'ACTIVE', 1, '2026-11-30 00:00:00+00');
INSERT INTO public.org_unit (id, parent_id, path, code, name, type, status, source_version, updated_at) VALUES ('0193a1b2-0000-7000-8000-0000000000b2', '0193a1b2-0000-7000-8000-0000000000b1', '/0193a1b2-0000-7000-8000-0000000000b1/0193a1b2-0000-7000-8000-0000000000b2/', 'D0002', '西城村第一党支部', 'BRANCH', 'ACTIVE', 3, '2026-11-30 00:30:00+00');


--
-- Data for Name: outbox_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (1, '0193a1b2-0000-7000-8000-000000000001', 'dangjian.assistance.v1', 'fixture.recorded', 'assistance-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 1, "text": "发布 \"quoted\""}', '2026-11-30 01:00:00+00', '2026-11-30 01:00:01+00', 1);
INSERT INTO public.outbox_event ("position", id, topic, type, source, aggregate_id, payload, occurred_at, published_at, attempts) OVERRIDING SYSTEM VALUE VALUES (2, '0193a1b2-0000-7000-8000-000000000002', 'dangjian.assistance.v1', 'fixture.recorded', 'assistance-service', '0193a1b2-0000-7000-8000-0000000000a1', '{"fixture": 2}', '2026-11-30 01:05:00+00', '2026-11-30 01:05:01+00', 1);


--
-- Data for Name: pairing; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: processed_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('assistance-service.fixture', '0193a1b2-0000-7000-8000-0000000000e1', '2026-11-30 00:00:00+00');
INSERT INTO public.processed_event (consumer, event_id, processed_at) VALUES ('assistance-service.fixture', '0193a1b2-0000-7000-8000-0000000000e2', '2026-11-30 00:00:01+00');


--
-- Data for Name: visit_log; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: outbox_event_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_event_position_seq', 2, true);


--
-- Name: assistance_case assistance_case_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistance_case
    ADD CONSTRAINT assistance_case_pkey PRIMARY KEY (id);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: beneficiary_category beneficiary_category_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.beneficiary_category
    ADD CONSTRAINT beneficiary_category_pkey PRIMARY KEY (beneficiary_id, category);


--
-- Name: beneficiary beneficiary_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.beneficiary
    ADD CONSTRAINT beneficiary_pkey PRIMARY KEY (id);


--
-- Name: budget budget_one_per_year; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_one_per_year UNIQUE (fund_id, fiscal_year);


--
-- Name: budget budget_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_pkey PRIMARY KEY (id);


--
-- Name: campaign_recipient campaign_recipient_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_recipient
    ADD CONSTRAINT campaign_recipient_once UNIQUE (campaign_id, beneficiary_id);


--
-- Name: campaign_recipient campaign_recipient_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_recipient
    ADD CONSTRAINT campaign_recipient_pkey PRIMARY KEY (id);


--
-- Name: case_objection case_objection_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_objection
    ADD CONSTRAINT case_objection_pkey PRIMARY KEY (id);


--
-- Name: case_org_change case_org_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_org_change
    ADD CONSTRAINT case_org_change_pkey PRIMARY KEY (id);


--
-- Name: case_transition case_transition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_transition
    ADD CONSTRAINT case_transition_pkey PRIMARY KEY (id);


--
-- Name: case_visit case_visit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_visit
    ADD CONSTRAINT case_visit_pkey PRIMARY KEY (id);


--
-- Name: condolence_campaign condolence_campaign_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.condolence_campaign
    ADD CONSTRAINT condolence_campaign_pkey PRIMARY KEY (id);


--
-- Name: dissolved_organization dissolved_organization_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dissolved_organization
    ADD CONSTRAINT dissolved_organization_pkey PRIMARY KEY (org_id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: fund fund_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.fund
    ADD CONSTRAINT fund_pkey PRIMARY KEY (id);


--
-- Name: idempotent_request idempotent_request_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotent_request
    ADD CONSTRAINT idempotent_request_pkey PRIMARY KEY (caller, idempotency_key);


--
-- Name: ledger_entry ledger_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_entry
    ADD CONSTRAINT ledger_entry_pkey PRIMARY KEY (id);


--
-- Name: member_copy member_copy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.member_copy
    ADD CONSTRAINT member_copy_pkey PRIMARY KEY (member_id);


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
-- Name: visit_log visit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_log
    ADD CONSTRAINT visit_log_pkey PRIMARY KEY (id);


--
-- Name: assistance_case_beneficiary; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assistance_case_beneficiary ON public.assistance_case USING btree (beneficiary_id);


--
-- Name: assistance_case_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assistance_case_org ON public.assistance_case USING btree (org_id, status);


--
-- Name: assistance_case_reassignment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assistance_case_reassignment ON public.assistance_case USING btree (org_id) WHERE reassignment_needed;


--
-- Name: audit_entry_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_org ON public.audit_entry USING btree (org_id, occurred_at DESC);


--
-- Name: audit_entry_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_target ON public.audit_entry USING btree (target_type, target_id);


--
-- Name: beneficiary_category_by_category; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX beneficiary_category_by_category ON public.beneficiary_category USING btree (category);


--
-- Name: beneficiary_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX beneficiary_member ON public.beneficiary USING btree (member_id) WHERE (member_id IS NOT NULL);


--
-- Name: beneficiary_one_per_member; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX beneficiary_one_per_member ON public.beneficiary USING btree (member_id) WHERE ((member_id IS NOT NULL) AND (status = 'ACTIVE'::text));


--
-- Name: beneficiary_one_per_national_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX beneficiary_one_per_national_id ON public.beneficiary USING btree (national_id_index) WHERE ((national_id_index IS NOT NULL) AND (status = 'ACTIVE'::text));


--
-- Name: beneficiary_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX beneficiary_org ON public.beneficiary USING btree (org_id);


--
-- Name: case_objection_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_objection_open ON public.case_objection USING btree (case_id) WHERE (status = 'OPEN'::text);


--
-- Name: case_org_change_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_org_change_case ON public.case_org_change USING btree (case_id, changed_at);


--
-- Name: case_transition_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_transition_case ON public.case_transition USING btree (case_id, recorded_at);


--
-- Name: case_visit_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_visit_case ON public.case_visit USING btree (case_id, visited_on);


--
-- Name: condolence_campaign_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX condolence_campaign_org ON public.condolence_campaign USING btree (org_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: fund_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX fund_org ON public.fund USING btree (org_id);


--
-- Name: idempotent_request_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotent_request_created ON public.idempotent_request USING btree (created_at);


--
-- Name: ledger_entry_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_entry_case ON public.ledger_entry USING btree (case_id) WHERE (case_id IS NOT NULL);


--
-- Name: ledger_entry_fund; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_entry_fund ON public.ledger_entry USING btree (fund_id, fiscal_year, recorded_at, id);


--
-- Name: org_unit_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX org_unit_path ON public.org_unit USING btree (path text_pattern_ops);


--
-- Name: outbox_event_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_event_pending ON public.outbox_event USING btree ("position") WHERE (published_at IS NULL);


--
-- Name: pairing_member; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pairing_member ON public.pairing USING btree (member_id);


--
-- Name: pairing_one_active; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX pairing_one_active ON public.pairing USING btree (beneficiary_id, member_id) WHERE (status = 'ACTIVE'::text);


--
-- Name: visit_log_beneficiary; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_log_beneficiary ON public.visit_log USING btree (beneficiary_id, visited_on);


--
-- Name: visit_log_follow_up_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX visit_log_follow_up_pending ON public.visit_log USING btree (follow_up_due) WHERE ((follow_up_due IS NOT NULL) AND (followed_up_on IS NULL));


--
-- Name: audit_entry audit_entry_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_append_only BEFORE DELETE OR UPDATE ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_append_only();


--
-- Name: assistance_case assistance_case_beneficiary_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistance_case
    ADD CONSTRAINT assistance_case_beneficiary_id_fkey FOREIGN KEY (beneficiary_id) REFERENCES public.beneficiary(id);


--
-- Name: assistance_case assistance_case_fund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistance_case
    ADD CONSTRAINT assistance_case_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES public.fund(id);


--
-- Name: assistance_case assistance_case_ledger_entry_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistance_case
    ADD CONSTRAINT assistance_case_ledger_entry_id_fkey FOREIGN KEY (ledger_entry_id) REFERENCES public.ledger_entry(id);


--
-- Name: beneficiary_category beneficiary_category_beneficiary_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.beneficiary_category
    ADD CONSTRAINT beneficiary_category_beneficiary_id_fkey FOREIGN KEY (beneficiary_id) REFERENCES public.beneficiary(id);


--
-- Name: budget budget_fund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES public.fund(id);


--
-- Name: campaign_recipient campaign_recipient_beneficiary_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_recipient
    ADD CONSTRAINT campaign_recipient_beneficiary_id_fkey FOREIGN KEY (beneficiary_id) REFERENCES public.beneficiary(id);


--
-- Name: campaign_recipient campaign_recipient_campaign_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_recipient
    ADD CONSTRAINT campaign_recipient_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.condolence_campaign(id);


--
-- Name: campaign_recipient campaign_recipient_ledger_entry_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_recipient
    ADD CONSTRAINT campaign_recipient_ledger_entry_id_fkey FOREIGN KEY (ledger_entry_id) REFERENCES public.ledger_entry(id);


--
-- Name: case_objection case_objection_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_objection
    ADD CONSTRAINT case_objection_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.assistance_case(id);


--
-- Name: case_org_change case_org_change_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_org_change
    ADD CONSTRAINT case_org_change_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.assistance_case(id);


--
-- Name: case_transition case_transition_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_transition
    ADD CONSTRAINT case_transition_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.assistance_case(id);


--
-- Name: case_visit case_visit_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_visit
    ADD CONSTRAINT case_visit_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.assistance_case(id);


--
-- Name: condolence_campaign condolence_campaign_fund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.condolence_campaign
    ADD CONSTRAINT condolence_campaign_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES public.fund(id);


--
-- Name: ledger_entry ledger_entry_budget_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_entry
    ADD CONSTRAINT ledger_entry_budget_id_fkey FOREIGN KEY (budget_id) REFERENCES public.budget(id);


--
-- Name: ledger_entry ledger_entry_fund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_entry
    ADD CONSTRAINT ledger_entry_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES public.fund(id);


--
-- Name: pairing pairing_beneficiary_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pairing
    ADD CONSTRAINT pairing_beneficiary_id_fkey FOREIGN KEY (beneficiary_id) REFERENCES public.beneficiary(id);


--
-- Name: visit_log visit_log_beneficiary_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.visit_log
    ADD CONSTRAINT visit_log_beneficiary_id_fkey FOREIGN KEY (beneficiary_id) REFERENCES public.beneficiary(id);


--
-- PostgreSQL database dump complete
--

\unrestrict xQ5ghPvjg5kKjGHRtG1Etdj5eOclns4wANh62V0kvpoWkadWnbuORjqp4fGALJa

