# Sourced by the benchmarks: builds the production jar when missing or older than the sources, and
# starts it with a 512 MB heap on a fresh embedded database, or on the one in $work/mariadb when the
# caller set $work. Sets $app (pid), $work, $port, $db_port, and exports MYSQL_PWD, the embedded
# database's root password, for the mariadb client the benchmarks count with.
port=${BENCH_PORT:-18080}

require_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is needed: apt-get install -y wrk" >&2
    exit 2
  fi
}

build_jar() {
  local jar
  jar=$(ls target/audience-hub-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find src pom.xml frontend -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
    ./mvnw -q -B -Pproduction -DskipTests package
  fi
  ls target/audience-hub-*.jar | head -1
}

start_hub() {
  local jar
  jar=$(build_jar)
  work=${work:-$(mktemp -d)}
  # The hub exits with 143 after a graceful stop on SIGTERM: that is not the benchmark's result.
  trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
  java -Xmx512m -jar "$jar" --server.port="$port" \
    --audiencehub.db.embedded.data-dir="$work/mariadb" --audiencehub.crypto.token-key-file="$work/token.key" \
    "$@" > "$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "the app did not start:"; tail -20 "$work/app.log"; exit 1; }
  db_port=$(grep -o 'ready on port [0-9]*' "$work/app.log" | head -1 | awk '{print $4}' || true)
  MYSQL_PWD=$(cat "$work/mariadb.password")
  export MYSQL_PWD
}

# Compiles the benchmark's sources with what they share (bench/Footprint.java) against the MariaDB
# driver and $extra_classpath, for `java -cp "$bench_classpath"`.
compile_bench() {
  local driver
  driver=$(ls ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar | grep -v sources | tail -1)
  bench_classpath="$work/classes:$driver${extra_classpath:+:$extra_classpath}"
  mkdir -p "$work/classes"
  javac -nowarn -d "$work/classes" -cp "$bench_classpath" bench/Footprint.java "$@"
}
