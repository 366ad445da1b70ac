#!/usr/bin/env bash
# Runs every test of the solution, then prints one line "N passed, N failed" summed over all test projects.
# Installs what the tests need first (redis-server for the shared-ledger tests, see tests/RiskSdk.Redis.Tests; chromium
# for the status-page browser tests, see tests/RiskSdk.AspNetCore.Tests).
set -uo pipefail
cd "$(dirname "$0")"

if [ -x tests/RiskSdk.Redis.Tests/ensure-redis.sh ]; then
  tests/RiskSdk.Redis.Tests/ensure-redis.sh || echo "warning: redis-server could not be installed; the Redis tests will say why they skip" >&2
fi
if [ -x tests/RiskSdk.AspNetCore.Tests/ensure-chromium.sh ]; then
  tests/RiskSdk.AspNetCore.Tests/ensure-chromium.sh || echo "warning: chromium could not be installed; the status-page browser tests will say why they skip" >&2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test RiskSdk.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Per-project summary lines look like: "Passed!  - Failed:     0, Passed:   108, Skipped:     0, Total:   108, ..."
passed=$(grep -E '^(Passed|Failed)! +- ' "$log" | sed -E 's/.*Passed: +([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed|Failed)! +- ' "$log" | sed -E 's/.*Failed: +([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
projects=$(grep -cE '^(Passed|Failed)! +- ' "$log")
echo "$projects test projects ran"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
