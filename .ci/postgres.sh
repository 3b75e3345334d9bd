#!/usr/bin/env bash
# Debian's PostgreSQL for the audit-log tests: install it if missing, start the cluster,
# create a role and database for the tests, and print the URL to export as
# FEEDBACK_SSO_TEST_POSTGRES. Runs as root (CI and the developers' machines are root).
#
#   export FEEDBACK_SSO_TEST_POSTGRES="$(bash .ci/postgres.sh)"
#
# Everything but the URL goes to stderr, so the command substitution gets the URL alone.
set -euo pipefail
exec 3>&1 1>&2

ROLE=feedback_sso
DATABASE=feedback_sso
PASSWORD=feedback-sso-ci-only  # a throwaway role on a cluster that listens on localhost only

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# The newest installed cluster; Debian's package creates "main" on install. A machine whose
# cluster was dropped gets a new one.
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi

psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -p $port -qAt $*"; }
if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != 1 ]; then
  # CREATEDB: Django's test runner creates (and drops) its own test_ database.
  psql_as_postgres "-c \"CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'\""
fi
if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != 1 ]; then
  psql_as_postgres "-c \"CREATE DATABASE $DATABASE OWNER $ROLE\""
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE" >&3
