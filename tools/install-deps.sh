#!/usr/bin/env bash
# Installs what building, running and testing need on Debian/Ubuntu: the
# apt packages (only the missing ones), the npm packages of the frontend, and
# the Wails CLI pinned in tools/go.mod. Safe to run again: it does only what
# is missing. Pass "--run" for the packages `make run` needs, "--test" for
# everything the tests need (the default).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:---test}
pkgs=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
if [ "$mode" = "--test" ]; then
  pkgs+=(xvfb xauth chromium file dbus-daemon gnome-keyring curl nsis wine wine64 gcc-mingw-w64-x86-64-win32 msitools wixl osslsigncode openssl)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v go >/dev/null || { echo "Go 1.26 or newer is needed: https://go.dev/dl/" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20.19 or newer with npm is needed." >&2; exit 1; }

# npm ci only when the lock changed since the last install.
stamp=frontend/node_modules/.install-stamp
if [ ! -f "$stamp" ] || [ frontend/package-lock.json -nt "$stamp" ]; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi

# The Wails CLI is compiled from tools/go.mod on first use (about 30 s).
go tool -modfile=tools/go.mod wails version >/dev/null
