#!/usr/bin/env bash
# Builds everything and runs every test on a JDK 21 or newer, found by scripts/find-jdk.sh.
# Extra arguments go to Maven (e.g. ./test.sh -pl auth-server -Dtest=DiscoveryTest).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/find-jdk.sh
exec ./mvnw -B -ntp verify "$@"
