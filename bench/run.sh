#!/usr/bin/env bash
# Latchkey's load benchmark, in one command: builds the apps, starts auth-server and
# resource-api on embedded PostgreSQL and Redis, seeds accounts and grants, drives each
# operation with wrk and writes bench/results/latest.md and latest.json.
#   bench/run.sh            the full table (about 15 minutes)
#   bench/run.sh --smoke    a few seconds per operation, to check it works
#   bench/run.sh --help     every option
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

if [ "${1:-}" = "--help" ]; then
  exec "$JAVA" -jar bench/target/latchkey-bench.jar --help
fi
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is needed: sudo apt-get install wrk" >&2
  exit 1
fi

./mvnw -q -B -ntp -DskipTests package
exec "$JAVA" -jar bench/target/latchkey-bench.jar "$@"
