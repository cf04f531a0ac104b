#!/usr/bin/env bash
# Instructions per one-case `POST /v1/rulebooks/{id}/eval` of `redress serve`
# at 100 rules (issue 17), counted by callgrind, so that changes to the server
# compare on a shared machine without timing: the release server runs under
# callgrind while curl sends 500, then 2,500 requests on one keep-alive
# connection, cycling through 10 generated cases; the difference, over 2,000
# requests, leaves out the start (compiling the rulebook) and the shutdown.
#   bash benches/serve-callgrind.sh [DATA_DIR] [BINARY]
#       (default target/bench-data, and the release build made here)
# Needs valgrind and curl. Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-target/bench-data}
bin=${2:-}
if [ -z "$bin" ]; then
    cargo build --release --quiet --bin redress --example generate
    bin=./target/release/redress
fi
[ -f "$data/rules-100.rules" ] || ./target/release/examples/generate "$data" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$data/rules-100.rules" "$work/gen100.rules"
head -n 10 "$data/cases-10000-missing.jsonl" | split -l 1 - "$work/case-"

# instructions of one run: the server under callgrind, $1 requests
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" serve --addr 127.0.0.1:0 \
        --log-level warn "$work/gen100.rules" >"$work/out" 2>"$work/err" &
    local pid=$!
    for _ in $(seq 1 600); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.2; done
    local url
    url="$(sed -n 's#listening on ##p' "$work/out")/v1/rulebooks/gen100/eval"
    local args=() i=0
    for case in "$work"/case-*; do
        args+=(--next -s -H 'Content-Type: application/json' --data-binary "@$case")
        for _ in $(seq 1 $(( $1 / 10 ))); do args+=("$url"); done
        i=$((i + 1))
    done
    curl "${args[@]}" >/dev/null
    kill -TERM "$pid"
    wait "$pid" || true
    awk '/Collected :/ { print $4 }' "$work/err"
}

small=$(count 500)
large=$(count 2500)
echo "| requests | instructions (server, whole run) |"
echo "|---:|---:|"
echo "| 500 | $small |"
echo "| 2,500 | $large |"
echo
echo "Per one-case eval request: $(( (large - small) / 2000 )) instructions."
