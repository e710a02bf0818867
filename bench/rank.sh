#!/usr/bin/env bash
# bench/rank.sh: `papers rank` over a 100,000-paper cache, side by side with jq sorting the same
# records. See --help.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
usage: bench/rank.sh [--papers N] [--runs R] [--limit L] [--heap SIZE] [--fresh]

Generates (once, then reused) a cache of N papers (default 100000) with bench/GenCache.java, every one
tagged with the topic `bench` and carrying 1 to 12 Semantic Scholar counts, and the same records as
one JSON Lines file with a top-level "count". Then, in the same run:
  - papers rank --topic bench --limit L --format json (default L = 50), the whole process through the
    launcher, with the heap capped at SIZE (default 256m: -Xmx through PAPERS_JAVA_OPTS): once to build
    the rank index (shown apart), then R times (default 5, or BENCH_RUNS) on the index as it stands;
  - the same after 1,000 paper files changed (as a refresh would leave them): the index is brought up
    to date (those files read again, the index rewritten), R times;
  - jq -s 'sort_by(-.count) | .[:L]' on the JSON Lines file, R times, when jq (1.6 or later) is
    installed; without it the bench says so and prints papers' figures alone.
It prints median, min and max wall time and the peak RSS of each, and checks the target: papers rank
at most half of jq's time, within the heap cap.

  --papers N   cache size (default 100000)
  --runs R     timed runs of each command (default 5; BENCH_RUNS)
  --limit L    papers printed (default 50)
  --heap SIZE  -Xmx for papers (default 256m)
  --fresh      generate the cache again even if one of that size is there

Work files go to bench/out/rank/ (about 0.8 GB at 100,000 papers), each run's output to
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
    --now "$now" --topic bench --jsonl "$gen/records.jsonl" >/dev/null
  printf '%s\n' '{"title": "Bench: every generated paper", "keywords": ["distillation"], "include": [], "exclude": []}' \
    >"$gen/queries/bench.json"
  touch "$gen/done"
fi

export PAPERS_CACHE="$gen/cache"
export PAPERS_QUERIES="$gen/queries"
export PAPERS_NOW="$now"
export PAPERS_JAVA_OPTS="${PAPERS_JAVA_OPTS:-} -Xmx$heap"
export BENCH_WITH_RSS=1

check_rank_output() {
  local out="$BENCH_OUT/logs/rank.$1.out"
  local n
  n="$(grep -c '"rank" : [0-9]' "$out" || true)"
  [ "$n" = "$limit" ] || die "run $1 printed $n ranked papers, not $limit (see $out)"
}

say ""
say "papers rank over $papers papers (heap -Xmx$heap); $(machine)"
# The index is built by the first run after the cache was generated (or after the format changed).
# Paper files written less than 2 s before the index is made are not trusted by it (racy times):
# let the generated ones age first, as a cache that was not written this very second.
rm -rf "$PAPERS_CACHE/.state/index"
sleep 2
measure_once 1 "$BENCH_OUT/logs/rank-build.out" "$BENCH_OUT/logs/rank-build.err" \
  "${PAPERS[@]}" rank --topic bench --limit "$limit" --format json
[ "$LAST_RC" = 0 ] || { cat "$BENCH_OUT/logs/rank-build.err" >&2; die "the first rank failed"; }
build_ms="$LAST_MS"
build_rss="$LAST_RSS_KB"
say "  first run, building the index: $(secs "$build_ms"), peak RSS $(mib "$build_rss")"

BENCH_AFTER_EACH=check_rank_output time_runs "$runs" 1 rank -- \
  "${PAPERS[@]}" rank --topic bench --limit "$limit" --format json
rank_med="$BENCH_MEDIAN" rank_min="$BENCH_MIN" rank_max="$BENCH_MAX" rank_rss="$BENCH_PEAK_RSS_KB"

# 1,000 papers changed since the index was made: their times move (a refresh rewrites them).
touch_some() {
  { find "$PAPERS_CACHE/papers/arxiv" -name '*.json' || true; } | head -n 1000 | xargs touch
  sleep 2
}
BENCH_BEFORE_EACH=touch_some time_runs "$runs" 0 rank-after-change -- \
  "${PAPERS[@]}" rank --topic bench --limit "$limit" --format json
chg_med="$BENCH_MEDIAN" chg_min="$BENCH_MIN" chg_max="$BENCH_MAX" chg_rss="$BENCH_PEAK_RSS_KB"

jq_med=""
if command -v jq >/dev/null 2>&1; then
  jqv="$(jq --version 2>/dev/null || echo jq)"
  case "$jqv" in
    jq-1.[0-5]|jq-1.[0-5].*) say "bench: $jqv is older than 1.6: jq's figures left out" ;;
    *)
      time_runs "$runs" 1 jq -- jq -s "sort_by(-.count) | .[:$limit]" "$gen/records.jsonl"
      jq_med="$BENCH_MEDIAN" jq_min="$BENCH_MIN" jq_max="$BENCH_MAX" jq_rss="$BENCH_PEAK_RSS_KB"
      ;;
  esac
else
  say "bench: jq is not installed: papers' figures alone (install jq 1.6+ to compare)"
fi

index_size="$(du -h "$PAPERS_CACHE/.state/index/papers.idx" | cut -f1)"
echo
echo "rank: $papers papers, --limit $limit, heap -Xmx$heap; $(machine)"
printf '%-46s %10s %10s %10s %12s\n' "command (whole process)" median min max "peak RSS"
printf '%-46s %10s %10s %10s %12s\n' "papers rank (index up to date)" "$(secs "$rank_med")" "$(secs "$rank_min")" \
  "$(secs "$rank_max")" "$(mib "$rank_rss")"
printf '%-46s %10s %10s %10s %12s\n' "papers rank (1,000 papers changed)" "$(secs "$chg_med")" "$(secs "$chg_min")" \
  "$(secs "$chg_max")" "$(mib "$chg_rss")"
printf '%-46s %10s %10s %10s %12s\n' "papers rank (first run, builds the index)" "$(secs "$build_ms")" "" "" \
  "$(mib "$build_rss")"
if [ -n "$jq_med" ]; then
  printf '%-46s %10s %10s %10s %12s\n' "$jqv -s 'sort_by(-.count) | .[:$limit]'" "$(secs "$jq_med")" "$(secs "$jq_min")" \
    "$(secs "$jq_max")" "$(mib "$jq_rss")"
fi
echo "index: $index_size for $papers papers ($PAPERS_CACHE/.state/index/papers.idx)"
if [ -n "$jq_med" ]; then
  ratio="$(awk -v a="$rank_med" -v b="$jq_med" 'BEGIN { printf "%.2f", a / b }')"
  verdict="not met"
  if awk -v r="$ratio" 'BEGIN { exit !(r <= 0.5) }'; then verdict="met"; fi
  note=""
  if [ "$papers" -lt 100000 ]; then note=" (the target is set at 100,000 papers; at $papers the JVM's start weighs more)"; fi
  echo "target: papers rank at most half of jq's time, heap at most 256 MB: $ratio x jq's median, -Xmx$heap: $verdict$note"
fi
