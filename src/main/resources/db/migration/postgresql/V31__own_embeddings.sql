-- Bring-your-own embeddings (decision 0044): a sample may hold a vector from the text encoder and
-- one from the team's own model side by side, so sample_embedding is keyed by sample and model.
alter table sample_embedding drop constraint sample_embedding_pkey;
alter table sample_embedding add primary key (sample_id, model);

-- The length of the dataset's own vectors (null: none attached) and whether its runs train on them
-- (their classifier learns from them and kNN searches among them) instead of pixels or text features.
alter table dataset add column embedding_dimension integer;
alter table dataset add column trains_on_embeddings boolean default false not null;
