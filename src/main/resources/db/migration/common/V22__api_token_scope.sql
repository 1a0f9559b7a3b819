-- A scope per API token (decision 0032). FULL acts with all of its owner's rights, as every token
-- did before; READ_ONLY may only read (GET and HEAD under /api), refused in the API's filter chain.
-- Tokens made before this migration keep what they could do: FULL.
alter table api_token add column scope varchar(16) default 'FULL' not null;
alter table api_token add constraint ck_api_token_scope check (scope in ('FULL', 'READ_ONLY'));
