#!/usr/bin/env bash
# Starts the whole system on its local default: Azurite (workspace in .local/azurite), the app on
# http://127.0.0.1:7071 with demo data, and the local mailbox at /dev/mail. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh run
dotnet build src/Functions -c Release -nologo -v quiet -clp:ErrorsOnly
# exec: the app becomes this process, so Ctrl+C and kill reach it directly; Azurite, its child, ends with it.
exec dotnet src/Functions/bin/Release/net10.0/GuanGong.Functions.dll "$@"
