#!/usr/bin/env bash
# JDK 25's ahead-of-time cache (JEP 483, 514, 515) for one app, as run.sh starts it:
#   scripts/aot-cache.sh JAVA JAR FOLDER JVM-OPTION...
# Extracts JAR into FOLDER (the AOT cache needs a class path of plain jars) unless the same jar
# was extracted there before, and writes FOLDER/start: the jar to run and the JVM option to run
# it with. Without a cache trained for these options, that option records one while the app
# runs and writes it when the app stops (Ctrl-C): the next start loads its classes already
# parsed and linked, with the profiles of the methods that ran hot, and is ready in a third of
# the time. A cache the JVM cannot use (another JDK, other options) it ignores with a warning.
set -euo pipefail
java=$1 jar=$2 folder=$3
shift 3
stamp="$(sha256sum "$jar" | cut -c1-16) $(printf '%s ' "$@" | sha256sum | cut -c1-16) $("$java" -version 2>&1 | head -n 1)"
cache="$folder/app.aot"
if [ "$(cat "$folder/stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$folder"
  mkdir -p "$folder"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$folder" --force >"$folder/extract.log"
  echo "$stamp" >"$folder/stamp"
fi
if [ -f "$cache" ]; then
  echo "$folder/$(basename "$jar") -XX:AOTCache=$cache" >"$folder/start"
else
  echo "$folder/$(basename "$jar") -XX:AOTCacheOutput=$cache" >"$folder/start"
fi
