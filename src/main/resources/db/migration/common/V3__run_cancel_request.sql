-- An admin's request to stop a run; the worker checks it between batches.
alter table training_run add column cancel_requested boolean default false not null;
