#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them: prints one table and writes
# artifacts/benchmarks/results.md and results.json.
#   scripts/bench.sh            full mode (documented sizes; takes about 20 minutes on 2 cores)
#   scripts/bench.sh --quick    quick mode (CI: small sizes, about two minutes, judges nothing)
#   scripts/bench.sh --only idle --set Key=Value   one benchmark with a setting changed (e.g. a durableTask one)
#   scripts/bench.sh --only dashboard   only benchmarks whose name contains the text
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/artifacts/benchmarks"
dotnet build src/Benchmarks/GuanGong.Benchmarks.csproj -c Release --nologo -v quiet
dotnet "src/Benchmarks/bin/Release/net10.0/GuanGong.Benchmarks.dll" --out "$out" "$@"
