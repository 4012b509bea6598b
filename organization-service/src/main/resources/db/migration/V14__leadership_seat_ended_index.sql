-- organization.leadership-changed carries the seats that ended in the current term with their end
-- dates; every change of a team reads them, so they are found by organization without a scan.
create index leadership_seat_ended on leadership_seat (organization_id, ended_on) where ended_on is not null;
