#!/usr/bin/env bash
# Runs every test: unit, storage against a real Azurite, SMTP, pages in headless Chromium; and
# compiles and lints the Bicep templates (scripts/infra-check.sh).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh test
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
set +e
# The Bicep check first: it takes seconds and needs no Azurite. Its failure fails the run, after the tests.
scripts/infra-check.sh 2>&1 | tee "$results/infra-check.log"
infra_status=${PIPESTATUS[0]}
dotnet test GuanGong.sln -c Release -nologo --results-directory "$results" --logger "trx" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e
grep '^\[infra-check\] \(OK\|FAILED\)' "$results/infra-check.log" || echo "[infra-check] FAILED: no result (see $results/infra-check.log)"
# One closing line for every project together, in the plain form CI reads.
awk '/^(Passed!|Failed!)/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$results/console.log"
[ "$status" -ne 0 ] && exit "$status"
exit "$infra_status"
