-- Bring-your-own embeddings (decision 0044): a sample may hold a vector from the text encoder and
-- one from the team's own model side by side, so sample_embedding is keyed by sample and model.
-- H2 will not drop a primary key whose index the foreign key uses, so the table is made anew.
create table sample_embedding_v31 (
    sample_id bigint       not null references sample (id),
    model     varchar(100) not null,
    vector    bytea        not null,
    primary key (sample_id, model)
);
insert into sample_embedding_v31 (sample_id, model, vector)
    select sample_id, model, vector from sample_embedding;
drop table sample_embedding;
alter table sample_embedding_v31 rename to sample_embedding;

-- The length of the dataset's own vectors (null: none attached) and whether its runs train on them
-- (their classifier learns from them and kNN searches among them) instead of pixels or text features.
alter table dataset add column embedding_dimension integer;
alter table dataset add column trains_on_embeddings boolean default false not null;
