#!/usr/bin/env bash
# The rulebook playground's checks (issue 18), run by .ci/run:
# 1. install the locked npm packages (skipped when node_modules was installed
#    from this very lockfile) and rebuild the bundle; the committed dist/ must
#    be byte for byte what the lockfile builds;
# 2. the page's own code: node --test (positions, the tokenizer);
# 3. headless Chromium (Debian's chromium and CJK fonts, installed here when
#    missing) driving the page served by `redress serve --playground`;
#    screenshots in target/playground-screenshots/.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v npm >/dev/null; then
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! [ -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi
stamp=node_modules/.redress-installed-lock.json
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
    npm ci --no-audit --no-fund
    cp package-lock.json "$stamp"
fi
npm run build --silent
if ! git -C "$root" diff --exit-code --stat -- editors/playground/dist; then
    echo "editors/playground/dist differs from what the lockfile builds: run npm run build there and commit dist/" >&2
    exit 1
fi
echo "dist/ is what the lockfile builds ($(du -k dist/playground.js | cut -f1) KiB of script)"
node --test test/unit.test.mjs
(cd "$root" && cargo build -q --bin redress)
REDRESS_BIN="$root/target/debug/redress" node test/browser.mjs
echo "screenshots: target/playground-screenshots/"
