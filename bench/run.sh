#!/usr/bin/env bash
# Latchkey's load benchmark, in one command: builds the apps, starts auth-server and
# resource-api on embedded PostgreSQL and Redis, seeds accounts and grants, drives each
# operation with wrk and writes bench/results/latest.md and latest.json.
#   bench/run.sh            the full table (about 15 minutes)
#   bench/run.sh --smoke    a few seconds per operation, to check it works
#   bench/run.sh --compare keycloak   the same operations against Keycloak too, side by side
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

# "--compare keycloak" (or --compare=keycloak): Keycloak's distribution from Maven Central,
# through Maven (so its checksum is checked and a settings.xml mirror applies), cached in
# bench/.cache (git-ignored); the bench unpacks it afresh for every run.
KEYCLOAK_VERSION=26.7.3
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--compare" ] && [ $# -gt 1 ]; then args+=("--compare=$2"); shift 2; else args+=("$1"); shift; fi
done
for arg in "${args[@]}"; do
  if [ "$arg" = "--compare=keycloak" ]; then
    dist="bench/.cache/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
    if [ ! -f "$dist" ]; then
      echo "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central into bench/.cache"
      ./mvnw -q -B -ntp dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        -DoutputDirectory=bench/.cache
    fi
  fi
done

./mvnw -q -B -ntp -DskipTests package
exec "$JAVA" -jar bench/target/latchkey-bench.jar "${args[@]}"
