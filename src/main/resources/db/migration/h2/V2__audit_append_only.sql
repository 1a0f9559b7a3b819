-- On H2 (the embedded development database) append-only is enforced by the application, which
-- has no code path that updates or deletes audit rows; PostgreSQL enforces it in the database.
select 1;
