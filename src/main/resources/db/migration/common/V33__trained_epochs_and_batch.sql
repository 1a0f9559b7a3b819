-- What a run trained with, beside what it was asked (decision 0051): the minimum-steps rule
-- (decision 0050) may raise the epochs and lower the batch of a small dataset's run, and until now
-- it overwrote epochs and batch_size with them. Those columns keep what was asked from now on;
-- trained_* hold what the run trained with, null while it is queued and for imported runs. A run
-- of before this migration has lost what was asked, so both say what it trained with.
alter table training_run add column trained_epochs int;
alter table training_run add column trained_batch_size int;
update training_run set trained_epochs = epochs, trained_batch_size = batch_size
  where kind = 'TRAINED' and started_at is not null;
