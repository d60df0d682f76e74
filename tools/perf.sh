#!/usr/bin/env bash
# Performance figures (never pass/fail): the Go benchmarks, then scripted UI
# timings in Chromium against the app on the simulator's large dataset
# (100,000 feature records, 50,000 devices).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. tools/procs.sh

echo "== Go benchmarks"
go test -run '^$' -bench . -benchtime 10x ./internal/features/ ./internal/fne/ ./internal/operations/ | grep -E '^(Benchmark|ok)'

export GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
work=$(mktemp -d)
echo "== Usage history (a year of 5-minute samples of 500 features; generating it takes minutes)"
# The store is kept for the Dashboard's first paint below.
LSM_BENCH_STORE="$work/year.db" go test -run '^$' -bench . -benchtime 20x -timeout 60m ./internal/history/synth/ | grep -E '^(Benchmark|ok)'

export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
export E2E_ARTIFACTS="$root/frontend/e2e/artifacts/perf"
mkdir -p "$E2E_ARTIFACTS"
# The shipped app runs the production bundle, so that is what is timed: a
# dev-tagged build of the app serves frontend/dist to Chromium on :34115
# (React's development build, as `wails dev` serves it, is several times slower).
(cd frontend && npm run build >/dev/null)
go build -tags dev,webkit2_41 -o "$work/lsm-dev" .
# In a process group of its own, so that stopping it stops xvfb-run's X
# server too, and nothing else.
group_start env devserver=localhost:34115 loglevel=Warning xvfb-run -a -s '-screen 0 1280x900x24' \
  "$work/lsm-dev" --demo --security off --dataset large --history "$work/year.db" >"$E2E_ARTIFACTS/app.log" 2>&1
xpid=$group_pid
finish() {
  local rc=$?
  group_stop "$xpid" TERM
  if leftovers; then echo "== nothing the benchmark started is left running"; else rc=1; fi
  rm -rf "$work"
  exit "$rc"
}
trap finish EXIT
for i in $(seq 1 300); do
  curl -sf -o /dev/null --max-time 2 http://localhost:34115/ && break
  kill -0 "$xpid" 2>/dev/null || { cat "$E2E_ARTIFACTS/app.log"; exit 1; }
  sleep 1
done
echo "== UI timings (large dataset)"
(cd frontend && HOME="$work" PERF_APP_GROUP="$xpid" node e2e/perf.mjs)
