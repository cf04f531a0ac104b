#!/usr/bin/env bash
# Fill the fuzzers' seed corpora from the repository's rulebooks, fixtures and cases.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rulebook corpus/case
find ../rulebooks ../tests -name '*.rules' -exec cp {} corpus/rulebook/ \;
find ../rulebooks ../tests -name '*.json' -exec cp {} corpus/case/ \;
find ../rulebooks ../tests -name '*.toml' -exec cp {} corpus/case/ \;
# the workspace target: a rulebook, then edits after NUL bytes (see its file)
mkdir -p corpus/workspace
for f in corpus/rulebook/*.rules; do
    cp "$f" "corpus/workspace/$(basename "$f")"
    { cat "$f"; printf '\0A and not x\0A\0Q((\0Q'; } > "corpus/workspace/edits-$(basename "$f")"
done
echo "corpus/workspace: $(ls corpus/workspace | wc -l) files"
echo "corpus/rulebook: $(ls corpus/rulebook | wc -l) files, corpus/case: $(ls corpus/case | wc -l) files"
