#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing, so the status-page browser tests run instead of
# skipping. Playwright drives it through ExecutablePath; no browser is downloaded (never `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
