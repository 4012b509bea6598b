-- Name search ranked by similarity (pg_trgm). pg_trgm is a trusted extension (PostgreSQL 13+): the
-- database owner may create it without superuser rights. CJK characters count as word characters
-- under the UTF-8 locales used here, so Chinese names get trigrams too.
create extension if not exists pg_trgm;
-- Serves name LIKE '%fragment%' (fragments of 3+ characters) and the similarity operator name % q.
create index organization_name_trgm on organization using gin (name gin_trgm_ops);
-- Serves code LIKE 'prefix%' whatever the database collation.
create index organization_code_prefix on organization (code text_pattern_ops);
