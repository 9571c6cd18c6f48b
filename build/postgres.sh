#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a free loopback port, for the tests.
#   build/postgres.sh start DIR   prints the connection string on stdout
#   build/postgres.sh stop DIR
set -euo pipefail
cmd=${1:?usage: build/postgres.sh start|stop DIR}
dir=${2:?usage: build/postgres.sh start|stop DIR}

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && { bin=$candidate; break; }
  done
fi
if [ -z "$bin" ] && command -v initdb >/dev/null; then bin=$(dirname "$(command -v initdb)"); fi
[ -n "$bin" ] || { echo "PostgreSQL server binaries (initdb, pg_ctl) are needed: on Debian, apt-get install postgresql-15" >&2; exit 1; }

# initdb and pg_ctl refuse to run as root: run them as the postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    # A free loopback port: nothing answers on it.
    port=
    for _ in $(seq 1 50); do
      candidate=$(( 20000 + RANDOM % 40000 ))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [ -n "$port" ] || { echo "no free loopback port found" >&2; exit 1; }
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      -w start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: build/postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
