-- Text datasets: what the classifier learns from (decision 0038). ENCODER: a pretrained sentence
-- encoder's vectors, stored once at import in sample_embedding; HASHED: hashed word counts computed
-- when a run reads the texts (decision 0016); BOTH: the two side by side. Datasets imported before
-- this migration have no vectors and keep hashed counts (null reads as HASHED).
alter table dataset add column text_features varchar(16);
alter table dataset add constraint ck_dataset_text_features
    check (text_features is null or text_features in ('ENCODER', 'HASHED', 'BOTH'));

-- One sentence vector per text sample: the components as little-endian IEEE 754 half-precision
-- numbers (2 bytes each, 768 bytes for 384 components), and the encoder that made them, so that a
-- vector is never read as another model's.
create table sample_embedding (
    sample_id bigint       primary key references sample (id),
    model     varchar(100) not null,
    vector    bytea        not null
);
