#!/usr/bin/env bash
# Runs Latchkey locally: auth-server (:9000), resource-api (:8081), demo-client (:8080),
# on embedded PostgreSQL and Redis kept under .latchkey/data. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

. scripts/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

./mvnw -q -B -ntp -DskipTests package
mkdir -p .latchkey/logs

pids=()
# Stops the apps one at a time, last started first: auth-server hosts the embedded
# PostgreSQL and Redis the other two use, so it goes last, once their requests are done.
stop() {
  trap - EXIT INT TERM
  echo "Stopping Latchkey..."
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
}
trap stop EXIT INT TERM

wait_for() {
  local name=$1 url=$2
  for _ in $(seq 1 120); do
    if curl -sf "$url" >/dev/null 2>&1; then echo "  $name is up: ${url%/readyz}"; return 0; fi
    sleep 1
  done
  echo "  $name did not come up; see .latchkey/logs/$name.log" >&2
  return 1
}

# The JVM options in one place (jvm/: why each), then LATCHKEY_JVM_OPTIONS, which wins.
java_version=$(java_feature_version "$JAVA")
jvm_options=(@jvm/all.options)
[ "$java_version" -ge 25 ] && jvm_options+=(@jvm/jdk25.options)
# shellcheck disable=SC2206 # split on spaces, as a JVM option list is
jvm_options+=(${LATCHKEY_JVM_OPTIONS:-})

start() {
  local name=$1
  local jar="$name/target/$name-0.1.0-SNAPSHOT.jar"
  if [ "$java_version" -ge 25 ] && [ "${LATCHKEY_AOT_CACHE:-true}" != "false" ]; then
    scripts/aot-cache.sh "$JAVA" "$jar" ".latchkey/aot/$name" "${jvm_options[@]}"
    # shellcheck disable=SC2046 # the script prints the jar to run and the option for its cache
    set -- $(cat ".latchkey/aot/$name/start")
    "$JAVA" "${jvm_options[@]}" "$2" -jar "$1" >".latchkey/logs/$name.log" 2>&1 &
  else
    "$JAVA" "${jvm_options[@]}" -jar "$jar" >".latchkey/logs/$name.log" 2>&1 &
  fi
  pids+=($!)
}

echo "Starting Latchkey (logs in .latchkey/logs/)"
# auth-server first: it starts the embedded stores the other two attach to.
start auth-server
wait_for auth-server http://localhost:9000/readyz
grep -A1 'Latchkey admin created' .latchkey/logs/auth-server.log || true
start resource-api
start demo-client
wait_for resource-api http://localhost:8081/readyz
wait_for demo-client http://localhost:8080/readyz
echo "Latchkey is running. Discovery: http://localhost:9000/.well-known/openid-configuration. Ctrl-C to stop."
wait
