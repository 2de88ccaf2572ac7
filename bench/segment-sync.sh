#!/usr/bin/env bash
# Benchmark of segment sync (issues 5 and 20): a Heap segment of N members (default 1,000,000)
# delivered as signed pages of 10,000 ids through the real webhook into the embedded MariaDB, the hub's
# heap capped at 512 MB, against the storage floor (LOAD DATA LOCAL INFILE of the same ids into a plain
# indexed table on the same database); then a churn sync of 10,000 adds and 10,000 removes. Prints
# every figure, the hub's live heap after a full GC included.
#   bench/segment-sync.sh [members] [known]   e.g. bench/segment-sync.sh 10000000
# known: how many members are reported as visitors before the sync (50,000; 10,000 more come after);
# each step also prints the hub's footprint (live heap, database size), the sizing figures' source; at the
# end, where a page's time goes (the hub's audiencehub.sync.page timers, by phase).
set -euo pipefail
cd "$(dirname "$0")/.."
secret=bench-webhook-secret
metrics_password=bench-metrics
. bench/hub.sh
start_hub --audiencehub.sync.webhook-secret="$secret" --audiencehub.metrics.password="$metrics_password" \
  --audiencehub.visitors.rate-per-second=100000000 --audiencehub.visitors.rate-burst=100000000
members=${1:-1000000}
# the client keeps every id it sent, to recount: about 600 bytes a member with the floor's file
client_heap=$(( members / 1000000 * 600 + 1024 ))m
compile_bench bench/HeapPages.java bench/SegmentSyncBenchmark.java
HUB_PID=$app java -Xmx"$client_heap" -cp "$bench_classpath" SegmentSyncBenchmark "http://127.0.0.1:$port" \
  "jdbc:mariadb://127.0.0.1:$db_port/audiencehub?user=root&password=$MYSQL_PWD" "$secret" "$members" ${2:+"$2"}
echo "where a page's time goes, by phase: median and p99 of the last 2 minutes' pages, mean of every page (ms):"
curl -s -u "metrics:$metrics_password" "http://127.0.0.1:$port/actuator/prometheus" | awk '
  /^audiencehub_sync_page_seconds/ {
    match($0, /phase="[a-z]+"/); phase = substr($0, RSTART + 7, RLENGTH - 8)
    if ($0 ~ /quantile="0.5"/) median[phase] = $2
    else if ($0 ~ /quantile="0.99"/) p99[phase] = $2
    else if ($0 ~ /_count/) count[phase] = $2
    else if ($0 ~ /_sum/) sum[phase] = $2
  }
  END {
    split("read verify parse store wait apply answer", order, " ")
    for (i = 1; i <= 7; i++) { p = order[i]; mean = 0
      if (count[p] > 0) mean = sum[p] / count[p] * 1000
      printf "  %-7s median %8.2f  p99 %8.2f  mean %8.2f  (%d pages)\n", p, median[p] * 1000, p99[p] * 1000,
        mean, count[p] }
  }'
echo "ids the sync history keeps (sync_page_ids), their stored bytes:"
mysql -h127.0.0.1 -P"$db_port" -uroot audiencehub -N -e \
  "SELECT CONCAT(COUNT(*), ' parts, ', ROUND(COALESCE(SUM(LENGTH(ids)), 0) / 1048576, 1), ' MB') FROM sync_page_ids"
echo "hub heap at the end of the run (limit -Xmx512m), then its live set after a full GC:"
jcmd "$app" GC.heap_info | grep -m1 "total"
jcmd "$app" GC.run >/dev/null
jcmd "$app" GC.heap_info | grep -m1 "total"
grep -E "Could not|OutOfMemory|ERROR" "$work/app.log" | head -5 || true
