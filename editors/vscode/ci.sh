#!/usr/bin/env bash
# The VS Code extension's checks (issue 18), run by .ci/run: install the
# locked npm packages, test the TextMate grammar on the fixtures under
# tests/ with vscode-tmgrammar-test, check that every message has its
# Chinese translation (tests/l10n.test.js, node:test), and package the
# extension with the official @vscode/vsce. Idempotent; `npm ci` is skipped when node_modules
# was installed from this very lockfile (a copy is kept beside it).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
stamp=node_modules/.redress-installed-lock.json
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
    npm ci --no-audit --no-fund
    cp package-lock.json "$stamp"
fi
npm test
npm run package
test -s redress.vsix
echo "packaged $(du -k redress.vsix | cut -f1) KiB: editors/vscode/redress.vsix"
