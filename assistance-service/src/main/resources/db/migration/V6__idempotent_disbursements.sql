-- A direct disbursement may carry the client's Idempotency-Key: a retried request pays nothing twice.
alter table ledger_entry add column idempotency_key text;
create unique index ledger_entry_idempotency on ledger_entry (fund_id, idempotency_key) where idempotency_key is not null;
