#!/usr/bin/env bash
# Installs what zged needs when it is missing: ngspice (the reference simulator every result is
# checked against) and, for the browser test, Chromium + ChromeDriver. Maven fetches the Java
# dependencies itself; the browser test fetches its npm package itself.
#   ./scripts/setup.sh            everything
#   ./scripts/setup.sh ngspice    only what the command line needs
set -euo pipefail
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(ngspice browser)
[ "${ZGED_SKIP_BROWSER:-0}" = 1 ] && parts=("${parts[@]/browser/}")
need=()
for part in "${parts[@]}"; do
  case "$part" in
    ngspice) command -v ngspice >/dev/null 2>&1 || need+=(ngspice) ;;
    browser) command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver) ;;
    "") ;;
    *) echo "setup: unknown part '$part' (expected ngspice or browser)" >&2; exit 2 ;;
  esac
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
