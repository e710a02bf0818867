#!/usr/bin/env bash
# bench/scale.sh: issue 16's three figures side by side in one run: rank against jq, refresh in a small
# heap at the request floors, export in a smaller one read by DuckDB. See --help.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  cat <<'EOF'
usage: bench/scale.sh [--papers N] [--runs R] [--on DIR]

Runs, one after the other on the same build and machine, and then prints their verdicts together:
  1. bench/rank.sh --papers N --runs R: papers rank (heap -Xmx256m) side by side with jq on the
     minimal records; after 1,000 papers changed; the first run;
  2. bench/refresh.sh --heap 256m --papers N --runs 1: every paper stale for every
     default source, a stand-in on loopback, the request counts against the floors, the peak RSS;
     the cache on DIR (default /dev/shm when it has room, else bench/out/);
  3. bench/export.sh --papers N: papers export in a 128 MB heap, read back by DuckDB.
N defaults to 100000, R to 5. Each script's own report goes to bench/out/scale-*.txt as well as to the
terminal. Takes about 20 minutes at 100,000 papers on 2 cores. Exit 1 when a script failed (a missed
target is a verdict, not a failure).
EOF
}

papers=100000
runs=5
on=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --papers) papers="${2:?--papers needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --on) on="${2:?--on needs a directory}"; shift 2 ;;
    *) echo "bench/scale.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$papers$runs" in
  *[!0-9]*) echo "bench/scale.sh: --papers and --runs take whole numbers" >&2; exit 2 ;;
esac
if [ -z "$on" ]; then
  # /dev/shm when it holds the generated cache comfortably (about 6 KB a paper, twice over).
  need_kb=$((papers * 12))
  free_kb="$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')"
  if [ -n "$free_kb" ] && [ "$free_kb" -gt "$need_kb" ]; then on=/dev/shm; fi
fi
out="$here/out"
mkdir -p "$out"

run() {
  local name="$1"
  shift
  echo "== $name: $*" >&2
  if ! "$@" 2>&1 | tee "$out/scale-$name.txt"; then
    echo "bench/scale.sh: $name failed (see $out/scale-$name.txt)" >&2
    exit 1
  fi
}

run rank "$here/rank.sh" --papers "$papers" --runs "$runs"
refresh_args=(--papers "$papers" --runs 1)
if [ -n "$on" ]; then refresh_args+=(--on "$on"); fi
run refresh "$here/refresh.sh" --heap 256m "${refresh_args[@]}"
run export "$here/export.sh" --papers "$papers"

echo
echo "issue 16 at $papers papers, one run of bench/scale.sh:"
grep -h '^target:' "$out/scale-rank.txt" || true
grep -hiE 'PASS|FAIL|peak RSS' "$out/scale-refresh.txt" | sed 's/^/refresh: /' || true
grep -h '^papers export\|^DuckDB' "$out/scale-export.txt" | sed 's/^/export: /' || true
