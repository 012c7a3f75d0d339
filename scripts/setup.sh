#!/usr/bin/env bash
# Installs what zged's tests and web page need when it is missing: ngspice (reference simulator),
# Chromium + ChromeDriver (browser test). Maven fetches the Java dependencies itself.
set -euo pipefail
need=()
command -v ngspice >/dev/null 2>&1 || need+=(ngspice)
if [ "${ZGED_SKIP_BROWSER:-0}" != 1 ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
