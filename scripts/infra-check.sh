#!/usr/bin/env bash
# Compiles and lints every Bicep file under infra/ with the Bicep CLI, and fails on any error or
# warning. The CLI comes from NuGet (package Azure.Bicep.CommandLine.linux-x64, version in
# /Directory.Packages.props): `dotnet restore eng/bicep` downloads it into the NuGet packages folder,
# so a fresh machine needs nothing but the .NET SDK and the package source.
#
#   scripts/infra-check.sh          # all of infra/
#
# Checks, in order: `bicep lint` of every .bicep and .bicepparam file (rule levels in
# infra/bicepconfig.json), `bicep build` of every .bicep file, `bicep build-params` of every
# .bicepparam file. The parameter files read secrets and mail settings from the environment; for
# this check each such variable that is not set gets a placeholder, and nothing is written outside
# a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[infra-check] %s\n' "$*"; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) say "FAILED: the Bicep CLI package used here is linux-x64 only; this machine is $(uname -s)-$(uname -m)."; exit 1 ;;
esac

project=eng/bicep/BicepCli.csproj
if ! restore_log=$(dotnet restore "$project" -nologo 2>&1); then
  printf '%s\n' "$restore_log"
  say "FAILED: could not restore the Bicep CLI package ($project)."
  exit 1
fi
# One msbuild evaluation gives both the version and where NuGet put the package.
props=$(dotnet msbuild "$project" -nologo -getProperty:BicepCliVersion -getProperty:NuGetPackageRoot)
version=$(printf '%s' "$props" | sed -n 's/.*"BicepCliVersion": *"\([^"]*\)".*/\1/p')
packages=$(printf '%s' "$props" | sed -n 's/.*"NuGetPackageRoot": *"\([^"]*\)".*/\1/p')
bicep="${packages%/}/azure.bicep.commandline.linux-x64/${version}/tools/bicep"
if [ ! -f "$bicep" ]; then
  say "FAILED: no Bicep CLI at $bicep after restore."
  exit 1
fi
# NuGet does not keep the execute bit of files it extracts on every system.
[ -x "$bicep" ] || chmod +x "$bicep"

mapfile -t templates < <(find infra -name '*.bicep' | sort)
mapfile -t parameters < <(find infra -name '*.bicepparam' | sort)
if [ ${#templates[@]} -eq 0 ]; then
  say "FAILED: no .bicep files under infra/."
  exit 1
fi

# Placeholders for the variables the parameter files read, only where the caller has not set them.
while read -r name; do
  [ -n "$name" ] && [ -z "${!name+x}" ] && export "$name=infra-check-placeholder"
done < <(cat "${parameters[@]}" /dev/null | grep -o "readEnvironmentVariable('[A-Za-z0-9_]*'" | sed "s/.*('\(.*\)'/\1/" | sort -u)

out=$(mktemp -d)
mkdir -p "$out/build" "$out/params"
trap 'rm -rf "$out"' EXIT
log="$out/diagnostics.log"
: > "$log"
failed=0
run() {
  # Bicep exits 0 on warnings, so every line it prints is looked at as well as its exit code.
  if ! "$bicep" "$@" >> "$log" 2>&1; then
    failed=1
  fi
}

# One CLI start per step (each start costs seconds): every file matching the pattern in one run.
# '*.bicep*' is every .bicep and .bicepparam file (bicepconfig.json has no ".bicep" in its name).
run lint --pattern 'infra/**/*.bicep*'
run build --pattern 'infra/**/*.bicep' --outdir "$out/build"
if [ ${#parameters[@]} -gt 0 ]; then
  run build-params --pattern 'infra/**/*.bicepparam' --outdir "$out/params"
fi

# A diagnostic is "path(line,col) : Error|Warning|Info code: message"; modules appear once per
# template that uses them, so each is reported once.
mapfile -t diagnostics < <(grep -E ' : (Error|Warning|Info) ' "$log" | sort -u)
errors=$(printf '%s\n' "${diagnostics[@]}" | grep -c ' : Error ' || true)
warnings=$(printf '%s\n' "${diagnostics[@]}" | grep -c ' : Warning ' || true)
if [ ${#diagnostics[@]} -gt 0 ]; then
  printf '%s\n' "${diagnostics[@]}"
fi
other=$(grep -vE ' : (Error|Warning|Info) ' "$log" | grep -v '^\s*$' || true)
if [ "$failed" -ne 0 ] && [ -n "$other" ]; then
  printf '%s\n' "$other"
fi

summary="${#templates[@]} .bicep + ${#parameters[@]} .bicepparam files, Bicep CLI $version: $errors errors, $warnings warnings"
if [ "$failed" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
  say "FAILED: $summary"
  exit 1
fi
say "OK: $summary"
