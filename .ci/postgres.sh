#!/usr/bin/env bash
# Debian's PostgreSQL for the audit-log tests: install it if missing, start the cluster,
# create a role and database for the tests, and print the URL to export as
# FEEDBACK_SSO_TEST_POSTGRES. Runs as root (CI and the developers' machines are root).
#
#   export FEEDBACK_SSO_TEST_POSTGRES="$(bash .ci/postgres.sh)"
#
# Only the URL goes to stdout, so the command substitution gets the URL alone.
set -euo pipefail

ROLE=feedback_sso
DATABASE=feedback_sso
PASSWORD=feedback-sso-ci-only  # a throwaway role on a cluster that listens on localhost only

# Every command runs with stdin, stdout and stderr away from the caller. The server is a
# daemon that inherits its starter's descriptors (apt's postinst may start it too): holding
# the command-substitution pipe, it made `$(bash .ci/postgres.sh)` wait forever for EOF on a
# machine whose cluster was down. Output goes to a log, shown when a command fails.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
quietly() {
  if ! "$@" </dev/null >>"$log" 2>&1; then
    echo "postgres.sh: '$*' failed:" >&2
    cat "$log" >&2
    exit 1
  fi
}

# A server, not only postgresql-common or a client: the newest installed version with one.
newest_server() { ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(newest_server)" ]; then
  quietly apt-get update -qq
  DEBIAN_FRONTEND=noninteractive quietly apt-get install -y -qq -o DPkg::Lock::Timeout=300 \
    postgresql
fi

# Its "main" cluster; Debian's package creates it on install. A machine whose cluster was
# dropped gets a new one.
version="$(basename "$(dirname "$(dirname "$(newest_server)")")")"
cluster_field() { pg_lsclusters -h | awk -v v="$version" -v f="$1" '$1 == v && $2 == "main" {print $f}'; }
if [ -z "$(cluster_field 2)" ]; then
  quietly pg_createcluster "$version" main
fi
port="$(cluster_field 3)"
if [ "$(cluster_field 4)" != online ]; then
  quietly pg_ctlcluster "$version" main start
fi

# -w: never prompt for a password (it would wait on the terminal, its prompt in the log).
psql_as_postgres() { su postgres -c "psql -w -v ON_ERROR_STOP=1 -p $port -qAt $*" </dev/null 2>>"$log"; }
if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != 1 ]; then
  # CREATEDB: Django's test runner creates (and drops) its own test_ database.
  quietly psql_as_postgres "-c \"CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'\""
fi
if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != 1 ]; then
  quietly psql_as_postgres "-c \"CREATE DATABASE $DATABASE OWNER $ROLE\""
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
