#!/usr/bin/env bash
# Benchmark of the visitor report endpoint: POST /api/v1/visitors/seen over loopback HTTP into the
# embedded MariaDB, with wrk as the load generator in a second process and a bounded run.
#   bench/visitors-seen.sh [seconds] [connections]       (defaults: 20 s, 64 connections)
# Target (issue 4): at least 5,000 reports/s with p99 under 50 ms on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-64}
port=${BENCH_PORT:-18080}

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is needed: apt-get install -y wrk" >&2
  exit 2
fi
ls target/audience-hub-*.jar >/dev/null 2>&1 || ./mvnw -q -B -Pproduction -DskipTests package
jar=$(ls target/audience-hub-*.jar | head -1)
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$work"' EXIT

# The per-client rate limit protects production from one abusive address; the load generator is one
# address, so it is lifted here.
java -Xmx512m -jar "$jar" --server.port="$port" \
  --audiencehub.db.embedded.data-dir="$work/mariadb" --audiencehub.crypto.token-key-file="$work/token.key" \
  --audiencehub.visitors.rate-per-second=100000000 --audiencehub.visitors.rate-burst=100000000 \
  > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "the app did not start:"; tail -20 "$work/app.log"; exit 1; }

echo "== warm-up (10 s)"
wrk -t2 -c32 -d10s -s bench/visitors-seen.lua "http://127.0.0.1:$port" | tee "$work/warmup.txt" | grep RESULT
echo "== measured run: ${seconds} s, ${connections} connections, 2 wrk threads"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s bench/visitors-seen.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt" | grep RESULT

sleep 3 # the last flush
db_port=$(grep -o 'ready on port [0-9]*' "$work/app.log" | head -1 | awk '{print $4}')
stored=$(mariadb --protocol=tcp -h 127.0.0.1 -P "$db_port" -u root -N audiencehub -e 'SELECT COUNT(*) FROM visitor')
requests() { grep RESULT "$1" | sed 's/.*requests=\([0-9]*\).*/\1/'; }
sent=$(( $(requests "$work/warmup.txt") + $(requests "$work/wrk.txt") ))
# wrk counts the requests answered within the run; the few still in flight when it ends are stored too
echo "reports answered (warm-up and measured run): $sent; distinct visitors stored: $stored"
[ "$stored" -ge "$sent" ] || { echo "MISSING: $((sent - stored)) answered reports were not stored"; exit 1; }
