#!/usr/bin/env bash
# Lints docs/openapi.json with Redocly's recommended rules (tools/openapi/redocly.yaml) and fails
# on any error or warning. Installs the pinned Redocly CLI (tools/openapi/package-lock.json) first
# when it is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=tools/openapi
document=docs/openapi.json

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to lint the OpenAPI document: install Node.js 20.19 or later with npm." >&2
  exit 1
fi
if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  echo "Installing the Redocly CLI pinned in $tools/package-lock.json"
  npm ci --prefix "$tools" --no-audit --no-fund --prefer-offline --loglevel=error
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
redocly() { "$tools/node_modules/.bin/redocly" lint --config "$tools/redocly.yaml" "$@" "$document"; }

# Redocly fails on errors only; the JSON report's totals let warnings fail the check too.
totals=$(redocly --format=json 2>/dev/null | node -e '
  let text = ""; process.stdin.on("data", chunk => text += chunk).on("end", () => {
    const totals = JSON.parse(text).totals; console.log(totals.errors + " " + totals.warnings); });' || true)
read -r errors warnings <<<"${totals:-? ?}"
if [ "$errors" = "0" ] && [ "$warnings" = "0" ]; then
  echo "$document: Redocly's recommended rules pass with 0 errors and 0 warnings."
  exit 0
fi
redocly --format=stylish 2>&1 | grep -v -E '^\s*[║╔╚]' >&2 || true
echo "$document: Redocly reported ${errors} errors and ${warnings} warnings; both must be 0." >&2
exit 1
