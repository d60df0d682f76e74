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

# Start-up: process start to the About view painted, the production build
# under Xvfb (the app logs "first paint ... ms=N"), against baseline (c),
# bench/startbase: the smallest Wails app, built with the same flags, from
# its process start to its one page painted. Security off: a secured demo
# server opens on Login. Before the UI timings, whose app would hold the
# single-instance lock.
echo "== Start-up (production build under Xvfb, 5 runs each)"
go tool -modfile=tools/go.mod wails build -nocolour -s -tags webkit2_41 -o lsm-start 2>&1 | awk -f tools/quiet-bindings.awk >/dev/null
go build -tags desktop,production,webkit2_41 -ldflags "-w -s" -o "$work/startbase" ./bench/startbase
applog=$XDG_CACHE_HOME/LicenseServerManager/logs/app.log
paints() { if [ -f "$applog" ]; then grep -c 'msg="first paint"' "$applog" || true; else echo 0; fi; }
# first_paint CMD...: runs CMD under Xvfb until it reports its first paint
# (on its output, or the app in its log) and prints the milliseconds.
first_paint() {
  local out=$work/start.out ms="" before
  before=$(paints)
  group_start xvfb-run -a -s '-screen 0 1280x900x24' "$@" >"$out" 2>&1
  local g=$group_pid
  for _ in $(seq 1 600); do
    ms=$(sed -n 's/^first paint \([0-9]*\) ms$/\1/p' "$out")
    if [ -z "$ms" ] && [ "$(paints)" -gt "$before" ]; then
      ms=$(grep 'msg="first paint"' "$applog" | tail -1 | sed -n 's/.* ms=\([0-9]*\).*/\1/p')
    fi
    [ -n "$ms" ] && break
    group_alive "$g" || break
    sleep 0.05
  done
  group_stop "$g" TERM
  echo "${ms:-NaN}"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
app_ms=() base_ms=()
for _ in 1 2 3 4 5; do
  base_ms+=("$(first_paint "$work/startbase")")
  app_ms+=("$(first_paint "$root/build/bin/lsm-start" --demo --security off)")
done
app=$(median "${app_ms[@]}") base=$(median "${base_ms[@]}")
echo "start to the About view painted: median $app ms, $(awk -v a="$app" -v b="$base" 'BEGIN { printf "%.2f", a / b }')x baseline (c), the smallest Wails app: $base ms (runs: app ${app_ms[*]}; baseline ${base_ms[*]})"
rm -f "$root/build/bin/lsm-start"
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
