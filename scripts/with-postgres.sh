#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: installs Debian's postgresql when it
# is missing (as root), starts a cluster in a temporary folder on a free loopback port as an
# unprivileged user (postgres when run as root), exports TVERR_TEST_DATABASE_URL, runs the
# command, then stops the cluster and deletes its folder. With TVERR_TEST_DATABASE_URL
# already set, it only runs the command against that server.
set -euo pipefail

if [[ -n "${TVERR_TEST_DATABASE_URL:-}" ]]; then
  "$@"
  exit $?
fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin="$(find_bin)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "with-postgres: PostgreSQL is not installed; install Debian's postgresql package" >&2
    exit 1
  fi
  echo "with-postgres: installing Debian's postgresql" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin="$(find_bin)"
fi

dir="$(mktemp -d /tmp/tverr-pg.XXXXXX)"
as=()
if [[ "$(id -u)" -eq 0 ]]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
chmod 700 "$dir"
port="$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as[@]}" "$bin/initdb" -D "$dir/data" -U tverr -A trust -E UTF8 --no-sync >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  >/dev/null

export TVERR_TEST_DATABASE_URL="postgres://tverr@127.0.0.1:$port/postgres"
echo "with-postgres: throwaway cluster on 127.0.0.1:$port" >&2
"$@"
