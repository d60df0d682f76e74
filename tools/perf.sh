#!/usr/bin/env bash
# Performance figures (never pass/fail): the Go benchmarks, then scripted UI
# timings in Chromium against the app on the simulator's large dataset
# (100,000 feature records, 50,000 devices).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. tools/procs.sh

export GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
work=$(mktemp -d)
finish() {
  local rc=$? g
  for g in "${groups_started[@]}"; do group_stop "$g" TERM; done
  if leftovers; then echo "== nothing the benchmark started is left running"; else rc=1; fi
  rm -rf "$work" "$root/build/bin/lsm-start"
  exit "$rc"
}
trap finish EXIT
echo "== Go benchmarks"
go test -run '^$' -bench . -benchtime 10x ./internal/features/ ./internal/fne/ ./internal/operations/ | grep -E '^(Benchmark|ok)' | tee "$work/go-bench.txt"
# bench_ms NAME: the milliseconds per run of benchmark NAME above.
bench_ms() { awk -v n="$1" '$1 ~ "^" n "(-[0-9]+)?$" { printf "%.1f", $3 / 1e6 }' "$work/go-bench.txt"; }
decode_ms=$(bench_ms BenchmarkFeaturesLarge) bare_ms=$(bench_ms BenchmarkFeaturesLargeBareJSON)
echo "fetch and decode of 100,000 feature records: $decode_ms ms, $(awk -v a="$decode_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", a / b }')x baseline (a), a bare encoding/json decode of the same bytes into plain structs: $bare_ms ms; target 0.6x"
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
# its process start to its one page painted. The app starts as a user's
# does, on the profile of a server (a simulator in a process of its own,
# security off, or it would open on Login), not with --demo, whose built-in
# server and made-up history would be timed with it. Before the UI timings,
# whose app would hold the single-instance lock.
echo "== Start-up (production build under Xvfb, 5 runs each)"
go tool -modfile=tools/go.mod wails build -nocolour -s -tags webkit2_41 -o lsm-start 2>&1 | awk -f tools/quiet-bindings.awk >/dev/null
go build -tags desktop,production,webkit2_41 -ldflags "-w -s" -o "$work/startbase" ./bench/startbase
go build -o "$work/lsm" ./cmd/lsm
# wait_answer SECONDS GROUP LOG CURL-ARGS...: waits up to SECONDS until curl
# with CURL-ARGS succeeds while a process of GROUP runs; shows LOG and fails
# if the group ends first.
wait_answer() {
  local seconds=$1 group=$2 log=$3
  shift 3
  for _ in $(seq 1 $((seconds * 2))); do
    curl -s -o /dev/null --max-time 2 "$@" && return 0
    group_alive "$group" || { cat "$log"; return 1; }
    sleep 0.5
  done
  echo "no answer from $* in $seconds s" >&2
  return 1
}
sim_addr=127.0.0.1:47391
# simulator ARGS...: serves the simulator on $sim_addr in a group of its own
# (its pid in sim_pid) until it answers, with the profile Bench on it active.
simulator() {
  group_start "$root/build/bin/lsm-start" --simulate "$sim_addr" --security off "$@" >"$E2E_ARTIFACTS/simulator.log" 2>&1
  sim_pid=$group_pid
  wait_answer 120 "$sim_pid" "$E2E_ARTIFACTS/simulator.log" "http://$sim_addr/"
  "$work/lsm" profiles list 2>/dev/null | grep -q Bench || "$work/lsm" profiles add Bench --server "http://$sim_addr" >/dev/null
  "$work/lsm" profiles use Bench >/dev/null
}
simulator
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
  app_ms+=("$(first_paint "$root/build/bin/lsm-start")")
done
group_stop "$sim_pid" TERM
app=$(median "${app_ms[@]}") base=$(median "${base_ms[@]}")
echo "start to the About view painted: median $app ms, $(awk -v a="$app" -v b="$base" 'BEGIN { printf "%.2f", a / b }')x baseline (c), the smallest Wails app: $base ms; target 1.5x (runs: app ${app_ms[*]}; baseline ${base_ms[*]})"
go build -tags dev,webkit2_41 -o "$work/lsm-dev" .
# dev_app LOG ARGS...: starts the dev-tagged app with ARGS under Xvfb, in a
# process group of its own (its id in xpid: stopping it stops xvfb-run's X
# server too, and nothing else), until it serves its page to Chromium.
dev_app() {
  local log=$1
  shift
  group_start env devserver=localhost:34115 loglevel=Warning xvfb-run -a -s '-screen 0 1280x900x24' \
    "$work/lsm-dev" "$@" >"$log" 2>&1
  xpid=$group_pid
  wait_answer 300 "$xpid" "$log" -f http://localhost:34115/
}
dev_app "$E2E_ARTIFACTS/app.log" --demo --security off --dataset large --history "$work/year.db"
echo "== UI timings (large dataset)"
(cd frontend && HOME="$work" PERF_DECODE_MS="$decode_ms" node e2e/perf.mjs)
group_stop "$xpid" TERM

# Memory: the simulator in a process of its own, so that the app's figure
# holds the app only; the app connects to it through a profile, as to any
# server.
echo "== Memory (large dataset)"
simulator --dataset large
dev_app "$E2E_ARTIFACTS/app-memory.log"
app_pid=$(pgrep -g "$xpid" -x lsm-dev)
(cd frontend && HOME="$work" PERF_APP_PID="$app_pid" node e2e/perf-memory.mjs)
