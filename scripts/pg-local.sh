#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for trying the PostgreSQL store and running its tests, with Debian's
# postgresql binaries (/usr/lib/postgresql/<version>/bin): `npm run pg:local` starts it and prints the
# DATABASE_URL; `npm run pg:local -- stop` stops it and removes its folder.
#   PG_LOCAL_DIR  where the cluster lives (default: /tmp/entity-graph-pg)
#   PG_PORT       its loopback port (default: 55432)
# initdb refuses to run as root: as root, the cluster is made and run as the `postgres` user.
set -euo pipefail

dir="${PG_LOCAL_DIR:-/tmp/entity-graph-pg}"
port="${PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg:local: no PostgreSQL found under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "pg:local: already running in $dir" >&2
    else
      rm -rf "$dir/data"
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      # C locale: text sorts by code point, as in SQLite. No fsync: a throwaway cluster for tests, not for data.
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C --encoding=UTF8 >"$dir/initdb.log"
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
        >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir/data" "$dir/server.log" "$dir/initdb.log"
    rmdir "$dir" 2>/dev/null || true
    ;;
  *)
    echo "usage: scripts/pg-local.sh [start|stop]" >&2
    exit 2
    ;;
esac
