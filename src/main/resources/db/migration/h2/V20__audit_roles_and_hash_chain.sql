-- The audit trail as a hash chain (decision 0027); see postgresql/V20 for what each part is for.
-- H2 is a development database with one user: no roles are granted here.
alter table audit_entry add column prev_hash varchar(64);
alter table audit_entry add column row_hash varchar(64);

create table audit_chain_head (
    id        int         primary key check (id = 1),
    entries   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, entries, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
