#!/usr/bin/env bash
# Sizing of admins' sessions (issue 21): N admins (default 20) in Debian's Chromium, each signed in in a
# context of its own with the Directory and the segment builder open, against the production jar
# (512 MB heap, fresh embedded database: the empty hub); prints the hub's live heap after a full GC
# before and with the sessions open, and the cost of one.
#   bench/session-sizing.sh [sessions]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/hub.sh
start_hub
extra_classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
compile_bench bench/Chromium.java bench/SessionSizing.java
HUB_PID=$app java -cp "$bench_classpath" SessionSizing "http://127.0.0.1:$port" ${1:+"$1"}
grep -E "OutOfMemory|ERROR" "$work/app.log" | head -5 || true
