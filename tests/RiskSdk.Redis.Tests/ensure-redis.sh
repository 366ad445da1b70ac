#!/usr/bin/env bash
# Installs redis-server from Debian's packages when it is not on PATH, so the Redis ledger tests run instead of
# skipping. The tests start and stop their own servers (127.0.0.1, a free port, persistence off); nothing is left running.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq redis-server >/dev/null
# The package starts a system service on 6379 on some images; the tests do not use it.
if command -v service >/dev/null 2>&1; then service redis-server stop >/dev/null 2>&1 || true; fi
command -v redis-server >/dev/null
