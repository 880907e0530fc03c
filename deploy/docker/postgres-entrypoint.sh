#!/bin/sh
# Entry point of the stand-in PostgreSQL image (Debian's postgresql, for machines that cannot
# pull the official image): the official image's interface as far as Samspil uses it.
#   POSTGRES_USER (postgres), POSTGRES_PASSWORD (required), POSTGRES_DB (= user), PGDATA,
#   /docker-entrypoint-initdb.d/*.sql run once after initdb, `postgres -c key=value ...` args.
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export PATH="$PGBIN:$PATH"
PGDATA=${PGDATA:-/var/lib/postgresql/data}
USER=${POSTGRES_USER:-postgres}
DB=${POSTGRES_DB:-$USER}
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

[ "${1:-postgres}" = postgres ] || exec "$@"
[ $# -gt 0 ] && shift
mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  pwfile=$(mktemp) && printf '%s' "$POSTGRES_PASSWORD" >"$pwfile" && chown postgres "$pwfile"
  as_postgres initdb -D "$PGDATA" -U "$USER" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-host=scram-sha-256 --auth-local=trust >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  # Init scripts run against a server that listens on the socket only, like the official image.
  as_postgres pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
  [ "$DB" = postgres ] || as_postgres psql -q -U "$USER" -d postgres -c "CREATE DATABASE \"$DB\""
  for script in /docker-entrypoint-initdb.d/*.sql; do
    [ -f "$script" ] && as_postgres psql -q -v ON_ERROR_STOP=1 -U "$USER" -d "$DB" -f "$script"
  done
  as_postgres pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups \
  postgres -D "$PGDATA" -c listen_addresses='*' "$@"
