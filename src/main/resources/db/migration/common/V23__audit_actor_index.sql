-- Decisions over the REST API (decision 0034): an undo takes back only the reviewer's own last
-- decision in the dataset, found as the newest audit row of that actor and dataset. This index
-- answers it by reading one entry instead of walking the whole trail.
create index ix_audit_actor_dataset on audit_entry (actor, dataset_id, id);
