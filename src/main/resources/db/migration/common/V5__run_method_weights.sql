-- Ensemble weights re-fitted from reviewers' decisions (method=weight,...); null = equal weights.
alter table training_run add column method_weights varchar(1000);
