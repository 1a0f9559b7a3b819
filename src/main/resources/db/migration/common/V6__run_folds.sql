-- k of the k-fold cross-validation that gives out-of-sample probabilities (0 = none).
alter table training_run add column folds int default 0 not null;
