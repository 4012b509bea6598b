-- Idempotency-Key of create requests (platform/api-support @Idempotent): the key is committed
-- with the effect and the response, so a retried request gets the first answer and changes nothing.
create table idempotent_request (
    caller           text not null,
    idempotency_key  text not null,
    operation        text not null,
    request_hash     text not null,
    response_status  int,
    response_headers jsonb,
    response_body    jsonb,
    created_at       timestamptz not null,
    primary key (caller, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
