-- A service of this release: the statements about platform tables are gone, so the checksum differs.
create table thing (id uuid primary key, name text not null);
