-- Expected yield (docs/methods.md): how many wrong labels a run expects among the first 100 and the
-- first 1,000 samples of its queue (all of them when there are fewer), summed from its own
-- probabilities when it succeeds. Null for runs that have not succeeded, or succeeded before V18.
alter table training_run add column expected_errors_top100 double precision;
alter table training_run add column expected_errors_top1000 double precision;
