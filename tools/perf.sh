#!/usr/bin/env bash
# Performance figures (never pass/fail): the Go benchmarks, then scripted UI
# timings in Chromium against `wails dev` on the simulator's large dataset
# (100,000 feature records, 50,000 devices).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

echo "== Go benchmarks"
go test -run '^$' -bench . -benchtime 10x ./internal/features/ ./internal/fne/ | grep -E '^(Benchmark|ok)'

export GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
export E2E_ARTIFACTS="$root/frontend/e2e/artifacts/perf"
mkdir -p "$E2E_ARTIFACTS"
xvfb-run -a -s '-screen 0 1280x900x24' \
  go tool -modfile=tools/go.mod wails dev -nocolour -tags webkit2_41 -loglevel Warning -noreload -nogorebuild \
  -appargs "--demo --security off --dataset large" >"$E2E_ARTIFACTS/wails-dev.log" 2>&1 &
xpid=$!
trap 'pkill -INT -f "wails dev -nocolour -tags webkit2_41" 2>/dev/null || true; sleep 2; kill $xpid 2>/dev/null || true; rm -rf "$work"' EXIT
for i in $(seq 1 300); do
  curl -sf -o /dev/null --max-time 2 http://localhost:34115/ && break
  kill -0 "$xpid" 2>/dev/null || { cat "$E2E_ARTIFACTS/wails-dev.log"; exit 1; }
  sleep 1
done
echo "== UI timings (large dataset)"
(cd frontend && HOME="$work" node e2e/perf.mjs)
