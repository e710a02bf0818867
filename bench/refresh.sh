#!/usr/bin/env bash
# bench/refresh.sh: `papers refresh` over a large stale cache against a stand-in upstream on loopback.
# See --help.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
usage: bench/refresh.sh [--papers N] [--runs R] [--sources LIST] [--heap SIZE] [--raw-cache] [--on DIR] [--keep]

Generates a cache of N papers (default 10000) with bench/GenCache.java, every one stale for Semantic
Scholar (newest count 10 days old), for OpenAlex (never counted) and for arXiv (metadata 40 days old);
every one has an arXiv id, every fourth one a published DOI too. Starts bench/StandIn.java on loopback in
place of the three APIs, and runs `papers refresh --summary` R times (default 3, or BENCH_RUNS), each on
a fresh copy of the cache, with every PAPERS_*_INTERVAL=0 and PAPERS_NOW fixed. It prints:
  - per run: wall time, the tool's summary, the requests the stand-in received, peak RSS;
  - requests per source against the contract's floor: Semantic Scholar ceil(N/500), OpenAlex ceil(N/50)
    (OR-filters of 50 papers, each with its arXiv DOI and its DOI), arXiv ceil(N/100) (the tool's
    id_list batch), PASS or FAIL;
  - median, min and max wall time, wall time per 1,000 papers, and the peak RSS of the process.

  --papers N    cache size (default 10000)
  --runs R      timed runs (default 3; BENCH_RUNS)
  --sources L   passed to refresh (default: arxiv,s2,openalex, the tool's default); a source left out is
                expected to get no request (to see what each source's pass costs)
  --heap SIZE   the tool's heap cap, -Xmx (default 256m; none: the JVM's default); an -Xmx already in
                PAPERS_JAVA_OPTS wins
  --raw-cache   use GenCache's output as it is. By default the alias files the tool keeps for every
                alias (aliases/corpus/..., aliases/s2/..., aliases/doi/...) are added first, as a cache the
                tool has refreshed before has them; GenCache writes none, and without them the first
                refresh also writes ~2.25 alias files per paper.
  --on DIR      put the generated cache and the runs' copies in a new directory under DIR (removed at
                the end) instead of bench/out/refresh/: e.g. --on /dev/shm to see the figures without the
                disk (fsync costs next to nothing on tmpfs)
  --keep        keep the generated cache and the last run's copy (bench/out/refresh/{gen,run}/)
  --interval MS set PAPERS_ARXIV_INTERVAL, PAPERS_S2_INTERVAL and PAPERS_OPENALEX_INTERVAL to MS
                milliseconds (default 0) and print the wall time against what the intervals impose: the
                sources are asked side by side, so the longest of (requests - 1) x MS over the sources;
                the target is within 10% of it

Work files go to bench/out/refresh/, every run's output to bench/out/logs/refresh.*. BENCH_SNAPSHOT=1
measures a copy of the build (see bench/lib.sh); PAPERS_JAVA_OPTS reaches java (for profiling).

Exit 0 when the bench ran and every run matched the floor and refreshed every paper; 1 when something
broke (a run failed, a request count is not the floor, a paper was not refreshed).
EOF
}

papers=10000
runs="${BENCH_RUNS:-3}"
raw=0
keep=0
on=""
sources="arxiv,s2,openalex"
interval=0
heap=256m
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --papers) papers="${2:?--papers N}"; shift 2 ;;
    --runs) runs="${2:?--runs R}"; shift 2 ;;
    --raw-cache) raw=1; shift ;;
    --keep) keep=1; shift ;;
    --on) on="${2:?--on DIR}"; shift 2 ;;
    --sources) sources="${2:?--sources LIST}"; shift 2 ;;
    --interval) interval="${2:?--interval MS}"; shift 2 ;;
    --heap) heap="${2:?--heap SIZE}"; shift 2 ;;
    *) say "bench/refresh.sh: unknown argument: $1"; usage >&2; exit 2 ;;
  esac
done
case "$papers$runs$interval" in
  *[!0-9]*) die "--papers, --runs and --interval take whole numbers" ;;
esac
[ "$papers" -ge 1 ] || die "--papers must be at least 1"
[ "$runs" -ge 1 ] || die "--runs must be at least 1"

# The contract's floor (CONTRACT.md, "Refresh"; README: Semantic Scholar batches of 500, OpenAlex
# OR-filters of 50 papers (PAPERS_OPENALEX_BATCH's default), arXiv id_list batches of 100:
# PAPERS_ARXIV_BATCH's default in SourceSet).
S2_BATCH=500
OPENALEX_BATCH=50
ARXIV_BATCH=100
NOW=2026-12-01T00:00:00Z
want_s2=0
want_arxiv=0
want_openalex=0
IFS=, read -r -a chosen <<<"$sources"
for s in "${chosen[@]}"; do
  case "$s" in
    s2) want_s2=1 ;;
    arxiv) want_arxiv=1 ;;
    openalex) want_openalex=1 ;;
    *) die "--sources: arxiv, s2 and openalex only (the stand-in serves no Scholar): $sources" ;;
  esac
done
s2_floor=$((want_s2 * ((papers + S2_BATCH - 1) / S2_BATCH)))
arxiv_floor=$((want_arxiv * ((papers + ARXIV_BATCH - 1) / ARXIV_BATCH)))
openalex_floor=$((want_openalex * ((papers + OPENALEX_BATCH - 1) / OPENALEX_BATCH)))
# The values OpenAlex is asked for: every paper's arXiv DOI, and the published DOI of every fourth
# (GenCache gives paper i a DOI when i % 4 == 0).
openalex_values=$((want_openalex * (papers + (papers + 3) / 4)))

bench_init
jar="$(bench_jar)"
case " ${PAPERS_JAVA_OPTS:-} " in
  *" -Xmx"*) ;;
  *) [ "$heap" = none ] || export PAPERS_JAVA_OPTS="-Xmx$heap${PAPERS_JAVA_OPTS:+ $PAPERS_JAVA_OPTS}" ;;
esac
if [ -n "$on" ]; then
  [ -d "$on" ] || die "--on $on: not a directory"
  work="$(mktemp -d "$(cd "$on" && pwd)/papers-bench-refresh.XXXXXX")"
else
  work="$BENCH_OUT/refresh"
  rm -rf "$work"
  mkdir -p "$work"
fi
gen="$work/gen"
run_dir="$work/run"
counts="$work/counts.json"
standin_pid=""

cleanup() {
  if [ -n "$standin_pid" ]; then
    kill "$standin_pid" 2>/dev/null || true
    wait "$standin_pid" 2>/dev/null || true
  fi
  if [ "$keep" != 1 ]; then
    rm -rf "$run_dir"
    if [ -n "$on" ]; then
      rm -rf "$work"
    fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the data ------------------------------------------------------------------------------------------------
say "bench: generating $papers papers (stale for Semantic Scholar, OpenAlex and arXiv) in $gen"
t0="$(now_ms)"
java -cp "$jar" "$BENCH_ROOT/bench/GenCache.java" --papers "$papers" --out "$gen" --now "$NOW" \
  --s2-age 10 --arxiv-age 40 >"$work/gen.log" 2>&1 || { cat "$work/gen.log" >&2; die "GenCache failed"; }
if [ "$raw" != 1 ]; then
  java -cp "$jar" "$BENCH_ROOT/bench/StandIn.java" --complete-aliases "$gen" >>"$work/gen.log" 2>&1 \
    || { cat "$work/gen.log" >&2; die "StandIn --complete-aliases failed"; }
fi
say "bench: generated in $(secs "$(($(now_ms) - t0))")"
alias_files_gen="$(find "$gen" -path "$gen/aliases/*" -type f | wc -l)"

# --- the stand-in --------------------------------------------------------------------------------------------
java -cp "$jar" "$BENCH_ROOT/bench/StandIn.java" 0 --cache "$gen" --counts "$counts" --port-file "$work/port" \
  >"$work/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 1 3000); do
  [ -s "$work/port" ] && break
  kill -0 "$standin_pid" 2>/dev/null || { cat "$work/standin.log" >&2; die "the stand-in server did not start"; }
  sleep 0.1
done
[ -s "$work/port" ] || die "the stand-in server did not say its port within 300 s (see $work/standin.log)"
port="$(cat "$work/port")"
say "bench: $(head -n 1 "$work/standin.log")"

export PAPERS_CACHE="$run_dir"
export PAPERS_S2_URL="http://127.0.0.1:$port/graph/v1"
export PAPERS_ARXIV_URL="http://127.0.0.1:$port/api/query"
export PAPERS_OPENALEX_URL="http://127.0.0.1:$port/openalex"
export PAPERS_SCHOLAR_URL="http://127.0.0.1:$port/scholar-is-not-asked"
export PAPERS_S2_INTERVAL="${interval}ms" PAPERS_ARXIV_INTERVAL="${interval}ms" PAPERS_SCHOLAR_INTERVAL=0
export PAPERS_OPENALEX_INTERVAL="${interval}ms"
export PAPERS_NOW="$NOW"

# count KEY: the stand-in's count of KEY (s2.batch, s2.paper, arxiv.idlist, arxiv.search, openalex.list,
# openalex.single, other, ids.s2, ...)
count() {
  local v
  v="$(grep -o "\"$1\":[0-9]*" "$counts" | head -n 1 | cut -d: -f2)"
  echo "${v:-0}"
}

declare -A before=()
keys=(s2.batch s2.paper arxiv.idlist arxiv.search openalex.list openalex.single other ids.s2 ids.arxiv ids.openalex)
rows=()
failures=()
s2_sent=()
arxiv_sent=()
openalex_sent=()

fresh_copy() {
  rm -rf "$run_dir"
  cp -a "$gen" "$run_dir"
  local k
  for k in "${keys[@]}"; do before[$k]="$(count "$k")"; done
}

check_run() {
  local i="$1" k out summary
  declare -A d=()
  for k in "${keys[@]}"; do d[$k]=$(($(count "$k") - ${before[$k]})); done
  local s2 ax oa
  s2=$((${d[s2.batch]} + ${d[s2.paper]}))
  ax=$((${d[arxiv.idlist]} + ${d[arxiv.search]}))
  oa=$((${d[openalex.list]} + ${d[openalex.single]}))
  # The tool's own request counts, in its summary, for the sources asked (in name order).
  local expect_requests=""
  [ "$want_s2" = 0 ] || expect_requests="semanticScholar $s2"
  [ "$want_openalex" = 0 ] || expect_requests="openAlex $oa${expect_requests:+, $expect_requests}"
  [ "$want_arxiv" = 0 ] || expect_requests="arxiv $ax${expect_requests:+, $expect_requests}"
  s2_sent+=("$s2")
  arxiv_sent+=("$ax")
  openalex_sent+=("$oa")
  out="$BENCH_OUT/logs/refresh.$i.out"
  summary="$(grep -m 1 '^papers refresh:' "$out" | sed 's/^papers refresh: //' || true)"
  [ -n "$summary" ] || failures+=("run $i: no summary line in $out")
  case "$summary" in
    "$papers refreshed, 0 not found, 0 failed, 0 skipped (fresh), 0 left; requests: $expect_requests;"*) ;;
    *) failures+=("run $i: summary is not \"$papers refreshed, 0 not found, 0 failed, 0 skipped (fresh), 0 left; requests: $expect_requests\": $summary") ;;
  esac
  [ "${d[other]}" = 0 ] || failures+=("run $i: ${d[other]} requests the stand-in does not serve (see $BENCH_OUT/refresh/standin.log)")
  [ "${d[ids.s2]}" = $((want_s2 * papers)) ] \
    || failures+=("run $i: Semantic Scholar was asked for ${d[ids.s2]} ids, not $((want_s2 * papers))")
  [ "${d[ids.arxiv]}" = $((want_arxiv * papers)) ] \
    || failures+=("run $i: arXiv was asked for ${d[ids.arxiv]} ids, not $((want_arxiv * papers))")
  [ "${d[ids.openalex]}" = "$openalex_values" ] \
    || failures+=("run $i: OpenAlex was asked for ${d[ids.openalex]} values, not $openalex_values")
  local files aliases
  files="$(find "$run_dir/papers" -name '*.json' -type f | wc -l)"
  [ "$files" = "$papers" ] || failures+=("run $i: the cache holds $files paper files after the run, not $papers")
  aliases="$(find "$run_dir" -path "$run_dir/aliases/*" -type f | wc -l)"
  # Every paper got today's count: one file checked.
  local sample
  sample="$(find "$run_dir/papers/arxiv" -name '*.json' -type f -print -quit)"
  if [ "$want_s2" = 1 ] || [ "$want_openalex" = 1 ]; then
    grep -q "\"observedAt\" : \"$NOW\"" "$sample" || failures+=("run $i: $sample has no observation at $NOW")
  fi
  if [ "$want_openalex" = 1 ]; then
    grep -q '"openAlex" : {' "$sample" || failures+=("run $i: $sample has no OpenAlex count")
  fi
  rows+=("$(printf '%-4s %9s %11s %10s %7s %7s %7s %9s  %s' "$i" "$(secs "$LAST_MS")" \
    "$(secs "$((LAST_MS * 1000 / papers))")" "$(mib "$LAST_RSS_KB")" "$s2" "$oa" "$ax" \
    "+$((aliases - alias_files_gen))" "${summary:-?}")")
}

say "bench: $runs runs of papers refresh --summary on fresh copies of the $papers-paper cache"
BENCH_BEFORE_EACH=fresh_copy BENCH_AFTER_EACH=check_run BENCH_WITH_RSS=1 \
  time_runs "$runs" 0 refresh -- "${PAPERS[@]}" refresh --summary --sources "$sources"

# --- the figures ---------------------------------------------------------------------------------------------
verdict() { # sent-list floor
  local floor="$1" v
  shift
  for v in "$@"; do
    [ "$v" = "$floor" ] || { echo "FAIL"; return 0; }
  done
  echo "PASS"
}
s2_verdict="$(verdict "$s2_floor" "${s2_sent[@]}")"
arxiv_verdict="$(verdict "$arxiv_floor" "${arxiv_sent[@]}")"
openalex_verdict="$(verdict "$openalex_floor" "${openalex_sent[@]}")"
[ "$s2_verdict" = PASS ] || failures+=("Semantic Scholar requests ${s2_sent[*]} differ from the floor $s2_floor")
[ "$arxiv_verdict" = PASS ] || failures+=("arXiv requests ${arxiv_sent[*]} differ from the floor $arxiv_floor")
[ "$openalex_verdict" = PASS ] || failures+=("OpenAlex requests ${openalex_sent[*]} differ from the floor $openalex_floor")

echo
echo "papers refresh --sources $sources: $papers papers stale for Semantic Scholar, OpenAlex and arXiv; intervals ${interval} ms; stand-in on loopback"
echo "java options of the tool: ${PAPERS_JAVA_OPTS:-none (the default heap of the JVM)}"
echo "machine: $(machine)"
echo "file system of the cache: $(df -PT "$work" 2>/dev/null | awk 'NR == 2 { print $2 " (" $7 ")" }')"
echo "cache: bench/GenCache.java --papers $papers --s2-age 10 --arxiv-age 40$([ "$raw" = 1 ] && echo ' (raw: no alias files)' || echo ', alias files completed')"
echo
printf '%-4s %9s %11s %10s %7s %7s %7s %9s  %s\n' "run" "wall" "per 1,000" "peak RSS" "S2 req" "OpenAlex" "arXiv" "aliases" \
  "the tool's summary"
printf '%s\n' "${rows[@]}"
echo
# sent LIST...: the one value when every run sent the same, else every run's, comma-separated.
sent() {
  local u
  u="$(printf '%s\n' "$@" | sort -u)"
  if [ "$(printf '%s\n' "$u" | wc -l)" = 1 ]; then echo "$u"; else local IFS=,; echo "$*"; fi
}
printf '%-18s %9s %6s  %s\n' "requests per run" "sent" "floor" ""
printf '%-18s %9s %6s  %s\n' "Semantic Scholar" "$(sent "${s2_sent[@]}")" "$s2_floor" "$s2_verdict"
printf '%-18s %9s %6s  %s\n' "OpenAlex" "$(sent "${openalex_sent[@]}")" "$openalex_floor" "$openalex_verdict"
printf '%-18s %9s %6s  %s\n' "arXiv" "$(sent "${arxiv_sent[@]}")" "$arxiv_floor" "$arxiv_verdict"
echo
printf '%-26s %10s %10s %10s\n' "" "median" "min" "max"
printf '%-26s %10s %10s %10s\n' "wall time ($runs runs)" "$(secs "$BENCH_MEDIAN")" "$(secs "$BENCH_MIN")" \
  "$(secs "$BENCH_MAX")"
printf '%-26s %10s %10s %10s\n' "wall time per 1,000 papers" "$(secs "$((BENCH_MEDIAN * 1000 / papers))")" \
  "$(secs "$((BENCH_MIN * 1000 / papers))")" "$(secs "$((BENCH_MAX * 1000 / papers))")"
printf '%-26s %10s\n' "peak RSS (highest run)" "$(mib "$BENCH_PEAK_RSS_KB")"
if [ "$interval" -gt 0 ]; then
  imposed=0
  for f in "$s2_floor" "$arxiv_floor" "$openalex_floor"; do
    [ "$f" -gt 0 ] && [ $(((f - 1) * interval)) -gt "$imposed" ] && imposed=$(((f - 1) * interval))
  done
  over="$(awk -v w="$BENCH_MEDIAN" -v i="$imposed" 'BEGIN { if (i > 0) printf "%.1f", (w - i) * 100 / i; else print "n/a" }')"
  verdict="not met"
  if awk -v o="$over" 'BEGIN { exit !(o != "n/a" && o <= 10) }'; then verdict="met"; fi
  printf '%-26s %10s  (median wall time %s%% over it; target within 10%%: %s)\n' "imposed by ${interval} ms intervals" \
    "$(secs "$imposed")" "$over" "$verdict"
fi

if [ "${#failures[@]}" -gt 0 ]; then
  echo
  printf 'FAILED: %s\n' "${failures[@]}"
  exit 1
fi
