#!/usr/bin/env bash
# Benchmark of the decision API over HTTP (issue 11): the hub from the production jar (512 MB heap) on
# the data set of bench/decisions.sh (10,000 audiences, 5,000,000 memberships, 1,000 segments, 200
# running campaigns), written into its database first by DecisionDataSet through the hub's services.
# wrk (apt-get install -y wrk) alternates between the decision API, a no-op endpoint of the same JSON
# shape (the bench profile's Spring MVC baseline) and a bare servlet on the same Tomcat writing the bytes of
# a decision answer (issue 26's floor); then the site tag, GET /tag.js uncached, against the bare servlet
# writing the tag's bytes; then the hub's heap is read after a full GC.
#   bench/decisions-http.sh [seconds] [connections]       (defaults: 20 s per round, 32 connections)
# Targets: issue 11: at least 0.8 times the no-op's throughput, at least 10,000 decisions/s, heap <= 400 MB;
# issue 26: decisions at least 0.7 times the bare servlet's, p99 <= 20 ms; the tag at least 0.8 times it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-32}

. bench/hub.sh
require_wrk
build_jar >/dev/null
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d)
echo "== writing the data set"
java -Xmx2g -cp "target/test-classes:target/classes:$classpath" io.audiencehub.campaign.DecisionDataSet \
  --audiencehub.db.embedded.data-dir="$work/mariadb" --audiencehub.crypto.token-key-file="$work/token.key" \
  > "$work/seed.log" 2>&1 || { tail -30 "$work/seed.log"; exit 1; }
grep "data set written" "$work/seed.log"

start_hub --spring.profiles.active=default,bench
decisions="http://127.0.0.1:$port/api/v1/decisions"
no_op="http://127.0.0.1:$port/api/v1/bench/no-op-decisions"
bare="http://127.0.0.1:$port/api/v1/bench/bare/decision"
tag="http://127.0.0.1:$port/tag.js"
bare_tag="http://127.0.0.1:$port/api/v1/bench/bare/tag.js"
for _ in $(seq 1 120); do
  curl -s -H 'Content-Type: application/json' -d '{"visitor_id":"visitor-1"}' "$decisions" | grep -q '"stale":false' && break
  sleep 1
done
grep -o 'Loaded [0-9]* audiences.*' "$work/app.log" | head -1
# the floor serves a decision answer of this data set (asked as decisions.lua asks) and the tag
curl -s -H 'Content-Type: application/json' -d '{"visitor_id":"visitor-1","context":{"url":"https://shop.example.com/cart?utm=mail","device":"mobile","browser":"chrome","language":"en-GB","country":"GB","returning":true,"cookies":{"plan":"free"}}}' \
  "$decisions" > "$work/answer.json"
curl -s -X PUT -H 'Content-Type: application/json' --data-binary @"$work/answer.json" "$bare"
curl -s "$tag" > "$work/tag.js"
curl -s -X PUT -H 'Content-Type: text/javascript;charset=UTF-8' --data-binary @"$work/tag.js" "$bare_tag"
echo "a decision answer: $(wc -c < "$work/answer.json") bytes; the tag: $(wc -c < "$work/tag.js") bytes"

run() { # name url seconds [script]
  wrk -t2 -c"$connections" -d"$3" --timeout 5s -s "${4:-bench/decisions.lua}" "$2" | grep RESULT | sed "s/^RESULT/$1/"
}
# the JIT compiles the whole HTTP stack within about half a minute on 2 cores; before, both crawl
echo "== warm-up (30 s each)"
run "warm-up decisions" "$decisions" 30s
run "warm-up no-op    " "$no_op" 30s
run "warm-up bare     " "$bare" 10s
run "warm-up tag      " "$tag" 10s bench/get.lua
run "warm-up bare tag " "$bare_tag" 10s bench/get.lua
echo "== measured: ${seconds} s per round, ${connections} connections, 2 wrk threads, bare, no-op and decisions alternating"
results=()
for round in 1 2 3; do
  results+=("$(run "bare      $round" "$bare" "${seconds}s")")
  results+=("$(run "no-op     $round" "$no_op" "${seconds}s")")
  results+=("$(run "decisions $round" "$decisions" "${seconds}s")")
done
for round in 1 2 3; do
  results+=("$(run "bare-tag  $round" "$bare_tag" "${seconds}s" bench/get.lua)")
  results+=("$(run "tag       $round" "$tag" "${seconds}s" bench/get.lua)")
done
printf '%s\n' "${results[@]}"
rate() { printf '%s\n' "${results[@]}" | grep "^$1 " | sed 's/.*rate=\([0-9]*\).*/\1/' | paste -sd+ | bc; }
echo "decisions/s over the rounds: $(( $(rate decisions) / 3 )); no-op/s: $(( $(rate no-op) / 3 ));" \
  "bare servlet/s: $(( $(rate bare) / 3 ))"
echo "decisions / no-op: $(echo "scale=2; $(rate decisions) / $(rate no-op)" | bc) (issue 11: >= 0.8, and >= 10,000/s);" \
  "decisions / bare servlet: $(echo "scale=2; $(rate decisions) / $(rate bare)" | bc) (issue 26: >= 0.7, p99 <= 20 ms)"
echo "tag/s: $(( $(rate tag) / 3 )); bare servlet with the tag's bytes/s: $(( $(rate bare-tag) / 3 ));" \
  "ratio $(echo "scale=2; $(rate tag) / $(rate bare-tag)" | bc) (issue 26: >= 0.8)"

echo "== hub heap (limit -Xmx512m), in use, then live after a full GC (target <= 400 MB):"
jcmd "$app" GC.heap_info | grep -m1 "total"
jcmd "$app" GC.run >/dev/null
jcmd "$app" GC.heap_info | grep -m1 "total"
