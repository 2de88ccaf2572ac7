#!/usr/bin/env bash
# Issue 12's hostile traffic against the production jar (512 MB heap, fresh embedded database): slow
# uploads, large unsigned bodies and an unsigned flood from one client, while a second client measures
# the sign-in page and the visitor endpoint. Prints their p99, the hub's peak resident memory and what
# the flood cost in stored refusals; fails if the page stops answering or memory passes the bound.
#   bench/hostile.sh [seconds] [resident memory bound in MB]      (defaults: 60 s, 1200 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bound=${2:-1200}
. bench/hub.sh
start_hub --audiencehub.sync.webhook-secret=hostile-bench-secret
set +e
java -Xmx1g bench/Hostile.java "$port" "$app" "$seconds" "$bound"
result=$?
set -e
sleep 6 # the refusals counted in memory are written every 5 s
echo "refusals stored: $(mariadb --protocol=tcp -h 127.0.0.1 -P "$db_port" -u root -N audiencehub \
  -e 'SELECT CONCAT(COUNT(*), " rows holding ", COALESCE(SUM(refusals), 0), " refusals") FROM sync_refusal')"
if grep -q "OutOfMemoryError" "$work/app.log"; then
  echo "FAILED: the hub ran out of memory"; grep -m3 "OutOfMemoryError" "$work/app.log"; exit 1
fi
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "FAILED: the hub is down"; exit 1; }
exit "$result"
