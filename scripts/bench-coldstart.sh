#!/usr/bin/env bash
# Cold-start figures of whole zged processes, measured from outside by /usr/bin/time: wall time,
# CPU time (user + sys) and peak RSS, as min / median / max over RUNS runs after one warm-up. With
# two launchers (e.g. a checkout of the previous commit and this one) the runs alternate A B A B, so
# both see the same machine load; quote medians, the machines are shared.
#
# usage: scripts/bench-coldstart.sh [-n RUNS] LAUNCHER [LAUNCHER_B] [-- ZGED ARGUMENTS]
#   default arguments: generate --type lowpass --fc 10k --q 0.707
# example (before/after, see docs/benchmarks.md "Cold start"):
#   git worktree add /tmp/zged-before 7a04d8e && /tmp/zged-before/zged --version   # builds it
#   scripts/bench-coldstart.sh -n 5 /tmp/zged-before/zged ./zged
set -euo pipefail
runs=5
if [ "${1:-}" = "-n" ]; then
  runs=$2
  shift 2
fi
launchers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  launchers+=("$1")
  shift
done
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(generate --type lowpass --fc 10k --q 0.707)
if [ ${#launchers[@]} -lt 1 ] || [ ${#launchers[@]} -gt 2 ] || ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((i = 0; i <= runs; i++)); do # run 0 is the warm-up
  for k in "${!launchers[@]}"; do
    /usr/bin/time -f "%e %U %S %M" -o "$out/t" "${launchers[$k]}" "${args[@]}" >/dev/null 2>&1 \
      || { echo "error: ${launchers[$k]} ${args[*]} failed" >&2; exit 1; }
    [ "$i" -gt 0 ] && tail -n 1 "$out/t" >>"$out/$k"
  done
done
stats() { # column expression → "min median max"
  awk "{print $1}" "$2" | sort -g | awk '{v[NR]=$1} END {printf "%.2f %.2f %.2f", v[1], v[int((NR+1)/2)], v[NR]}'
}
echo "zged ${args[*]}: $runs runs each after one warm-up; min / median / max"
printf '%-40s %-22s %-22s %s\n' launcher "wall s" "cpu s" "peak MiB"
for k in "${!launchers[@]}"; do
  printf '%-40s %-22s %-22s %s\n' "${launchers[$k]}" "$(stats '$1' "$out/$k")" \
    "$(stats '$2+$3' "$out/$k")" "$(stats '$4/1024' "$out/$k")"
done
