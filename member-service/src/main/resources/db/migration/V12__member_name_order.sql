-- Name searches are prefix matches ordered by (name, id) in byte order ("C"), paged by a keyset cursor:
-- this index serves the prefix range and the order at once, so a prefix that thousands of names share
-- (a two-character name, a surname) reads only the page it returns instead of every match (issue 11, B5).
create index member_name_order on member (name collate "C", id);

-- Only name search used it, and it could serve the prefix but not the order.
drop index member_name;
