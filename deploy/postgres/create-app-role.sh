#!/usr/bin/env bash
# Creates the application's own login role: it owns nothing, is no superuser and has no BYPASSRLS, so
# PostgreSQL row-level security applies to it. Flyway, connected as the owner ($POSTGRES_USER), grants it what it
# needs in migration V16.
#
# docker compose mounts this file into /docker-entrypoint-initdb.d, where the postgres image runs it once, when it
# initialises an empty data volume. It is idempotent: for a volume made before it existed, run it by hand:
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/create-app-role.sh
set -euo pipefail

: "${AFTERCARE_DB_APP_USER:?set AFTERCARE_DB_APP_USER}"
: "${AFTERCARE_DB_APP_PASSWORD:?set AFTERCARE_DB_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
	-v app_user="$AFTERCARE_DB_APP_USER" -v app_password="$AFTERCARE_DB_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE',
              :'app_user', :'app_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SQL
