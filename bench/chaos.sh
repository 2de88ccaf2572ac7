#!/usr/bin/env bash
# Issue 12's crash proof: no acknowledged page is ever lost or applied twice. The hub (production jar,
# 512 MB heap) runs on a MariaDB server this script starts itself on a free port (the machine's
# mariadbd, a fresh data folder). bench/Chaos.java plays Heap, sending a segment's sync as signed
# pages of 10,000 ids, each again until acknowledged, as Heap retries:
#   1. kill -9 of the hub a third of the way through a 300,000-id sync, then the hub started again;
#   2. kill -9 of the database server a third of the way through another, then the server started again.
# Both end with the segment's stored counts checked against what was sent, exactly.
#   bench/chaos.sh [pages]            (default 30 pages of 10,000 ids)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-30}
per_page=10000
secret=chaos-bench-secret
. bench/hub.sh
work=$(mktemp -d)
db_dir="$work/db"
for candidate in $(shuf -i 30000-45000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then chaos_db_port=$candidate; break; fi
done
sql() { mariadb --protocol=tcp -h 127.0.0.1 -P "$chaos_db_port" -u root -N "$@"; }

start_db() {
  mariadbd --no-defaults --datadir="$db_dir" --port="$chaos_db_port" --socket="$work/db.sock" \
    --bind-address=127.0.0.1 --user=root --skip-log-error > "$work/db.log" 2>&1 &
  db_pid=$!
  for _ in $(seq 1 60); do sql -e 'SELECT 1' >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the database server did not start:"; tail -5 "$work/db.log"; exit 1
}

wait_for() { # file line
  for _ in $(seq 1 1200); do grep -qx "$2" "$1" 2>/dev/null && return; sleep 0.1; done
  echo "never saw '$2' in $1"; tail -5 "$1"; exit 1
}

check_counts() { # segment client-log
  local expected=$((pages * per_page)) row
  for _ in $(seq 1 240); do
    row=$(sql audiencehub -e "SELECT r.pages_applied, r.total_pages, r.added, a.member_count FROM sync_run r
      JOIN audience a ON a.connector_id = r.connector_id AND a.audience_key = r.audience_key WHERE r.audience_key = '$1'")
    [ "$(echo "$row" | awk '{print $1}')" = "$pages" ] && break
    sleep 0.5
  done
  echo "segment $1: pages applied/total, ids added, audience members: $row (sent $expected ids)"
  echo "$row" | awk -v p="$pages" -v e="$expected" '$1 == p && $2 == p && $3 == e && $4 == e { ok = 1 } END { exit !ok }' \
    || { echo "FAILED: segment $1's counts differ from what was sent"; exit 1; }
}

mariadb-install-db --no-defaults --datadir="$db_dir" --auth-root-authentication-method=normal --skip-test-db \
  > "$work/install.log" 2>&1
start_db
# start_hub sets its own exit trap (the hub); this one stops the database server too
stop_all() { trap 'kill "$app" 2>/dev/null; kill -9 "$db_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT; }
stop_all
sql -e 'CREATE DATABASE audiencehub'
hub_args=(--audiencehub.db.url="jdbc:mariadb://127.0.0.1:$chaos_db_port/audiencehub" --audiencehub.db.user=root
  --audiencehub.sync.webhook-secret="$secret")
start_hub "${hub_args[@]}"
stop_all
sql audiencehub -e "INSERT INTO connector (provider_id, name, state, token_id, environment_name, created_by, created_at,
  updated_at) VALUES ('heap', 'Chaos', 'VALIDATED', 'chaos-token', 'Chaos environment', 'bench', NOW(3), NOW(3))"
hub="http://127.0.0.1:$port"
kill_at=$((pages / 3))

echo "== 1. kill -9 of the hub after page $kill_at of $pages is acknowledged"
java bench/Chaos.java "$hub" "$secret" chaos-token 1 "$pages" "$per_page" > "$work/hub-kill.log" 2>&1 &
client=$!
wait_for "$work/hub-kill.log" "acknowledged $kill_at"
kill -9 "$app"; wait "$app" 2>/dev/null || true
killed_at=$(date +%s.%N)
start_hub "${hub_args[@]}"
stop_all
echo "hub killed and started again in $(echo "$(date +%s.%N) - $killed_at" | bc | cut -c1-5) s"
wait "$client" || { echo "FAILED: the sender"; tail -3 "$work/hub-kill.log"; exit 1; }
tail -1 "$work/hub-kill.log"
check_counts 1

echo "== 2. kill -9 of the database server after page $kill_at of $pages is acknowledged"
java bench/Chaos.java "$hub" "$secret" chaos-token 2 "$pages" "$per_page" > "$work/db-kill.log" 2>&1 &
client=$!
wait_for "$work/db-kill.log" "acknowledged $kill_at"
kill -9 "$db_pid"; wait "$db_pid" 2>/dev/null || true
health=$(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$hub/actuator/health/readiness")
echo "database killed; readiness answered $health"
sleep 5
start_db
echo "database started again"
wait "$client" || { echo "FAILED: the sender"; tail -3 "$work/db-kill.log"; exit 1; }
tail -1 "$work/db-kill.log"
check_counts 2
grep -c "Could not apply sync page" "$work/app.log" | xargs echo "pages that failed to apply and were retried (log lines):"
echo "PASSED"
