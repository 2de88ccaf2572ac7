#!/usr/bin/env bash
# Benchmark of the segment builder's reach estimate (issue 6): the exact number of known visitors an
# EXTERNAL DATA formula holds for, on two 1,000,000-member audiences. Target: 500 ms or less.
#   bench/reach.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -Xmx512m -cp "target/classes:target/test-classes:$classpath" io.audiencehub.audience.ReachBenchmark
