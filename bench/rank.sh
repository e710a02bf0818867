#!/usr/bin/env bash
# bench/rank.sh: `papers rank` over a 100,000-paper cache, side by side with jq sorting the same
# papers' minimal records. See --help.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
usage: bench/rank.sh [--papers N] [--runs R] [--limit L] [--heap SIZE] [--fresh]

Generates (once, then reused) a cache of N papers (default 100000) with bench/GenCache.java, every one
tagged with the topic `bench` and carrying 1 to 12 Semantic Scholar counts, and the same papers as a
JSON Lines file of minimal records: {"id", "title", "count"}. Then, in the same run:
  - papers rank --topic bench --limit L --format json (default L = 50), the whole process through the
    launcher, heap capped at SIZE (default 256m: -Xmx through PAPERS_JAVA_OPTS): once with no index
    (it builds one), shown apart;
  - R rounds (default 5, or BENCH_RUNS) of: papers rank on the index as it stands, then
    jq -s 'sort_by(-.count) | .[:L]' on the minimal file (when jq 1.6+ is installed), one after the
    other, so that the machine's drift weighs on both alike;
  - R runs after 1,000 papers changed the way a refresh changes them (bench/ChangePapers.java: a new
    count each, stored through the cache), each run on another 1,000;
  - R runs that check every paper file's attributes (what rank does once a day, and on every run with
    -Dpapers.index.verifyEvery=0; the runs above are the default: the directories' times, the change
    journal and the rolling check of 4,096 files a run).
It prints median, min and max wall time, the median CPU time (user + system) and the peak RSS of each,
and checks the targets: papers rank at most half of jq's time (wall medians) within the heap cap; at
most jq's time after 1,000 papers changed; the first run under 10 s.

  --papers N   cache size (default 100000)
  --runs R     rounds (default 5; BENCH_RUNS)
  --limit L    papers printed (default 50)
  --heap SIZE  -Xmx for papers (default 256m)
  --fresh      generate the cache again even if one of that size is there

Work files go to bench/out/rank/ (about 1.1 GB at 100,000 papers), each run's output to
bench/out/logs/. Exit 0 when the bench ran (a missed target is printed as "not met"), 1 when something
broke.
EOF
}

papers=100000
runs="${BENCH_RUNS:-5}"
limit=50
heap=256m
fresh=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --papers) papers="${2:?--papers needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --limit) limit="${2:?--limit needs a number}"; shift 2 ;;
    --heap) heap="${2:?--heap needs a size}"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) echo "bench/rank.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$papers$runs$limit" in
  *[!0-9]*) echo "bench/rank.sh: --papers, --runs and --limit take whole numbers" >&2; exit 2 ;;
esac

bench_init
work="$BENCH_OUT/rank"
gen="$work/gen-$papers"
now="2026-12-01T00:00:00Z"

if [ "$fresh" = 1 ] || [ ! -f "$gen/done" ]; then
  rm -rf "$gen"
  mkdir -p "$gen/queries"
  say "bench: generating $papers papers in $gen (once; later runs reuse them)…"
  java -cp "$(bench_jar)" "$BENCH_ROOT/bench/GenCache.java" --papers "$papers" --out "$gen/cache" \
    --now "$now" --topic bench --minimal "$gen/minimal.jsonl" >/dev/null
  printf '%s\n' '{"title": "Bench: every generated paper", "keywords": ["distillation"], "include": [], "exclude": []}' \
    >"$gen/queries/bench.json"
  touch "$gen/done"
fi

export PAPERS_CACHE="$gen/cache"
export PAPERS_QUERIES="$gen/queries"
export PAPERS_NOW="$now"
# The default mode for the index-up-to-date and 1,000-changed runs (directories, journal, rolling check);
# the full-check runs compare every file (-Dpapers.index.verifyEvery=0).
base_opts="${PAPERS_JAVA_OPTS:-} -Xmx$heap"
export PAPERS_JAVA_OPTS="$base_opts"
export BENCH_WITH_RSS=1
rank_cmd=("${PAPERS[@]}" rank --topic bench --limit "$limit" --format json)

check_rank_output() {
  local n
  n="$(grep -c '"rank" : [0-9]' "$1" || true)"
  [ "$n" = "$limit" ] || die "a run printed $n ranked papers, not $limit (see $1)"
}

have_jq=0
jqv=""
if command -v jq >/dev/null 2>&1; then
  jqv="$(jq --version 2>/dev/null || echo jq)"
  case "$jqv" in
    jq-1.[0-5]|jq-1.[0-5].*) say "bench: $jqv is older than 1.6: jq's figures left out" ;;
    *) have_jq=1 ;;
  esac
else
  say "bench: jq is not installed: papers' figures alone (install jq 1.6+ to compare)"
fi

say ""
say "papers rank over $papers papers (heap -Xmx$heap); $(machine)"
# The first run builds the index. Paper files written less than 2 s before the index is made are not
# trusted by it (racy times): let the generated ones age first, as a cache not written this very second.
rm -rf "$PAPERS_CACHE/.state/index"
sleep 2
mkdir -p "$BENCH_OUT/logs"
measure_once 1 "$BENCH_OUT/logs/rank-build.out" "$BENCH_OUT/logs/rank-build.err" "${rank_cmd[@]}"
[ "$LAST_RC" = 0 ] || { cat "$BENCH_OUT/logs/rank-build.err" >&2; die "the first rank failed"; }
build_ms="$LAST_MS" build_cpu="$LAST_CPU_MS" build_rss="$LAST_RSS_KB"
say "  first run, building the index: $(secs "$build_ms"), peak RSS $(mib "$build_rss")"
sleep 2
# One warm-up of each, untimed.
measure_once 0 /dev/null /dev/null "${rank_cmd[@]}"
if [ "$have_jq" = 1 ]; then
  measure_once 0 /dev/null /dev/null jq -s "sort_by(-.count) | .[:$limit]" "$gen/minimal.jsonl"
fi

# Side by side: rank, then jq, R times.
r_ms=() r_cpu=() r_rss="" j_ms=() j_cpu=() j_rss=""
for ((i = 1; i <= runs; i++)); do
  measure_once 1 "$BENCH_OUT/logs/rank.$i.out" "$BENCH_OUT/logs/rank.$i.err" "${rank_cmd[@]}"
  [ "$LAST_RC" = 0 ] || { cat "$BENCH_OUT/logs/rank.$i.err" >&2; die "rank run $i failed"; }
  check_rank_output "$BENCH_OUT/logs/rank.$i.out"
  r_ms+=("$LAST_MS") r_cpu+=("${LAST_CPU_MS:-0}")
  if [ -z "$r_rss" ] || [ "${LAST_RSS_KB:-0}" -gt "$r_rss" ]; then r_rss="$LAST_RSS_KB"; fi
  say "  round $i: papers rank $(secs "$LAST_MS")"
  if [ "$have_jq" = 1 ]; then
    measure_once 1 "$BENCH_OUT/logs/jq.$i.out" "$BENCH_OUT/logs/jq.$i.err" \
      jq -s "sort_by(-.count) | .[:$limit]" "$gen/minimal.jsonl"
    [ "$LAST_RC" = 0 ] || die "jq run $i failed"
    j_ms+=("$LAST_MS") j_cpu+=("${LAST_CPU_MS:-0}")
    if [ -z "$j_rss" ] || [ "${LAST_RSS_KB:-0}" -gt "$j_rss" ]; then j_rss="$LAST_RSS_KB"; fi
    say "  round $i: jq $(secs "$LAST_MS")"
  fi
done
stats "${r_cpu[@]}"; rank_cpu="$BENCH_MEDIAN"
stats "${r_ms[@]}"; rank_med="$BENCH_MEDIAN" rank_min="$BENCH_MIN" rank_max="$BENCH_MAX" rank_rss="$r_rss"
if [ "$have_jq" = 1 ]; then
  stats "${j_cpu[@]}"; jq_cpu="$BENCH_MEDIAN"
  stats "${j_ms[@]}"; jq_med="$BENCH_MEDIAN" jq_min="$BENCH_MIN" jq_max="$BENCH_MAX"
fi

# 1,000 papers changed since the index was made, as a refresh changes them (another 1,000 each run).
change_round=0
change_some() {
  change_round=$((change_round + 1))
  java -cp "$(bench_jar)" "$BENCH_ROOT/bench/ChangePapers.java" --cache "$PAPERS_CACHE" --papers 1000 \
    --round "$change_round" 2>/dev/null
  sleep 2
}
check_last() { check_rank_output "$BENCH_OUT/logs/rank-after-change.$1.out"; }
BENCH_BEFORE_EACH=change_some BENCH_AFTER_EACH=check_last time_runs "$runs" 0 rank-after-change -- "${rank_cmd[@]}"
chg_med="$BENCH_MEDIAN" chg_min="$BENCH_MIN" chg_max="$BENCH_MAX" chg_rss="$BENCH_PEAK_RSS_KB" chg_cpu="$BENCH_CPU_MEDIAN"

# The full check (every paper file's attributes), which rank makes when the last one is a day old.
export PAPERS_JAVA_OPTS="$base_opts -Dpapers.index.verifyEvery=0"
time_runs "$runs" 0 rank-full-check -- "${rank_cmd[@]}"
full_med="$BENCH_MEDIAN" full_min="$BENCH_MIN" full_max="$BENCH_MAX" full_rss="$BENCH_PEAK_RSS_KB" full_cpu="$BENCH_CPU_MEDIAN"
export PAPERS_JAVA_OPTS="$base_opts"

ms() { if [ -n "${1:-}" ]; then secs "$1"; else echo ""; fi; }
index_size="$(du -h "$PAPERS_CACHE/.state/index/rank.idx" | cut -f1)"
text_size="$(du -h "$PAPERS_CACHE/.state/index/text.log" | cut -f1)"
echo
echo "rank: $papers papers, --limit $limit, heap -Xmx$heap; $(machine)"
row() { printf '%-50s %9s %9s %9s %9s %11s\n' "$1" "$2" "$3" "$4" "$5" "$6"; }
row "command (whole process)" median min max "CPU med" "peak RSS"
rowm() { row "$1" "$(ms "$2")" "$(ms "$3")" "$(ms "$4")" "$(ms "$5")" "$(mib "$6")"; }
rowm "papers rank (index up to date)" "$rank_med" "$rank_min" "$rank_max" "$rank_cpu" "$rank_rss"
if [ "$have_jq" = 1 ]; then
  rowm "$jqv -s 'sort_by(-.count) | .[:$limit]' (minimal)" "$jq_med" "$jq_min" "$jq_max" "$jq_cpu" "$j_rss"
fi
rowm "papers rank (1,000 papers changed by the cache)" "$chg_med" "$chg_min" "$chg_max" "$chg_cpu" "$chg_rss"
rowm "papers rank (full check of every file)" "$full_med" "$full_min" "$full_max" "$full_cpu" "$full_rss"
rowm "papers rank (first run, builds the index)" "$build_ms" "" "" "$build_cpu" "$build_rss"
echo "index: rank.idx $index_size, text.log $text_size for $papers papers ($PAPERS_CACHE/.state/index/)"
if [ "$have_jq" = 1 ]; then
  ratio="$(awk -v a="$rank_med" -v b="$jq_med" 'BEGIN { printf "%.2f", a / b }')"
  cratio="$(awk -v a="$rank_cpu" -v b="$jq_cpu" 'BEGIN { printf "%.2f", a / b }')"
  cgr="$(awk -v a="$chg_med" -v b="$jq_med" 'BEGIN { printf "%.2f", a / b }')"
  verdict="not met"
  if awk -v r="$ratio" 'BEGIN { exit !(r <= 0.5) }'; then verdict="met"; fi
  cverdict="not met"
  if awk -v r="$cgr" 'BEGIN { exit !(r <= 1.0) }'; then cverdict="met"; fi
  bverdict="not met"
  if [ "$build_ms" -lt 10000 ]; then bverdict="met"; fi
  note=""
  if [ "$papers" -lt 100000 ]; then note=" (the target is set at 100,000 papers; at $papers the JVM's start weighs more)"; fi
  echo "target: papers rank at most half of jq's time, heap at most 256 MB: $ratio x jq's median wall time ($cratio x its CPU time), -Xmx$heap: $verdict$note"
  echo "target: after 1,000 papers changed, at most jq's time: $cgr x: $cverdict; first run under 10 s: $(secs "$build_ms"): $bverdict"
fi
