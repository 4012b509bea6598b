-- Children by parent (a branch's Party groups, the root's children): activity-service's compliance report and year
-- plans read them, and its own V14 had created this index. It now belongs to the table's owner, so every service's copy
-- has it; "if not exists" because activity-service databases baselined at V1 have it already.
create index if not exists org_unit_parent on org_unit (parent_id);
