#!/usr/bin/env bash
# Produces the deployable Azure Functions custom-handler app:
#   artifacts/publish/app/           host.json, one folder per function (function.json), handler/GuanGong.Functions
#   artifacts/publish/guangong.zip   the same, zipped for `az functionapp deployment source config-zip`
# The function folders are generated from the app's own endpoints (GuanGong.Functions --write-functions),
# so they cannot drift from what the handler serves.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish}"
app="$out/app"
rm -rf "$app" "$out/guangong.zip" "$out/.build"
mkdir -p "$app"
scripts/ensure-deps.sh run
# --artifacts-path keeps this build's bin/obj apart from the working tree's, so publishing never
# races a build or test run that is using the same projects at the same time.
dotnet publish src/Functions/GuanGong.Functions.csproj -c Release -r linux-x64 --self-contained true \
  --artifacts-path "$out/.build" -p:PublishSingleFile=false -p:DebugType=none -nologo -v quiet -o "$app/handler"
cp host.json "$app/host.json"
# The engine's queue names come from host.json (hub name, partition count), as in Azure.
GuanGong__Profile=Azure GuanGong__LocalStack__StartAzurite=false AzureWebJobsStorage=UseDevelopmentStorage=true \
  GuanGong__Links__SigningKeys__Current="publish:$(head -c 32 /dev/urandom | base64 -w0)" \
  GuanGong__Engine__Dispatch=QueueTriggers \
  "$app/handler/GuanGong.Functions" --write-functions "$app"
(cd "$app" && python3 -c "import shutil; shutil.make_archive('../guangong', 'zip', '.')")
echo "Published $(find "$app" -name function.json | wc -l) functions to $app and $out/guangong.zip"
