#!/usr/bin/env bash
# Fill the fuzzers' seed corpora from the repository's rulebooks, fixtures and cases.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rulebook corpus/case
find ../rulebooks ../tests -name '*.rules' -exec cp {} corpus/rulebook/ \;
find ../rulebooks ../tests -name '*.json' -exec cp {} corpus/case/ \;
find ../rulebooks ../tests -name '*.toml' -exec cp {} corpus/case/ \;
echo "corpus/rulebook: $(ls corpus/rulebook | wc -l) files, corpus/case: $(ls corpus/case | wc -l) files"
