#!/usr/bin/env bash
# Instructions per case of `redress eval --jsonl --output LEVEL --jobs 1` at
# 10,000 rules (issue 17), counted by callgrind, so the levels compare on a
# shared machine without timing: each level runs on 200 and on 1,200 complete
# cases of the generated workload, and the difference, over 1,000 cases, leaves
# out compiling the rulebook.
#   bash benches/levels-callgrind.sh [DATA_DIR]      (default target/bench-data)
# Needs valgrind and a release build (made here). Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-target/bench-data}
cargo build --release --quiet --bin redress --example generate
[ -f "$data/rules-10000.rules" ] || ./target/release/examples/generate "$data" >/dev/null
bin=./target/release/redress
head -n 200 "$data/cases-10000.jsonl" >"$data/levels-200.jsonl"
head -n 1200 "$data/cases-10000.jsonl" >"$data/levels-1200.jsonl"

# instructions of one run (callgrind's "Collected" total)
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" eval "$data/rules-10000.rules" \
        --jsonl "$1" --jobs 1 --output "$2" 2>&1 >/dev/null | awk '/Collected :/ { print $4 }'
}

echo "| level | instructions per case | × fewer than full |"
echo "|---|---:|---:|"
declare -A per_case
for level in ids summary full; do
    small=$(count "$data/levels-200.jsonl" "$level")
    large=$(count "$data/levels-1200.jsonl" "$level")
    per_case[$level]=$(( (large - small) / 1000 ))
done
for level in ids summary full; do
    awk -v l="$level" -v n="${per_case[$level]}" -v f="${per_case[full]}" \
        'BEGIN { printf "| %s | %d | %.2f × |\n", l, n, f / n }'
done
