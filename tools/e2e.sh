#!/usr/bin/env bash
# End-to-end tests: `wails dev` on the built-in demo server under Xvfb, driven
# by Playwright (playwright-core with Debian's Chromium) through
# http://localhost:34115, where Wails serves the UI with live Go bindings.
# The app gets throw-away settings, cache and data folders and its own D-Bus
# session with an unlocked gnome-keyring, so remembered passwords go through a
# real Secret Service. A standalone simulator on 127.0.0.1:$SIM_PORT plays a
# second, saved server profile, and one of the legacy dialect (a 2018-era
# server) on 127.0.0.1:$LEGACY_PORT a third, on which the main views run
# once more; the app is started twice to check what survives a restart.
# `tools/e2e.sh legacy` runs only the legacy pass. Screenshots go to
# frontend/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. tools/procs.sh

# Keep the Go caches where they are: the app's XDG folders are redirected
# below and Go would otherwise build from a cold cache.
export GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
export E2E_SETTINGS_DIR="$XDG_CONFIG_HOME/LicenseServerManager"
export E2E_ARTIFACTS="$root/frontend/e2e/artifacts"
# Where the development build's save dialog puts exports (dialogs_dev.go).
export LSM_E2E_SAVE_DIR="$work/saved"
mkdir -p "$LSM_E2E_SAVE_DIR"
export SIM_PORT=${SIM_PORT:-17171} LEGACY_PORT=${LEGACY_PORT:-17172}
only=${1:-}
case "$only" in
  "" | legacy) ;;
  *) echo "usage: tools/e2e.sh [legacy]" >&2; exit 2 ;;
esac
rm -rf "$E2E_ARTIFACTS" && mkdir -p "$E2E_ARTIFACTS"

for port in 34115 "$SIM_PORT" "$LEGACY_PORT"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "Something already listens on port $port; stop it and try again." >&2
    exit 1
  fi
done

go build -o "$work/lsm-sim" .
# The second policy update of the run is answered 401, as a server whose
# session ends midway (the monitoring suite's first save meets it).
group_start "$work/lsm-sim" --simulate "127.0.0.1:$SIM_PORT" --fault updateConfiguration:unauthorized-after=1,times=2 >"$E2E_ARTIFACTS/simulator.log" 2>&1
simpid=$group_pid
# The legacy pass meets the same session end in its first policy save.
group_start "$work/lsm-sim" --simulate "127.0.0.1:$LEGACY_PORT" --dialect legacy --fault updateConfiguration:unauthorized-after=1,times=2 >"$E2E_ARTIFACTS/simulator-legacy.log" 2>&1
legacypid=$group_pid

devpid=""
# start_app NAME [APPARGS]: the app under wails dev, in its own D-Bus session
# and process group.
start_app() {
  local log="$E2E_ARTIFACTS/wails-dev-$1.log"
  export APPARGS="--demo ${2:-}"
  group_start dbus-run-session -- bash -c '
    echo -n e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec xvfb-run -a -s "-screen 0 1280x900x24" \
      go tool -modfile=tools/go.mod wails dev -nocolour -tags webkit2_41 -loglevel Warning -noreload -nogorebuild \
      -ldflags "-X licenseservermanager/internal/buildinfo.Commit=e2e" -appargs "$APPARGS"' >"$log" 2>&1
  devpid=$group_pid
  for i in $(seq 1 300); do
    if curl -sf -o /dev/null --max-time 2 http://localhost:34115/; then return 0; fi
    if ! kill -0 "$devpid" 2>/dev/null; then echo "wails dev exited; its log:" >&2; cat "$log" >&2; return 1; fi
    sleep 1
  done
  echo "wails dev did not answer in 300 s; its log:" >&2
  cat "$log" >&2
  return 1
}

stop_app() {
  [ -n "$devpid" ] || return 0
  # SIGINT to the whole group, as Ctrl-C: wails dev takes vite and the app
  # down, xvfb-run its X server, and the keyring daemon ends with the D-Bus
  # session; what is left then is ended.
  group_stop "$devpid" INT
  devpid=""
  for _ in $(seq 1 20); do curl -s -o /dev/null --max-time 1 http://localhost:34115/ || break; sleep 0.5; done
}

cleanup() {
  local rc=$?
  stop_app
  group_stop "$simpid" TERM
  group_stop "$legacypid" TERM
  leftovers || rc=1
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT

# Every seat of one demo feature in use: the first usage sample raises its
# "full" alert (the dashboard suite's FULL_FEATURE).
start_app first "--full 2D_Wireframes"
if [ "$only" = legacy ]; then
  (cd frontend && HOME="$work" timeout 300 node e2e/run.mjs legacy)
  exit 0
fi
(cd frontend && HOME="$work" timeout 600 node e2e/run.mjs first)
(cd frontend && HOME="$work" timeout 300 node e2e/run.mjs legacy)
stop_app
# The restart also brings a producer's branding: a logo and relabelled views,
# made from the shipped sampleData.json as a producer would, for an earlier
# release: without the Monitoring group and its views, which keep their
# default labels.
mkdir -p "$work/branding"
cp build/appicon.png "$work/branding/logo.png"
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync("branding/sampleData.json", "utf8"));
  const f = d.items.find((i) => i.id === "features");
  f.label = "Licenses"; f.icon = "PermDataSetting";
  d.groups.find((g) => g.id === "features").label = "Licenses";
  d.groups = d.groups.filter((g) => g.id !== "monitoring");
  d.items = d.items.filter((i) => i.group !== "monitoring");
  fs.writeFileSync(process.argv[1], JSON.stringify(d, null, 2));
' "$work/branding/data.json"
start_app restart "--branding $work/branding"
(cd frontend && HOME="$work" timeout 300 node e2e/run.mjs restart)
