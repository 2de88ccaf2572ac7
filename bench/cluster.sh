#!/usr/bin/env bash
# Issue 13's cluster proof, on this machine: a three-node MariaDB Galera cluster (the machine's mariadbd
# and Debian's galera-4, data folders of its own, free ports), two hubs (production jar, 512 MB heap),
# each on a different database node (and failing over to the others: a `sequential` JDBC URL).
# bench/Cluster.java delivers a segment's 300,000-id sync, half of the pages to each hub, while:
#   1. after page 10 is acknowledged, the writer hub is killed (kill -9) and started again;
#   2. after page 20, the database node of the hub that took over is killed (kill -9).
# It prints the counts stored against what was sent, pages applied twice (must be 0), how long the
# hub that is not the writer took to answer decisions from each applied page (freshness), and how
# long the takeover took.
#   bench/cluster.sh [pages] [pause]    (default 30 pages of 10,000 ids, each sender pausing 4000 ms
#                                        between its pages, so that pages still come once hub 1 is back)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-30}
pause=${2:-4000}
per_page=10000
secret=cluster-bench-secret
metrics_password=cluster-bench-metrics
. bench/hub.sh
jar=$(build_jar)
work=$(mktemp -d)
# Joiners receive the cluster's data by rsync, whose daemon, started as root, drops to `nobody`:
# it must be able to reach and write the joiners' data folders.
chmod 755 "$work"
pids=()
# BENCH_KEEP=1 keeps the data folders and logs, for a look after a failure
trap 'for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi' EXIT

free_ports() { # count
  local found=()
  for candidate in $(shuf -i 30000-45000 -n 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || found+=("$candidate")
    [ "${#found[@]}" -ge "$1" ] && break
  done
  echo "${found[@]}"
}
read -r -a ports <<< "$(free_ports 14)"
db_port=("" "${ports[0]}" "${ports[1]}" "${ports[2]}")
gcomm_port=("" "${ports[3]}" "${ports[4]}" "${ports[5]}")
ist_port=("" "${ports[6]}" "${ports[7]}" "${ports[8]}")
sst_port=("" "${ports[9]}" "${ports[10]}" "${ports[11]}")
hub_port=("" "${ports[12]}" "${ports[13]}")
cluster_address="gcomm://127.0.0.1:${gcomm_port[1]},127.0.0.1:${gcomm_port[2]},127.0.0.1:${gcomm_port[3]}"
node_pid=()
hub_pid=()

sql() { # node, mariadb arguments...
  local node=$1; shift
  mariadb --protocol=tcp -h 127.0.0.1 -P "${db_port[$node]}" -u root -N "$@"
}
since() { echo "$(date +%s.%N) - $1" | bc | awk '{printf "%.1f", $1}'; }

start_node() { # node, extra server arguments...
  local node=$1; shift
  mkdir -p "$work/n$node"; chmod 777 "$work/n$node"
  mariadbd --no-defaults --datadir="$work/n$node" --port="${db_port[$node]}" --socket="$work/n$node.sock" \
    --bind-address=127.0.0.1 --user=root --log-error="$work/n$node.log" \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 --innodb-buffer-pool-size=256M \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=audiencehub-bench \
    --wsrep-cluster-address="$cluster_address" --wsrep-node-name="node$node" \
    --wsrep-node-address="127.0.0.1:${gcomm_port[$node]}" --wsrep-sst-method=rsync \
    --wsrep-sst-receive-address="127.0.0.1:${sst_port[$node]}" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:${gcomm_port[$node]};ist.recv_addr=127.0.0.1:${ist_port[$node]};gcache.size=512M" \
    "$@" > /dev/null 2>&1 &
  node_pid[$node]=$!
  pids+=("$!")
}

wait_synced() { # node
  for _ in $(seq 1 240); do
    [ "$(sql "$1" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}')" = Synced ] && return
    sleep 0.5
  done
  echo "database node $1 never got in sync:"; tail -5 "$work/n$1.log"; exit 1
}

hub_url() { echo "http://127.0.0.1:${hub_port[$1]}"; }

start_hub() { # hub, database nodes in the order it tries them
  local hub=$1 nodes=$2 url="jdbc:mariadb:sequential://" node
  for node in $nodes; do url+="127.0.0.1:${db_port[$node]},"; done
  java -Xmx512m -jar "$jar" --server.port="${hub_port[$hub]}" \
    --audiencehub.db.url="${url%,}/audiencehub" --audiencehub.db.user=root \
    --audiencehub.crypto.token-key-file="$work/token.key" --audiencehub.sync.webhook-secret="$secret" \
    --audiencehub.metrics.password="$metrics_password" >> "$work/hub$hub.log" 2>&1 &
  hub_pid[$hub]=$!
  pids+=("$!")
  for _ in $(seq 1 120); do
    curl -sf "$(hub_url "$hub")/actuator/health" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "hub $hub did not start:"; tail -20 "$work/hub$hub.log"; exit 1
}

is_writer() { # hub
  local metrics
  metrics=$(curl -s -u "metrics:$metrics_password" "$(hub_url "$1")/actuator/prometheus" 2>/dev/null || true)
  grep -qE '^audiencehub_audiences_writer(\{[^}]*\})? 1\.0$' <<< "$metrics"
}

wait_for() { # file, line pattern
  for _ in $(seq 1 3000); do grep -q "$2" "$1" 2>/dev/null && return; sleep 0.1; done
  echo "never saw '$2' in $1"; tail -5 "$1"; exit 1
}

echo "== a three-node Galera cluster"
mariadb-install-db --no-defaults --datadir="$work/n1" --auth-root-authentication-method=normal --skip-test-db \
  > "$work/install.log" 2>&1
start_node 1 --wsrep-new-cluster
wait_synced 1
start_node 2
start_node 3
wait_synced 2
wait_synced 3
sql 1 -e "SHOW STATUS LIKE 'wsrep_cluster_size'; SELECT VERSION()" | tr '\n' ' '; echo
sql 1 -e 'CREATE DATABASE audiencehub'

echo "== two hubs: hub 1 on node 1, hub 2 on node 2"
start_hub 1 "1 2 3"
start_hub 2 "2 3 1"
is_writer 1 && ! is_writer 2 || { echo "FAILED: hub 1 should be the one writer"; exit 1; }
sql 3 audiencehub -e "INSERT INTO connector (provider_id, name, state, token_id, environment_name, created_by,
  created_at, updated_at) VALUES ('heap', 'Cluster', 'VALIDATED', 'cluster-token', 'Cluster environment', 'bench',
  NOW(3), NOW(3))"
connector=$(sql 3 audiencehub -e "SELECT id FROM connector WHERE token_id = 'cluster-token'")

# The audience exists once a first sync brought one member; a campaign then targets it, through a
# segment, and the sync below adds 300,000 members whose decisions the probes ask for.
javac -d "$work/classes" bench/Chaos.java bench/Cluster.java
java -cp "$work/classes" Chaos "$(hub_url 1)" "$secret" cluster-token 1 1 1 > "$work/seed.log" 2>&1 \
  || { echo "FAILED: the first sync"; cat "$work/seed.log"; exit 1; }
audience=$(sql 3 audiencehub -e "SELECT id FROM audience WHERE connector_id = $connector AND audience_key = '1'")
sql 3 audiencehub -e "
  INSERT INTO segment (name, definition, created_by, created_at, updated_by, updated_at) VALUES ('Cluster',
    '{\"version\":1,\"root\":{\"type\":\"group\",\"combinator\":\"ALL\",\"children\":[{\"type\":\"condition\",
    \"negated\":false,\"criterion\":{\"type\":\"external_audience\",\"connectorId\":$connector,\"audienceId\":$audience}}]}}',
    'bench', NOW(3), 'bench', NOW(3));
  INSERT INTO segment_external_audience (segment_id, connector_id, audience_id)
    SELECT id, $connector, $audience FROM segment WHERE name = 'Cluster';
  INSERT INTO campaign (name, type, all_segments, traffic_percent, variations, status, created_by, created_at,
    updated_by, updated_at) VALUES ('Cluster', 'PERSONALIZATION', FALSE, 100,
    '[{\"key\":\"banner\",\"name\":\"Banner\",\"weight\":100,\"json\":\"{}\",\"selector\":null,\"html\":null}]',
    'RUNNING', 'bench', NOW(3), 'bench', NOW(3));
  INSERT INTO campaign_segment (campaign_id, segment_id, position)
    SELECT c.id, s.id, 0 FROM campaign c, segment s WHERE c.name = 'Cluster' AND s.name = 'Cluster';"
campaign=$(sql 3 audiencehub -e "SELECT id FROM campaign WHERE name = 'Cluster'")
for _ in $(seq 1 100); do
  answer=$(curl -s -H 'Content-Type: application/json' -d '{"visitor_id":"chaos-1-0"}' "$(hub_url 2)/api/v1/decisions")
  grep -q "\"campaign_id\":$campaign," <<< "$answer" && break
  sleep 0.2
done
grep -q "\"campaign_id\":$campaign," <<< "$answer" || { echo "FAILED: hub 2 never decided the campaign: $answer"; exit 1; }

echo "== a sync of $pages pages of $per_page ids, half to each hub"
started=$(date +%s.%N)
java -cp "$work/classes" Cluster "$(hub_url 1)" "$(hub_url 2)" "$secret" cluster-token 1 "$pages" "$per_page" "$campaign" \
  "$metrics_password" "$pause" > "$work/sync.log" 2>&1 &
client=$!
pids+=("$client")
first_kill=$((pages / 3)); second_kill=$((2 * pages / 3))
wait_for "$work/sync.log" "^acknowledged $first_kill "
kill -9 "${hub_pid[1]}"
killed_at=$(date +%s.%N)
echo "hub 1 (the writer) killed after page $first_kill"
for _ in $(seq 1 600); do is_writer 2 && break; sleep 0.05; done
is_writer 2 || { echo "FAILED: hub 2 never took over"; exit 1; }
echo "hub 2 took over in $(since "$killed_at") s (lease: 10 s)"
start_hub 1 "1 2 3"
echo "hub 1 started again, as a standby, $(since "$killed_at") s after the kill"
wait_for "$work/sync.log" "^acknowledged $second_kill "
acknowledged=$(grep -c '^acknowledged' "$work/sync.log")
kill -9 "${node_pid[2]}"
echo "database node 2 (hub 2's, the writer's) killed once page $second_kill was acknowledged ($acknowledged of $pages were);"
echo "  hub 2 fails over to node 3"
wait "$client" && sent=ok || sent=failed
grep -v '^acknowledged' "$work/sync.log"
[ "$sent" = ok ] || { echo "FAILED: the sender"; exit 1; }

expected=$((pages * per_page))
for _ in $(seq 1 240); do
  row=$(sql 1 audiencehub -e "SELECT r.pages_applied, r.total_pages, r.added, a.member_count FROM sync_run r
    JOIN audience a ON a.connector_id = r.connector_id AND a.audience_key = r.audience_key
    WHERE r.connector_id = $connector AND r.sync_task_id = 'cluster-task-1'")
  [ "$(echo "$row" | awk '{print $1}')" = "$pages" ] && break
  sleep 0.5
done
echo "sync: pages applied/total, ids added, audience members (node 1): $row"
echo "  (sent $expected ids; the audience also holds the first sync's one member)"
echo "pages applied twice: $(echo "$row" | awk -v p="$pages" '{print $1 - p}')"
for node in 1 3; do
  echo "node $node holds $(sql "$node" audiencehub -e "SELECT member_count FROM audience WHERE id = $audience") members"
done
echo "$row" | awk -v p="$pages" -v e="$expected" '$1 == p && $2 == p && $3 == e && $4 == e + 1 { ok = 1 } END { exit !ok }' \
  || { echo "FAILED: the counts differ from what was sent"; exit 1; }
for hub in 1 2; do
  echo "hub $hub: $(curl -s -u "metrics:$metrics_password" "$(hub_url "$hub")/actuator/prometheus" \
    | grep -E '^audiencehub_audiences_(writer|version)' | tr '\n' ' ')"
done
grep -h "now the audience writer\|lost the audience writer\|took over the audiences" "$work"/hub*.log | cut -c1-200
echo "whole run: $(since "$started") s"
echo "PASSED"
