-- A direct disbursement's Idempotency-Key is kept, like every other creating request's, in
-- idempotent_request (platform @Idempotent); the ledger no longer needs its own copy.
drop index ledger_entry_idempotency;
alter table ledger_entry drop column idempotency_key;
