#!/usr/bin/env bash
# Benchmark of the visitor report endpoint: POST /api/v1/visitors/seen over loopback HTTP into the
# embedded MariaDB, with wrk as the load generator in a second process and a bounded run.
#   bench/visitors-seen.sh [seconds] [connections]       (defaults: 20 s, 64 connections)
# Target (issue 4): at least 5,000 reports/s with p99 under 50 ms on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-64}

. bench/hub.sh
require_wrk
# The per-client rate limit protects production from one abusive address; the load generator is one
# address, so it is lifted here.
start_hub --audiencehub.visitors.rate-per-second=100000000 --audiencehub.visitors.rate-burst=100000000

echo "== warm-up (10 s)"
wrk -t2 -c32 -d10s -s bench/visitors-seen.lua "http://127.0.0.1:$port" | tee "$work/warmup.txt" | grep RESULT
echo "== measured run: ${seconds} s, ${connections} connections, 2 wrk threads"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s bench/visitors-seen.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt" | grep RESULT

sleep 3 # the last flush
stored=$(mariadb --protocol=tcp -h 127.0.0.1 -P "$db_port" -u root -N audiencehub -e 'SELECT COUNT(*) FROM visitor')
requests() { grep RESULT "$1" | sed 's/.*requests=\([0-9]*\).*/\1/'; }
sent=$(( $(requests "$work/warmup.txt") + $(requests "$work/wrk.txt") ))
# wrk counts the requests answered within the run; the few still in flight when it ends are stored too
echo "reports answered (warm-up and measured run): $sent; distinct visitors stored: $stored"
[ "$stored" -ge "$sent" ] || { echo "MISSING: $((sent - stored)) answered reports were not stored"; exit 1; }
