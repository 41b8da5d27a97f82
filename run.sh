#!/usr/bin/env bash
# Starts the whole system on its local default: Azurite (workspace in .local/azurite), the function app
# on http://127.0.0.1:7071 run by the local host (src/LocalHost stands in for the Functions host, which
# cannot be installed here), demo data, and the local mailbox at /dev/mail. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh run
dotnet build src/LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/Functions -c Release -nologo -v quiet -clp:ErrorsOnly
# exec: the host becomes this process, so Ctrl+C and kill reach it directly; Azurite, its child, ends with it.
exec dotnet src/LocalHost/bin/Release/net10.0/GuanGong.LocalHost.dll --app src/Functions/bin/Release/net10.0/GuanGong.Functions.dll --port 7071 "$@"
