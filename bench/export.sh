#!/usr/bin/env bash
# bench/export.sh: `papers export` of the cache bench/rank.sh generated, in a small heap, then read by
# DuckDB. See --help.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  cat <<'HELP'
usage: bench/export.sh [--papers N] [--heap SIZE]

On the cache bench/rank.sh generated (run it first; default 100,000 papers), runs
`papers export > bench/out/export/papers.jsonl` once with the heap capped at SIZE (default 128m) and
prints its wall time, CPU time, peak RSS and the file's size; then DuckDB (duckdb_jdbc 2.0.0.1, fetched
into the Maven cache by the Maven wrapper, through bench/DuckQuery.java) reads the file with
read_json: the number of records, of observations, and the five best lifetime velocities computed in
SQL. Exit 1 when the export fails or DuckDB does not read every record.
HELP
  exit 0
fi
papers=100000
heap=128m
while [ "$#" -gt 0 ]; do
  case "$1" in
    --papers) papers="${2:?}"; shift 2 ;;
    --heap) heap="${2:?}"; shift 2 ;;
    *) echo "bench/export.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
bench_init
gen="$BENCH_OUT/rank/gen-$papers"
[ -f "$gen/done" ] || die "no generated cache in $gen: run bench/rank.sh --papers $papers first"
ver=2.0.0.1
jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$ver/duckdb_jdbc-$ver.jar"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$ver" >/dev/null
fi
out="$BENCH_OUT/export"
mkdir -p "$out"
export PAPERS_CACHE="$gen/cache" PAPERS_QUERIES="$gen/queries"
export PAPERS_JAVA_OPTS="${PAPERS_JAVA_OPTS:-} -Xmx$heap"
measure_once 1 "$out/papers.jsonl" "$out/export.err" "${PAPERS[@]}" export
[ "$LAST_RC" = 0 ] || { cat "$out/export.err" >&2; die "papers export failed"; }
lines="$(wc -l <"$out/papers.jsonl")"
echo "papers export: $lines records, $(du -h "$out/papers.jsonl" | cut -f1), heap -Xmx$heap: wall $(secs "$LAST_MS"), CPU $(secs "${LAST_CPU_MS:-0}"), peak RSS $(mib "$LAST_RSS_KB"); $(machine)"
file="$out/papers.jsonl"
t0="$(now_ms)"
java -cp "$jar" "$BENCH_ROOT/bench/DuckQuery.java" "
  SELECT count(*) AS records, sum(len(history)) AS observations
  FROM read_json('$file', format = 'newline_delimited')" | tee "$out/duckdb-counts.tsv"
java -cp "$jar" "$BENCH_ROOT/bench/DuckQuery.java" "
  SELECT id, citations.semanticScholar.count AS count,
         round(citations.semanticScholar.count / greatest(0.25,
           (epoch(CAST(citations.semanticScholar.observedAt AS TIMESTAMP)) - epoch(CAST(published AS TIMESTAMP)))
           / 86400 / 365.25), 1) AS lifetime_per_year
  FROM read_json('$file', format = 'newline_delimited')
  ORDER BY lifetime_per_year DESC LIMIT 5"
echo "DuckDB (two queries, JVM start included): $(secs $(( $(now_ms) - t0 )))"
read_n="$(awk 'NR == 2 { print $1 }' "$out/duckdb-counts.tsv")"
[ "$read_n" = "$lines" ] || die "DuckDB read $read_n records of $lines"
