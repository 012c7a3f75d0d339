#!/usr/bin/env bash
# The test command: installs what the tests need, then runs every test and the format check.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
mvn -B -ntp verify "$@"
