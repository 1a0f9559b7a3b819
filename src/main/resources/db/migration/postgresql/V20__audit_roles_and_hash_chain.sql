-- The audit trail as a hash chain, and the app's role kept off its history (decision 0027).
--
-- Every audit row carries the hash of the row before it (prev_hash) and its own hash (row_hash, the
-- SHA-256 of prev_hash and the row's content), written by the application (audit/AuditChain).
-- Existing rows get theirs from the Java migration 20.1 (audit/AuditChainBackfill), which also
-- makes both columns NOT NULL.
alter table audit_entry add column prev_hash varchar(64);
alter table audit_entry add column row_hash varchar(64);

-- The end of the chain. Appending updates this one row first, so its row lock serialises the
-- appends of every node until each transaction ends: two writers never fork the chain.
create table audit_chain_head (
    id        int         primary key check (id = 1),
    entries   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, entries, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Two roles: Flyway runs as the owner of every table (spring.flyway.user); the application connects
-- as app_role (spring.flyway.placeholders.app_role, by default spring.datasource.username). The
-- app role reads and writes the application's tables, may only read and append the audit trail,
-- and owns nothing, so it cannot disable the append-only triggers, drop their function or
-- truncate the table. With one role for both (H2, a development database) nothing is granted.
do $$
declare
    app text := '${app_role}';
    owner text := current_user;
    here text := current_schema();
begin
    if app = '' or app = owner then
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        raise exception 'app_role % does not exist: create it first (README, "Production")', app;
    end if;
    execute format('grant usage on schema %I to %I', here, app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', here, app);
    execute format('grant usage, select on all sequences in schema %I to %I', here, app);
    execute format('revoke all on table %I.%I from %I', here, '${flyway:table}', app);
    execute format('revoke all on table %I.audit_entry from %I', here, app);
    execute format('grant select, insert on table %I.audit_entry to %I', here, app);
    execute format('revoke all on table %I.audit_chain_head from %I', here, app);
    execute format('grant select, update on table %I.audit_chain_head to %I', here, app);
    -- tables and sequences that later migrations create get the same grants
    execute format('alter default privileges for role %I in schema %I'
        || ' grant select, insert, update, delete on tables to %I', owner, here, app);
    execute format('alter default privileges for role %I in schema %I'
        || ' grant usage, select on sequences to %I', owner, here, app);
end
$$;
