-- The queue grid (keyset pages over the active run's ranking, see decision 0008).
-- "Decided by": a few hundred decisions among a million samples; without this index a page walks
-- the whole ranking to find them.
create index ix_sample_decided_by on sample (dataset_id, decided_by);
-- "Suggested label" (alone or with the given label, the typical "3 shown as 5" question): walked in
-- ranking order within one suggested class, so a page reads only that class's rows.
create index ix_score_suggested_rank on sample_score (run_id, suggested_label, score desc, sample_id);
-- "Region" (HARD is where label errors gather and is a small share of the data): same shape.
create index ix_score_region_rank on sample_score (run_id, region, score desc, sample_id);
