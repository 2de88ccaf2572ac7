#!/usr/bin/env bash
# Benchmark of Mixpanel's cohort sync (issue 23): a cohort of N members (default 1,000,000) sent as one
# `members` session of 1,000-member pages through the real webhook, against Heap's segment sync of the
# same ids in the same run (Heap's 10,000-id pages, then 1,000-id pages), the hub's heap capped at 512 MB.
# Prints each path's end-to-end time until applied, its page answer times, and the ratios.
#   bench/mixpanel-sync.sh [members]
set -euo pipefail
cd "$(dirname "$0")/.."
secret=bench-webhook-secret
. bench/hub.sh
start_hub --audiencehub.sync.webhook-secret="$secret"
compile_bench bench/HeapPages.java bench/MixpanelSyncBenchmark.java
java -Xmx2g -cp "$bench_classpath" MixpanelSyncBenchmark "http://127.0.0.1:$port" \
  "jdbc:mariadb://127.0.0.1:$db_port/audiencehub?user=root&password=$MYSQL_PWD" "$secret" ${1:+"$1"}
echo "hub heap at the end of the run (limit -Xmx512m), then its live set after a full GC:"
jcmd "$app" GC.heap_info | grep -m1 "total"
jcmd "$app" GC.run >/dev/null
jcmd "$app" GC.heap_info | grep -m1 "total"
grep -E "Could not|OutOfMemory|ERROR" "$work/app.log" | head -5 || true
