-- Reviewers' comments on a sample (decision 0036's sibling in the README: "Unsure and comments").
-- A comment is its own audit row (action COMMENT) whose text is kept here; the hash chain covers it
-- (audit/AuditChain hashes a note after the other columns, and rows without one as before, so the
-- rows written before this migration keep their hashes). Plain text, shown as text everywhere.
alter table audit_entry add column note varchar(500);
