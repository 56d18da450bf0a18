# Sourced by run.sh and test.sh: points JAVA_HOME at a JDK 21 or newer, or says why not.
# Looks at JAVA_HOME, then the java on PATH, then the usual install folders (Debian and
# Ubuntu packages, Temurin, SDKMAN!, macOS), and takes the newest found.

java_feature_version() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local best="" best_version=0 candidate version
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(java_feature_version "$candidate/bin/java")
    [ -n "$version" ] || continue
    # NOTE: JAVA_HOME, when it is new enough, wins over anything newer found elsewhere.
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$version" -ge 21 ]; then
      best=$candidate best_version=$version
      break
    fi
    if [ "$version" -gt "$best_version" ]; then
      best=$candidate best_version=$version
    fi
  done
  if [ "$best_version" -lt 21 ]; then
    echo "Latchkey needs a JDK 21 or newer; found none (JAVA_HOME, java on PATH, /usr/lib/jvm, SDKMAN!)." >&2
    echo "Install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

find_jdk
