#!/usr/bin/env bash
# Builds zged if needed (the launcher does that) and runs DesignFilter.java against the built jars
# with Java's single-file source launcher: no extra build file needed.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
"$ROOT/zged" --version >/dev/null
export DJL_OFFLINE=true
exec java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$ROOT/zged-app/target/lib/*" "$ROOT/examples/java/DesignFilter.java" "$@"
