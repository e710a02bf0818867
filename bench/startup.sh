#!/usr/bin/env bash
# bench/startup.sh: start-up of papers as whole processes, through the launcher, on the shipped cache/.
# See --help.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
usage: bench/startup.sh [--runs N] [--warmup N] [--id ID] [--topic NAME]

Times, as whole processes through the launcher (./papers), offline on the shipped cache/:
  papers --version              target 0.25 s (median)
  papers show ID                target 0.40 s (median); ID defaults to 1706.03762
  papers rank --topic NAME      for information (default topic: distillation)
each N times (default 20, or BENCH_RUNS) after 2 warm-ups (or BENCH_WARMUP), and prints median, min and
max wall time and the peak RSS of one more run, with "met" or "not met" against the targets.

Builds the jar and its CDS archive first if needed (./papers --version). BENCH_SNAPSHOT=1 measures a
copy of the build in bench/out/app/ (for when src/ is being edited meanwhile). The output of every run is
kept in bench/out/logs/.

Exit 0 when the bench ran (a missed target is printed as "not met"); 1 when something broke.
EOF
}

runs="${BENCH_RUNS:-20}"
warmup="${BENCH_WARMUP:-2}"
id=1706.03762
topic=distillation
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --runs) runs="${2:?--runs N}"; shift 2 ;;
    --warmup) warmup="${2:?--warmup N}"; shift 2 ;;
    --id) id="${2:?--id ID}"; shift 2 ;;
    --topic) topic="${2:?--topic NAME}"; shift 2 ;;
    *) say "bench/startup.sh: unknown argument: $1"; usage >&2; exit 2 ;;
  esac
done
case "$runs$warmup" in
  *[!0-9]*) die "--runs and --warmup take whole numbers" ;;
esac
[ "$runs" -ge 1 ] || die "--runs must be at least 1"

bench_init
export PAPERS_CACHE="$BENCH_ROOT/cache"
[ -d "$PAPERS_CACHE/papers" ] || die "no shipped cache in $PAPERS_CACHE"

rows=()
# row NAME TARGET_MS(or -) CMD...: measures and keeps one line of the table.
row() {
  local name="$1" target="$2" verdict="(for information)" rss
  shift 2
  say "bench: $name: $warmup warm-ups, $runs runs"
  time_runs "$runs" "$warmup" "startup-${name// /-}" -- "$@"
  local med="$BENCH_MEDIAN" lo="$BENCH_MIN" hi="$BENCH_MAX"
  rss="$(peak_rss_kb "$@")"
  if [ "$target" != - ]; then
    if [ "$med" -le "$target" ]; then verdict="met"; else verdict="not met"; fi
    verdict="$verdict (target $(secs "$target"))"
  fi
  rows+=("$(printf '%-34s %10s %10s %10s %11s  %s' "$name" "$(secs "$med")" "$(secs "$lo")" "$(secs "$hi")" \
    "$(mib "$rss")" "$verdict")")
}

# Sanity: each command does what it should, once, before it is timed.
"${PAPERS[@]}" --version >/dev/null || die "papers --version failed"
"${PAPERS[@]}" show "$id" >"$BENCH_OUT/startup-show.txt" 2>&1 \
  || { cat "$BENCH_OUT/startup-show.txt" >&2; die "papers show $id failed on $PAPERS_CACHE"; }
"${PAPERS[@]}" rank --topic "$topic" >"$BENCH_OUT/startup-rank.txt" 2>&1 \
  || { cat "$BENCH_OUT/startup-rank.txt" >&2; die "papers rank --topic $topic failed on $PAPERS_CACHE"; }

row "papers --version" 250 "${PAPERS[@]}" --version
row "papers show $id" 400 "${PAPERS[@]}" show "$id"
row "papers rank --topic $topic" - "${PAPERS[@]}" rank --topic "$topic"

# Whether the launcher's CDS archive is there, and whether the JVM takes it (an archive made for another
# build of the jar is refused, silently under -Xshare:auto: then it only costs time).
jar="$(bench_jar)"
jsa="${jar%.jar}.jsa"
if [ ! -f "$jsa" ]; then
  cds="none"
elif java -Xshare:on -XX:SharedArchiveFile="$jsa" -Xlog:disable -Xlog:all=off -jar "$jar" --version >/dev/null 2>&1; then
  cds="$(basename "$jsa"), taken by the JVM"
else
  cds="$(basename "$jsa") REFUSED by the JVM (made for another build of the jar)"
fi
echo
echo "start-up, whole processes through the launcher ($runs runs after $warmup warm-ups)"
echo "CDS archive: $cds"
echo "machine: $(machine)"
echo
printf '%-34s %10s %10s %10s %11s  %s\n' "command" "median" "min" "max" "peak RSS" "target"
printf '%s\n' "${rows[@]}"
