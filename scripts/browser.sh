#!/usr/bin/env bash
# Makes sure the reference-page test has a browser: Debian's Chromium and ChromeDriver, installed
# when missing and root. Without root it only says what is missing; the test then skips, except
# in CI (CI=true), where it fails.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Chromium and ChromeDriver from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  exit 0
fi
echo "Chromium or ChromeDriver is missing (apt-get install chromium chromium-driver): the reference-page test will be skipped." >&2
