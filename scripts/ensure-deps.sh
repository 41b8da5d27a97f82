#!/usr/bin/env bash
# Installs whatever the project needs and this machine lacks. Idempotent and quiet when all is there.
#   scripts/ensure-deps.sh run    -> Node.js + npm packages (Azurite, ECharts), .NET SDK check
#   scripts/ensure-deps.sh test   -> the above + Debian's Chromium and a CJK font for page tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

say() { printf '[deps] %s\n' "$*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    $sudo apt-get update -qq
    apt_updated=1
  fi
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

# npm ci only when package-lock.json changed since the last install (it wipes node_modules otherwise).
stamp=node_modules/.guangong-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -f node_modules/azurite/dist/src/azurite.js ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [ "$mode" = "test" ]; then
  # Page tests drive Debian's Chromium (Playwright cannot download its own browser here) and need a
  # CJK font, or every Chinese character renders as an empty box.
  apt_install chromium fonts-wqy-microhei
fi
