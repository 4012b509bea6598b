-- organization.leadership-changed now names the seats that ended with their real end dates (V6's
-- note that a seat ends on the day of the first team version without it holds only for older events).
comment on column leadership_seat.ended_on is
    'first day no longer held (exclusive); endedSeats[].endedOn of organization.leadership-changed, or the business day of the event for events without it';
