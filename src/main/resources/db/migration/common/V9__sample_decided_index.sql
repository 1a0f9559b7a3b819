-- Review progress per annotator per day and the errors-left estimate read decided samples by time.
create index ix_sample_decided on sample (dataset_id, decided_at);
