#!/usr/bin/env bash
# bench/sqlite.sh: the measured alternative to the rank index, SQLite (sqlite-jdbc 3.54.1.0, FTS5),
# side by side with papers rank on the cache bench/rank.sh generated. See --help.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  cat <<'HELP'
usage: bench/sqlite.sh [--papers N] [--runs R]

On the cache bench/rank.sh generated (run it first), loads what ranking reads into a SQLite database
with bench/SqliteRank.java (velocities by the tool's own code; titles and abstracts in an FTS5 table),
then, R times each (default 5), one after the other: papers rank --topic bench --limit 50 --format json
(on its index), and the SQLite query for the same 50 papers, read from their files as papers prints
them. sqlite-jdbc is fetched into the Maven cache by the Maven wrapper. Prints median, min, max wall
time, median CPU time and peak RSS of each, the load time and the database's size.
HELP
  exit 0
fi
papers=100000
runs="${BENCH_RUNS:-5}"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --papers) papers="${2:?}"; shift 2 ;;
    --runs) runs="${2:?}"; shift 2 ;;
    *) echo "bench/sqlite.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
bench_init
gen="$BENCH_OUT/rank/gen-$papers"
[ -f "$gen/done" ] || die "no generated cache in $gen: run bench/rank.sh --papers $papers first"
ver=3.54.1.0
jar="$HOME/.m2/repository/org/xerial/sqlite-jdbc/$ver/sqlite-jdbc-$ver.jar"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q dependency:get -Dartifact="org.xerial:sqlite-jdbc:$ver" >/dev/null
fi
cp="$(bench_jar):$jar"
db="$BENCH_OUT/rank/bench-$papers.sqlite"
export PAPERS_CACHE="$gen/cache" PAPERS_QUERIES="$gen/queries" PAPERS_NOW="2026-12-01T00:00:00Z"
export PAPERS_JAVA_OPTS="${PAPERS_JAVA_OPTS:-} -Xmx256m"
export BENCH_WITH_RSS=1
mkdir -p "$BENCH_OUT/classes"
javac -cp "$cp" -d "$BENCH_OUT/classes" "$BENCH_ROOT/bench/SqliteRank.java"
t0="$(now_ms)"
java -Xmx256m -cp "$cp:$BENCH_OUT/classes" SqliteRank load "$PAPERS_CACHE" "$db"
load_ms=$(( $(now_ms) - t0 ))
"${PAPERS[@]}" rank --topic bench --limit 50 --format json >/dev/null   # the index up to date
time_runs "$runs" 1 rank -- "${PAPERS[@]}" rank --topic bench --limit 50 --format json
r="$BENCH_MEDIAN $BENCH_MIN $BENCH_MAX ${BENCH_CPU_MEDIAN:-0} ${BENCH_PEAK_RSS_KB:-0}"
time_runs "$runs" 1 sqlite -- java -Xshare:auto -Xmx256m -cp "$cp:$BENCH_OUT/classes" SqliteRank rank \
  "$PAPERS_CACHE" "$db" bench 50
s="$BENCH_MEDIAN $BENCH_MIN $BENCH_MAX ${BENCH_CPU_MEDIAN:-0} ${BENCH_PEAK_RSS_KB:-0}"
time_runs "$runs" 1 sqlite-fts -- java -Xshare:auto -Xmx256m -cp "$cp:$BENCH_OUT/classes" SqliteRank rank \
  "$PAPERS_CACHE" "$db" nosuchtag 50 distillation
f="$BENCH_MEDIAN $BENCH_MIN $BENCH_MAX ${BENCH_CPU_MEDIAN:-0} ${BENCH_PEAK_RSS_KB:-0}"
echo
echo "rank index vs SQLite: $papers papers, top 50; $(machine)"
printf '%-44s %9s %9s %9s %9s %11s\n' "command (whole process)" median min max "CPU med" "peak RSS"
for line in "papers rank (rank.idx + text.log)|$r" "SQLite, tagged members|$s" "SQLite, FTS5 keyword members|$f"; do
  name="${line%%|*}"
  read -r med mn mx cpu rss <<<"${line#*|}"
  printf '%-44s %9s %9s %9s %9s %11s\n' "$name" "$(secs "$med")" "$(secs "$mn")" "$(secs "$mx")" "$(secs "$cpu")" "$(mib "$rss")"
done
echo "SQLite load (every paper file read once): $(secs "$load_ms"); database $(du -h "$db" | cut -f1)"
