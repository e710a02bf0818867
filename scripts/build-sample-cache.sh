#!/usr/bin/env bash
# Rebuilds the sample cache shipped in cache/ from real data only, by driving the tool itself:
#  - the real upstream recordings in ../shared/fixtures/real/ (see its SOURCES.md), served on loopback
#    by a stand-in server (WireMock), each fetched with PAPERS_NOW set to the date it was recorded;
#  - what the seed documents in ../shared/seeds/ state: the arXiv ids they cite, and the citation
#    counts a reader reported with the date they read the paper (papers import --offline).
# Nothing is invented: a paper with no recorded count stays unranked, with the command that fills it in.
#
# Usage: scripts/build-sample-cache.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "${1:-$repo/../shared}" && pwd)"
real="$shared/fixtures/real"
cd "$repo"

./papers --version >/dev/null                       # builds the jar on first use
work="$(mktemp -d)"
trap 'kill "${wm_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# The stand-in server: WireMock's standalone jar, fetched by Maven like every other dependency.
wm_version=3.13.2
./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact="org.wiremock:wiremock-standalone:$wm_version" -DoutputDirectory="$work/tools" >/dev/null
mkdir -p "$work/wm/mappings" "$work/wm/__files"
cp "$real/arxiv/arxiv_2026_idlist_1706.03762_max10.xml" "$real/arxiv/arxiv_2026_idlist_1810.04805.xml" \
   "$real/arxiv/arxiv_legacy2016_idlist_1111.2011v2.xml" \
   "$real/s2/s2_2024_paper_search_match_attention_arxiv1706.03762.json" \
   "$real/s2/s2_2024dec_paper_search_match_attention_arxiv1706.03762.json" \
   "$work/wm/__files/"

mapping() { # name, url matcher json, file, content type, [scenario state]
  cat >"$work/wm/mappings/$1.json" <<JSON
{ "request": { "method": "GET", $2 },
  "response": { "status": 200, "bodyFileName": "$3", "headers": { "Content-Type": "$4" } } }
JSON
}
mapping arxiv-1706 '"urlPath": "/api/query", "queryParameters": { "id_list": { "equalTo": "1706.03762" } }' \
  arxiv_2026_idlist_1706.03762_max10.xml application/atom+xml
mapping arxiv-1810 '"urlPath": "/api/query", "queryParameters": { "id_list": { "equalTo": "1810.04805" } }' \
  arxiv_2026_idlist_1810.04805.xml application/atom+xml
mapping arxiv-1111 '"urlPath": "/api/query", "queryParameters": { "id_list": { "equalTo": "1111.2011" } }' \
  arxiv_legacy2016_idlist_1111.2011v2.xml application/atom+xml

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18089)
java -jar "$work/tools/wiremock-standalone-$wm_version.jar" --bind-address 127.0.0.1 --port "$port" \
  --root-dir "$work/wm" --disable-banner >"$work/wm.log" 2>&1 &
wm_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/__admin/mappings" >/dev/null 2>&1 && break
  sleep 0.1
done

export PAPERS_CACHE="$repo/cache"
export PAPERS_ARXIV_URL="http://127.0.0.1:$port/api/query"
export PAPERS_S2_URL="http://127.0.0.1:$port/graph/v1"
export PAPERS_ARXIV_INTERVAL=0 PAPERS_S2_INTERVAL=0 PAPERS_MAX_RETRIES=0
export PAPERS_CONFIG=/dev/null
rm -rf "$PAPERS_CACHE/papers" "$PAPERS_CACHE/aliases" "$PAPERS_CACHE/.state"

match() { # file, at: Semantic Scholar's title match for "Attention is All you Need", recorded at a date
  curl -fs -X DELETE "http://127.0.0.1:$port/__admin/mappings/11111111-1111-1111-1111-111111111111" >/dev/null || true
  curl -fs -X POST "http://127.0.0.1:$port/__admin/mappings" -d @- >/dev/null <<JSON
{ "id": "11111111-1111-1111-1111-111111111111",
  "request": { "method": "GET", "urlPath": "/graph/v1/paper/search/match" },
  "response": { "status": 200, "bodyFileName": "$1", "headers": { "Content-Type": "application/json" } } }
JSON
  PAPERS_NOW="$2" ./papers fetch --title "$3" --sources s2 >/dev/null
}

# Semantic Scholar's counts for Attention Is All You Need, each at the date it was recorded (SOURCES.md).
match s2_2024_paper_search_match_attention_arxiv1706.03762.json 2024-10-23T17:47:53Z "Attention is All you Need"
match s2_2024dec_paper_search_match_attention_arxiv1706.03762.json 2024-12-02T19:36:30Z "Attention is All you Need"
# arXiv metadata, at the dates the feeds were recorded.
PAPERS_NOW=2026-10-04T20:25:12Z ./papers fetch 1706.03762 --sources arxiv >/dev/null
PAPERS_NOW=2026-09-16T22:17:35Z ./papers fetch 1810.04805 --sources arxiv >/dev/null
PAPERS_NOW=2016-10-09T00:00:00Z ./papers fetch 1111.2011 --sources arxiv >/dev/null

# The seeds: the ids they cite, and the counts readers reported with the dates they read them.
PAPERS_NOW=2026-11-22T00:00:00Z ./papers import --offline "$shared"/seeds/*.txt

echo "sample cache rebuilt in $PAPERS_CACHE:" >&2
./papers list >&2
