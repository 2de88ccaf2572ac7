#!/usr/bin/env bash
# Sizing of running campaigns (issue 21): N segments and N running A/B tests (default 1,000) made
# through the automation API of the production jar (512 MB heap, fresh embedded database); prints the
# hub's live heap after a full GC and its database's size before and after.
#   bench/campaign-sizing.sh [campaigns]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/hub.sh
start_hub
compile_bench bench/CampaignSizing.java
HUB_PID=$app java -cp "$bench_classpath" CampaignSizing "http://127.0.0.1:$port" \
  "jdbc:mariadb://127.0.0.1:$db_port/audiencehub?user=root&password=$MYSQL_PWD" ${1:+"$1"}
grep -E "OutOfMemory|ERROR" "$work/app.log" | head -5 || true
