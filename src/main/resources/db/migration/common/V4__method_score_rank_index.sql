-- The queue can be ranked by any single method: one index walk per method, like the ensemble's.
create index ix_method_score_rank on method_score (run_id, method, score desc, sample_id);
