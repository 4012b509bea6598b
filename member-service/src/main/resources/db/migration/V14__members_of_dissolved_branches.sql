-- A branch dissolved while members remained (organization.dissolved without a survivor): each live member
-- still in it is flagged "needs a branch" from the dissolution's date until a bulk reassignment or a
-- transfer moves them (issue 22). Few records carry the flag at a time: the partial index serves the
-- needsBranch list of a subtree without touching the others.
alter table member add column branch_dissolved_on date;
create index member_needs_branch on member (org_id, id) where branch_dissolved_on is not null;
