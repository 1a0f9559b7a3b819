-- Feature-table datasets (decision 0045): how the table's columns are encoded (the header, the
-- label and id columns, each feature column's mean and spread or categories), as JSON, so that
-- every row is encoded, shown beside its class and exported the same way later. Null for images
-- and texts. Each row's cells are kept as one CSV record in sample_content.text_body, its encoded
-- features in sample_embedding (model 'table').
alter table dataset add column table_schema text;
