#!/usr/bin/env bash
# Benchmark of the decision (issue 11), in process: 200 running campaigns on 1,000 segments over
# 10,000 audiences holding 5,000,000 memberships; prints the percentiles of 200,000 decisions and the
# heap the data set takes. Target: p99 <= 50 µs. Then the same with every campaign keeping its visitors and
# 1,000,000 visitors kept by 3 campaigns each (issue 25), and the heap those take.
#   bench/decisions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -Xmx1g -cp "target/classes:target/test-classes:$classpath" io.audiencehub.campaign.DecisionBenchmark
