#!/bin/bash
# The two database roles of decision 0027 and the README's "Production" section, for the postgres
# image of docker/compose.yaml: the image runs this once, as its superuser ($POSTGRES_USER), when
# it finds an empty data volume. relabel_owner owns the database and, through Flyway, every table;
# relabel_app is the role the application connects as and owns nothing, so migration V20 can keep
# it from changing or removing audit rows.
#
# Settings, from the db service's environment:
#   RELABEL_DB                                      database to create (relabel)
#   RELABEL_OWNER_USER, RELABEL_OWNER_PASSWORD      owner role (relabel_owner)
#   RELABEL_APP_USER, RELABEL_APP_PASSWORD          application role (relabel_app)
# A role that exists already is left as it is, password included, so the script also runs on a
# server that has the roles (ComposeStartTest runs it on the test server's).
set -e
: "${RELABEL_OWNER_PASSWORD:?RELABEL_OWNER_PASSWORD is not set}"
: "${RELABEL_APP_PASSWORD:?RELABEL_APP_PASSWORD is not set}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-postgres}" \
  -v db="${RELABEL_DB:-relabel}" \
  -v owner="${RELABEL_OWNER_USER:-relabel_owner}" -v owner_password="$RELABEL_OWNER_PASSWORD" \
  -v app="${RELABEL_APP_USER:-relabel_app}" -v app_password="$RELABEL_APP_PASSWORD" <<'SQL'
select format('create role %I login password %L', :'owner', :'owner_password')
where not exists (select from pg_roles where rolname = :'owner') \gexec
select format('create role %I login password %L', :'app', :'app_password')
where not exists (select from pg_roles where rolname = :'app') \gexec
create database :"db" owner :"owner";
\connect :"db"
-- PostgreSQL 14 and older let every role create tables in public; 15 and newer no longer do
revoke create on schema public from public;
SQL
