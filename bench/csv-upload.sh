#!/usr/bin/env bash
# Benchmark of CSV audiences (issue 14): a 1,000,000-row file uploaded, checked and imported in Debian's
# Chromium through the UI of a production hub with a 512 MB heap, then uploaded again with 10 % of the
# ids changed (a replacement). Prints each step's time and the hub's heap.
#   bench/csv-upload.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/hub.sh
start_hub
extra_classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
compile_bench bench/Chromium.java bench/CsvUpload.java
java -Xmx1g -cp "$bench_classpath" CsvUpload "http://127.0.0.1:$port"
echo "hub heap at the end of the run (limit -Xmx512m), then its live set after a full GC:"
jcmd "$app" GC.heap_info | grep -m1 "total"
jcmd "$app" GC.run >/dev/null
jcmd "$app" GC.heap_info | grep -m1 "total"
grep -E "OutOfMemory|ERROR" "$work/app.log" | head -5 || true
