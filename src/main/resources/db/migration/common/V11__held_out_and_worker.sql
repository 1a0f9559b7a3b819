-- Held-out split: samples the run does not train on, and the model's accuracy on them (against
-- their current labels), for the run and for every epoch. Null when the run held nothing out.
alter table training_run add column held_out_count int;
alter table training_run add column held_out_accuracy double precision;
alter table run_epoch add column held_out_accuracy double precision;
-- The job-engine node (db-scheduler scheduler name) that executed the run.
alter table training_run add column executed_by varchar(128);
