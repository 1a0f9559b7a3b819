-- Cleaning rounds (decision 0019): how many times a run trains again, main run and
-- cross-validation, with the previous round's most suspicious samples held out of training.
alter table training_run add column cleaning_rounds int default 0 not null;
