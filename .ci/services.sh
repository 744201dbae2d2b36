#!/usr/bin/env bash
# Services the workspace tests (tests/web) need: Debian's chromium (Playwright drives it) and a
# local PostgreSQL on 127.0.0.1 only. Installs what is missing (apt-get), starts PostgreSQL,
# creates a throwaway role and database, and prints the variables the tests read:
#
#   eval "$(.ci/services.sh)"
#
# prints (on stdout, nothing else):
#   export ACCORD_TEST_PG_URL=postgresql://accord:…@127.0.0.1:PORT/accord_test
#   export ACCORD_TEST_CHROMIUM=/usr/bin/chromium
# Everything else it says goes to stderr. Needs root (apt-get, su postgres).
set -euo pipefail

PACKAGES="postgresql chromium fonts-dejavu-core"
if ! dpkg -s $PACKAGES >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $PACKAGES >&2
fi

CHROMIUM=$(command -v chromium || true)
if [ -z "$CHROMIUM" ]; then
  echo "services.sh: chromium not found after apt-get install" >&2
  exit 1
fi

# The newest PostgreSQL major installed; its own cluster under /tmp, loopback only.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=${ACCORD_PGDATA:-/tmp/accord-ci-pg}
PGPORT=${ACCORD_PGPORT:-54329}
PGPASS=${ACCORD_PGPASS:-accord-ci}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  echo postgres >"$PGDATA.pw"
  chown postgres:postgres "$PGDATA.pw"
  su postgres -c "$PGBIN/initdb -D '$PGDATA' -A scram-sha-256 --pwfile='$PGDATA.pw' -U postgres" >&2
  rm -f "$PGDATA.pw"
fi
if ! su postgres -c "$PGBIN/pg_ctl -D '$PGDATA' status" >/dev/null 2>&1; then
  su postgres -c "$PGBIN/pg_ctl -D '$PGDATA' -l '$PGDATA/server.log' -w \
    -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp\" start" >&2
fi
export PGPASSWORD=postgres
PSQL="$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -q"
if ! $PSQL -tAc "SELECT 1 FROM pg_roles WHERE rolname='accord'" | grep -q 1; then
  $PSQL -c "CREATE ROLE accord LOGIN PASSWORD '$PGPASS' CREATEDB" >&2
fi
if ! $PSQL -tAc "SELECT 1 FROM pg_database WHERE datname='accord_test'" | grep -q 1; then
  $PSQL -c "CREATE DATABASE accord_test OWNER accord" >&2
fi

echo "export ACCORD_TEST_PG_URL=postgresql://accord:$PGPASS@127.0.0.1:$PGPORT/accord_test"
echo "export ACCORD_TEST_CHROMIUM=$CHROMIUM"
