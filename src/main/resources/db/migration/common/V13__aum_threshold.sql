-- AUM with threshold samples (decision 0015): whether a run asked for the extra pass, and its
-- outcome: the cut-off (99th percentile of the threshold samples' AUM), how many samples were
-- threshold samples, and how many fell below the cut-off. Null when the run had no such pass.
alter table training_run add column aum_threshold_pass boolean default false not null;
alter table training_run add column aum_cutoff double precision;
alter table training_run add column aum_threshold_samples int;
alter table training_run add column aum_flagged_count int;
-- Per sample: below the run's AUM cut-off or not; null for runs without the pass. The pass's own
-- AUM is not stored anywhere else, so this is not derivable from method_score.
alter table sample_score add column aum_below_cutoff boolean;
