-- How a run compares with the run it replaced as the active one (computed when it completes):
-- the top of the queue = the k most suspicious samples (k = the run's estimated label errors, or
-- 1,000 when it estimated none), how many samples moved into / out of it, and how many samples
-- reviewers had CORRECTED before the run started and how many of those it now agrees with
-- (suggested label = corrected label).
alter table training_run add column compared_run_id bigint;
alter table training_run add column top_k int;
alter table training_run add column moved_into_top int;
alter table training_run add column moved_out_of_top int;
alter table training_run add column corrections_before int;
alter table training_run add column corrections_agreed int;
