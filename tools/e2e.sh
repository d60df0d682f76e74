#!/usr/bin/env bash
# End-to-end tests: `wails dev` on the built-in demo server under Xvfb, driven
# by Playwright (playwright-core with Debian's Chromium) through
# http://localhost:34115, where Wails serves the UI with live Go bindings.
# The app gets throw-away settings, cache and keyring folders; screenshots go
# to frontend/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Keep the Go caches where they are: the app's XDG folders are redirected
# below and Go would otherwise build from a cold cache.
export GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
export E2E_SETTINGS_DIR="$XDG_CONFIG_HOME/LicenseServerManager"
export E2E_ARTIFACTS="$root/frontend/e2e/artifacts"
rm -rf "$E2E_ARTIFACTS" && mkdir -p "$E2E_ARTIFACTS"

if curl -s -o /dev/null --max-time 2 http://localhost:34115/; then
  echo "Something already listens on port 34115; stop it (an earlier wails dev?) and try again." >&2
  exit 1
fi

log="$E2E_ARTIFACTS/wails-dev.log"
xvfb-run -a -s '-screen 0 1280x900x24' \
  go tool -modfile=tools/go.mod wails dev -nocolour -tags webkit2_41 -loglevel Warning -noreload -nogorebuild \
  -ldflags "-X licenseservermanager/internal/buildinfo.Commit=e2e" -appargs --demo >"$log" 2>&1 &
xpid=$!

stop() {
  # SIGINT to wails (a child of xvfb-run) takes vite, the app and Xvfb down.
  local kids
  kids=$(pgrep -P "$xpid" 2>/dev/null || true)
  [ -n "$kids" ] && kill -INT $kids 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$xpid" 2>/dev/null || break; sleep 0.5; done
  kill -TERM "$xpid" 2>/dev/null || true
  pkill -f "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

for i in $(seq 1 300); do
  if curl -sf -o /dev/null --max-time 2 http://localhost:34115/; then break; fi
  if ! kill -0 "$xpid" 2>/dev/null; then echo "wails dev exited; its log:" >&2; cat "$log" >&2; exit 1; fi
  [ "$i" -eq 300 ] && { echo "wails dev did not answer in 300 s; its log:" >&2; cat "$log" >&2; exit 1; }
  sleep 1
done

cd frontend && HOME="$work" timeout 600 node e2e/run.mjs
