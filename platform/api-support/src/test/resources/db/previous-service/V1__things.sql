-- A service of the previous release; its audit_entry and idempotent_request were created here too (the test creates them).
create table thing (id uuid primary key, name text not null);
