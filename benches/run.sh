#!/usr/bin/env bash
# Reproduce the figures of docs/performance.md (issue 6):
#   bash benches/run.sh [DATA_DIR]      (default target/bench-data)
# Needs a release build (made here) and /usr/bin/time; uses hyperfine for the
# cold start when installed (`apt-get install -y hyperfine`), else a loop.
# Prints Markdown. The criterion benches (`cargo bench`) give the same
# per-case means with confidence intervals; this script gives percentiles,
# memory, the CLI end to end and the scaling over cores.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-target/bench-data}

cargo build --release --quiet --bin redress --example generate --example measure
./target/release/examples/generate "$data" >/dev/null
bin=./target/release/redress

now() { date +%s%N; }

echo "# redress benchmarks"
echo
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version)"
echo "- code: $(git rev-parse --short HEAD)$(git status --short src | grep -q . && echo ' + uncommitted changes in src/')"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), release build"
if pgrep -f 'fuzz/target' >/dev/null; then echo "- WARNING: a fuzzer was running; figures are disturbed"; fi
echo

./target/release/examples/measure

echo
echo "## Peak memory (maximum resident set size), compile + one case"
echo
head -n 1 "$data/cases-10000.jsonl" >"$data/case-1.json"
echo "| rules | wall | peak RSS |"
echo "|---:|---:|---:|"
for n in 100 1000 10000; do
    /usr/bin/time -v "$bin" eval "$data/rules-$n.rules" "$data/case-1.json" --format json \
        >/dev/null 2>"$data/time-$n.txt"
    rss=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$data/time-$n.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$data/time-$n.txt")
    echo "| $n | $wall | $(( rss / 1024 )) MB |"
done

echo
echo "## CLI cold start + one case (100 rules)"
echo
cmd="$bin eval $data/rules-100.rules $data/case-1.json --format json"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs 50 --style basic --export-markdown "$data/cold.md" "$cmd" >/dev/null 2>&1
    cat "$data/cold.md"
else
    t0=$(now)
    for _ in $(seq 50); do $cmd >/dev/null; done
    awk -v ns="$(( $(now) - t0 ))" 'BEGIN { printf "mean of 50 runs: %.2f ms\n", ns / 50 / 1e6 }'
fi

echo
echo "## redress eval --jsonl end to end (complete cases; output to /dev/null; best of 5, one and two jobs in turn)"
echo
echo "Wall: the whole command, compiling the rulebook included. Stream: the rate redress reports on standard error,"
echo "timed from the first line read to the last line written (the rulebook already compiled)."
echo
echo "| rules | lines | --jobs 1 wall | --jobs 1 stream | --jobs 2 wall | --jobs 2 stream | 2 jobs / 1 (stream) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
# one run: "wall-seconds stream-rate" (the rate redress reports on standard error)
run_once() {
    local t0 t r
    t0=$(now)
    r=$("$@" 2>&1 >/dev/null | awk '/ cases, .* errors, / { gsub(/[()]/, "", $7); print $7; exit }')
    t=$(( $(now) - t0 ))
    awk -v ns="$t" -v r="$r" 'BEGIN { printf "%.4f %s\n", ns / 1e9, r }'
}
for n in 100 1000 10000; do
    # seconds of work on one core: the case file repeated as needed
    lines=$(( 60000000 / n )); [ "$lines" -gt 300000 ] && lines=300000; [ "$lines" -lt 3000 ] && lines=3000
    : >"$data/jsonl-$n.jsonl"
    while [ "$(wc -l <"$data/jsonl-$n.jsonl")" -lt "$lines" ]; do cat "$data/cases-10000.jsonl" >>"$data/jsonl-$n.jsonl"; done
    head -n "$lines" "$data/jsonl-$n.jsonl" >"$data/jsonl-$n.tmp" && mv "$data/jsonl-$n.tmp" "$data/jsonl-$n.jsonl"
    # one and two jobs taken in turn, best of 5 each, so that a slow spell of
    # the machine does not fall on one of them only
    best1="9e9 0"; best2="9e9 0"
    for _ in 1 2 3 4 5; do
        r1=$(run_once "$bin" eval "$data/rules-$n.rules" --jsonl "$data/jsonl-$n.jsonl" --jobs 1)
        r2=$(run_once "$bin" eval "$data/rules-$n.rules" --jsonl "$data/jsonl-$n.jsonl" --jobs 2)
        best1=$(echo "$best1 $r1" | awk '{ printf "%s %s", ($3 < $1 ? $3 : $1), ($4 > $2 ? $4 : $2) }')
        best2=$(echo "$best2 $r2" | awk '{ printf "%s %s", ($3 < $1 ? $3 : $1), ($4 > $2 ? $4 : $2) }')
    done
    echo "$n $lines $best1 $best2" | awk '{
        printf "| %d | %d | %.0f cases/s (%.2f s) | %.0f cases/s | %.0f cases/s (%.2f s) | %.0f cases/s | %.2f × |\n", $1, $2, $2 / $3, $3, $4, $2 / $5, $5, $6, $6 / $4 }'
done

echo
echo "## Output levels (issue 17): redress eval --jsonl --output ids|summary|full, 10,000 rules, one job"
echo
echo "The complete cases (\`cases-10000.jsonl\` repeated), output to /dev/null; the three levels taken in turn, best"
echo "of 5 each; stream rate as redress reports it. Instruction counts per case: \`bash benches/levels-callgrind.sh\`."
echo
echo "| level | lines | stream | wall | output per case | × full (stream) |"
echo "|---|---:|---:|---:|---:|---:|"
n=10000
lines=$(wc -l <"$data/jsonl-$n.jsonl")
declare -A best
for level in ids summary full; do best[$level]="9e9 0"; done
for _ in 1 2 3 4 5; do
    for level in ids summary full; do
        r=$(run_once "$bin" eval "$data/rules-$n.rules" --jsonl "$data/jsonl-$n.jsonl" --jobs 1 --output "$level")
        best[$level]=$(echo "${best[$level]} $r" | awk '{ printf "%s %s", ($3 < $1 ? $3 : $1), ($4 > $2 ? $4 : $2) }')
    done
done
full_rate=$(echo "${best[full]}" | awk '{ print $2 }')
for level in ids summary full; do
    bytes=$("$bin" eval "$data/rules-$n.rules" --jsonl "$data/cases-10000.jsonl" --jobs 1 --output "$level" 2>/dev/null | head -n 1000 | wc -c)
    echo "$level $lines ${best[$level]} $bytes $full_rate" | awk '{
        printf "| %s | %d | %.0f cases/s | %.2f s | %.1f kB | %.2f × |\n", $1, $2, $4, $3, $5 / 1000 / 1000, $4 / $6 }'
done
