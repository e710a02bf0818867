# shellcheck shell=bash
# bench/lib.sh: what every bench script shares. Source it, don't run it:
#
#   . "$(dirname "$0")/lib.sh"
#   bench_init                 # cd to the repository, check the tools, build the jar, make bench/out/
#   time_runs 20 2 version -- "${PAPERS[@]}" --version     # prints median, min, max on stderr
#   echo "$BENCH_MEDIAN $BENCH_MIN $BENCH_MAX"              # and keeps them (ms)
#
# Variables it reads:
#   BENCH_SNAPSHOT=1   measure a private copy of the launcher, jar and CDS archive (bench/out/app/) instead
#                      of ./papers, so that edits to src/ made meanwhile (which make ./papers rebuild) do not
#                      land in the middle of a measurement.
#   PAPERS_JAVA_OPTS   passed to java by the launcher (for profiling); kept. Every other PAPERS_* variable of
#                      the caller's environment is unset, and PAPERS_CONFIG=/dev/null, so that a user's
#                      settings never change what is measured.
#
# Plain bash (4.2 or later), GNU userland. /usr/bin/time (GNU time) gives the peak RSS when present.

set -euo pipefail

if [ -z "${BASH_VERSION:-}" ]; then
  echo "bench: run the bench scripts with bash" >&2
  exit 1
fi

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_OUT="$BENCH_ROOT/bench/out"
# The command that runs the tool (an array: the launcher by its path).
PAPERS=("$BENCH_ROOT/papers")
# Peak RSS through GNU time, when it is there.
BENCH_TIME_BIN=""
BENCH_MS=()
BENCH_RSS_KB=()
BENCH_MEDIAN=0
BENCH_MIN=0
BENCH_MAX=0
BENCH_PEAK_RSS_KB=""
LAST_MS=0
LAST_RC=0
LAST_RSS_KB=""
LAST_CPU_MS=""
BENCH_CPU_MS=()
BENCH_CPU_MEDIAN=""

# --- messages ------------------------------------------------------------------------------------------------

say() { printf '%s\n' "$*" >&2; }

die() {
  say "bench: $*"
  exit 1
}

# need_tools TOOL...: exits with one clear message naming every missing tool.
need_tools() {
  local missing=() t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    die "missing required tool(s): ${missing[*]} (the benches need Java 17+ (java), git and GNU coreutils; jq is optional)"
  fi
}

# --- setup ---------------------------------------------------------------------------------------------------

# bench_init: cd to the repository root, check the tools, build the jar (and its CDS archive) through the
# launcher, make bench/out/, and settle the environment the tool runs in.
bench_init() {
  cd "$BENCH_ROOT"
  need_tools java awk sort cp rm mkdir mktemp find date uname
  local v
  v="$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  case "$v" in
    1.*|9|9.*|1[0-6]|1[0-6].*) die "Java 17 or later is needed; java -version says $v" ;;
  esac
  if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    BENCH_TIME_BIN=/usr/bin/time
  else
    say "bench: GNU time (/usr/bin/time) not found: peak RSS will be shown as n/a"
  fi
  mkdir -p "$BENCH_OUT"
  bench_clean_env
  # The launcher builds target/papers.jar and its CDS archive on first use (and after src/ changes).
  if ! "$BENCH_ROOT/papers" --version >"$BENCH_OUT/version.txt" 2>"$BENCH_OUT/build.err"; then
    cat "$BENCH_OUT/build.err" >&2
    die "./papers --version failed: the jar could not be built (see above)"
  fi
  if [ "${BENCH_SNAPSHOT:-0}" = 1 ]; then
    bench_snapshot
  fi
}

# bench_clean_env: no PAPERS_* setting of the caller's reaches the tool (PAPERS_JAVA_OPTS excepted), no
# configuration file is read, and loopback never goes through a proxy.
bench_clean_env() {
  local name
  while IFS= read -r name; do
    case "$name" in
      PAPERS_JAVA_OPTS) ;;
      PAPERS_*) unset "$name" ;;
    esac
  done < <(compgen -e)
  export PAPERS_CONFIG=/dev/null
  export PAPERS_QUERIES="$BENCH_ROOT/queries"
  export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
  export no_proxy="$NO_PROXY"
}

# bench_snapshot: copy the launcher and jar to bench/out/app/ and make the CDS archive for that copy the way
# the launcher makes it (an archive records the jar's path, so the original one would not match).
bench_snapshot() {
  local app="$BENCH_OUT/app"
  rm -rf "$app"
  mkdir -p "$app/target" "$app/src"
  cp "$BENCH_ROOT/papers" "$app/papers"
  # src/main and pom.xml too, mtimes kept, so that the launcher's staleness check (a find over them)
  # costs what it costs in the repository.
  cp -Rp "$BENCH_ROOT/src/main" "$app/src/main"
  cp -p "$BENCH_ROOT/pom.xml" "$app/pom.xml"
  cp "$BENCH_ROOT/target/papers.jar" "$app/built.jar"
  # The copied launcher finds no jar and "builds" it with this stand-in for the Maven wrapper, which puts the
  # copied jar in place; then the launcher makes the CDS archive its own way, for the copy's path.
  cat >"$app/mvnw" <<'EOF'
#!/bin/sh
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/target" && cp "$here/built.jar" "$here/target/papers.jar"
EOF
  chmod +x "$app/mvnw"
  if ! "$app/papers" --version >"$BENCH_OUT/version.txt" 2>"$BENCH_OUT/snapshot.err"; then
    cat "$BENCH_OUT/snapshot.err" >&2
    die "the snapshot in $app does not run"
  fi
  [ -f "$app/target/papers.jar" ] || die "the snapshot in $app has no jar"
  PAPERS=("$app/papers")
  say "bench: measuring a snapshot of the build in bench/out/app/ (BENCH_SNAPSHOT=1)"
}

# bench_jar: the jar the measured launcher runs (for running bench/*.java against the same build).
bench_jar() {
  printf '%s\n' "$(dirname "${PAPERS[0]}")/target/papers.jar"
}

# --- measuring -----------------------------------------------------------------------------------------------

# now_ms: wall clock in milliseconds (no fork on bash 5).
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t="${EPOCHREALTIME/[.,]/}"
    printf '%s\n' "$((10#${t:0:${#t}-3}))"
  else
    date +%s%3N
  fi
}

# measure_once RSS OUT ERR CMD...: runs CMD once, stdout to OUT and stderr to ERR; sets LAST_MS (wall),
# LAST_RC (exit code) and LAST_RSS_KB (peak RSS of the whole process in KiB, when RSS=1 and GNU time is
# there; else empty). Never exits on a failing CMD: the caller decides.
measure_once() {
  local rss="$1" out="$2" err="$3"
  shift 3
  local t0 t1 rssfile=""
  LAST_RSS_KB=""
  LAST_CPU_MS=""
LAST_CPU_MS=""
BENCH_CPU_MS=()
BENCH_CPU_MEDIAN=""
  if [ "$rss" = 1 ] && [ -n "$BENCH_TIME_BIN" ]; then
    rssfile="$(mktemp "$BENCH_OUT/.rss.XXXXXX")"
    t0="$(now_ms)"
    set +e
    "$BENCH_TIME_BIN" -f "%U %S %M" -o "$rssfile" "$@" >"$out" 2>"$err"
    LAST_RC=$?
    set -e
    t1="$(now_ms)"
    # GNU time writes "Command exited with non-zero status N" before the figure when the command fails.
    # The last line: user and system seconds, peak RSS (KiB).
    local line
    line="$(tail -n 1 "$rssfile")"
    LAST_RSS_KB="$(awk '{ print $3 }' <<<"$line" | tr -dc '0-9')"
    LAST_CPU_MS="$(awk '{ printf "%d", ($1 + $2) * 1000 }' <<<"$line")"
    rm -f "$rssfile"
  else
    t0="$(now_ms)"
    set +e
    "$@" >"$out" 2>"$err"
    LAST_RC=$?
    set -e
    t1="$(now_ms)"
  fi
  LAST_MS=$((t1 - t0))
}

# peak_rss_kb CMD...: the peak RSS (KiB) of CMD run once as a whole process, or "n/a" without GNU time.
# CMD's output is discarded; a failing CMD is an error.
peak_rss_kb() {
  if [ -z "$BENCH_TIME_BIN" ]; then
    echo "n/a"
    return 0
  fi
  measure_once 1 /dev/null "$BENCH_OUT/.rss.err" "$@"
  if [ "$LAST_RC" != 0 ]; then
    cat "$BENCH_OUT/.rss.err" >&2
    die "failed (exit $LAST_RC): $*"
  fi
  echo "${LAST_RSS_KB:-n/a}"
}

# time_runs N WARMUPS NAME -- CMD...: runs CMD WARMUPS times untimed, then N times timed, and prints
# "NAME: median M ms, min A ms, max B ms (N runs)" on stderr. Sets BENCH_MS (every run), BENCH_MEDIAN, BENCH_MIN, BENCH_MAX and, with
# BENCH_WITH_RSS=1, BENCH_RSS_KB and BENCH_PEAK_RSS_KB (the highest). Before each run (warm-ups included)
# it calls the function named by BENCH_BEFORE_EACH, if set, untimed (a fresh copy of the data, say); after
# each timed run, BENCH_AFTER_EACH with the run's number (checks). The output of run i is kept in
# bench/out/logs/NAME.i.out and .err. A run that exits non-zero (any other code than BENCH_OK_RC, default 0)
# stops the bench with its stderr.
time_runs() {
  local n="$1" warm="$2" name="$3" i
  shift 3
  if [ "${1:-}" = "--" ]; then
    shift
  fi
  mkdir -p "$BENCH_OUT/logs"
  BENCH_MS=()
  BENCH_RSS_KB=()
  BENCH_CPU_MS=()
  BENCH_PEAK_RSS_KB=""
  for ((i = -warm + 1; i <= n; i++)); do
    if [ -n "${BENCH_BEFORE_EACH:-}" ]; then
      "$BENCH_BEFORE_EACH" "$i"
    fi
    local tag="$i"
    if [ "$i" -le 0 ]; then
      tag="warmup$((1 - i))"
    fi
    local out="$BENCH_OUT/logs/$name.$tag.out" err="$BENCH_OUT/logs/$name.$tag.err"
    measure_once "${BENCH_WITH_RSS:-0}" "$out" "$err" "$@"
    if [ "$LAST_RC" != "${BENCH_OK_RC:-0}" ]; then
      say "bench: $name run $tag exited $LAST_RC: $*"
      tail -n 20 "$err" >&2 || true
      die "$name failed; its output is in $out and $err"
    fi
    if [ "$i" -ge 1 ]; then
      BENCH_MS+=("$LAST_MS")
      if [ -n "$LAST_CPU_MS" ]; then
        BENCH_CPU_MS+=("$LAST_CPU_MS")
      fi
      if [ -n "$LAST_RSS_KB" ]; then
        BENCH_RSS_KB+=("$LAST_RSS_KB")
        if [ -z "$BENCH_PEAK_RSS_KB" ] || [ "$LAST_RSS_KB" -gt "$BENCH_PEAK_RSS_KB" ]; then
          BENCH_PEAK_RSS_KB="$LAST_RSS_KB"
        fi
      fi
      if [ -n "${BENCH_AFTER_EACH:-}" ]; then
        "$BENCH_AFTER_EACH" "$i"
      fi
    fi
  done
  BENCH_CPU_MEDIAN=""
  if [ "${#BENCH_CPU_MS[@]}" -gt 0 ]; then
    stats "${BENCH_CPU_MS[@]}"
    BENCH_CPU_MEDIAN="$BENCH_MEDIAN"
  fi
  stats "${BENCH_MS[@]}"
  say "  $name: median $BENCH_MEDIAN ms, min $BENCH_MIN ms, max $BENCH_MAX ms ($n runs)${BENCH_CPU_MEDIAN:+; CPU (user + system) median $BENCH_CPU_MEDIAN ms}"
}

# stats NUMBER...: sets BENCH_MEDIAN (the middle one; the mean of the two middle ones for an even count,
# rounded down), BENCH_MIN and BENCH_MAX.
stats() {
  [ "$#" -gt 0 ] || die "stats: no numbers"
  local line
  line="$(printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
    print m, v[1], v[NR] }')"
  read -r BENCH_MEDIAN BENCH_MIN BENCH_MAX <<<"$line"
}

# --- printing ------------------------------------------------------------------------------------------------

# secs MS: "0.213 s"
secs() {
  awk -v ms="$1" 'BEGIN { printf "%.3f s", ms / 1000 }'
}

# mib KIB: "123.4 MiB", or "n/a"
mib() {
  case "${1:-}" in
    ""|n/a) echo "n/a" ;;
    *) awk -v kb="$1" 'BEGIN { printf "%.1f MiB", kb / 1024 }' ;;
  esac
}

# machine: one line about where the figures were measured.
machine() {
  local cpu cores java
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
  cores="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')"
  java="$(java -version 2>&1 | head -n 1)"
  printf '%s, %s cores%s; %s; %s\n' "$(uname -sm)" "$cores" "${cpu:+ ($cpu)}" "$java" \
    "$(cat "$BENCH_OUT/version.txt" 2>/dev/null || echo papers)"
}
