-- A service of a later release whose applied V1 was edited by mistake.
create table thing (id uuid primary key, name text not null, note text);
