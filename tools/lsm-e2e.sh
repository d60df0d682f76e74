#!/usr/bin/env bash
# make test-lsm: the built lsm against a standalone simulator (go run .
# --simulate), as an IT script would use it: the password on standard
# input, a backup, a restore checked with --dry-run first, and an import
# the server interrupts midway, which a second run completes. Prints
# "lsm-e2e: N passed, M failed" and exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/lsm-e2e.XXXXXX)
simpid=""
cleanup() {
  [ -z "$simpid" ] || kill "$simpid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config
PORT=${LSM_E2E_PORT:-17181}
S=http://127.0.0.1:$PORT
PW='Admin123!'

passed=0 failed=0
check() { # check "what" command...
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "  ok    $what"; else failed=$((failed + 1)); echo "  FAIL  $what"; fi
}
lsm() { "$work/lsm" --server "$S" --password-stdin "$@" <<<"$PW"; }
count_groups() { lsm reservations export | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).length))'; }

go build -o "$work/lsm" ./cmd/lsm || exit 1
go build -o "$work/sim" . || exit 1
# The third group an import sends meets an ended session, once.
"$work/sim" --simulate "127.0.0.1:$PORT" --fault addReservationGroup:unauthorized-after=2,times=3 >"$work/sim.log" 2>&1 &
simpid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null --max-time 1 "$S/api/1.0/health" && break
  sleep 0.1
done

out=$(lsm status)
check "status logs in with the password from stdin" grep -q 'admin (' <<<"$out"
before=$(count_groups)
check "the demo server has groups to back up ($before)" test "$before" -ge 3
lsm reservations export >"$work/groups.json"
check "export writes the groups as JSON" node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1])).length > 0 ? 0 : 1)' "$work/groups.json"
ids=$(lsm reservations list -o json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log([...new Set(JSON.parse(s).map(r=>r.groupId))].join(" ")))')
# shellcheck disable=SC2086
lsm reservations delete --yes $ids >/dev/null
check "every group is deleted" test "$(count_groups)" -eq 0
plan=$(lsm reservations import "$work/groups.json" --dry-run -o csv)
check "a dry run plans to create each group" test "$(grep -c ',create,' <<<"$plan")" -eq "$before"
check "and sends nothing" test "$(count_groups)" -eq 0
lsm reservations import "$work/groups.json" >"$work/first.out" 2>"$work/first.err"
rc=$?
check "the interrupted import exits 1" test "$rc" -eq 1
check "and says it stopped, and how to go on" grep -q 'Run the same command again' "$work/first.err"
partial=$(count_groups)
check "it created the groups before the interruption ($partial)" test "$partial" -ge 1 -a "$partial" -lt "$before"
lsm reservations import "$work/groups.json" >"$work/second.out" 2>"$work/second.err"
check "the second run exits 0" test $? -eq 0
check "and the server holds every group again" test "$(count_groups)" -eq "$before"
check "the second run skipped what the first created" grep -q "$partial skipped" "$work/second.err"
# The simulator's own banner lists its demo accounts; that is its log.
leaks=$(grep -rlF "$PW" "$work" --exclude=lsm --exclude=sim --exclude=sim.log 2>/dev/null)
check "no file holds the password${leaks:+: $leaks}" test -z "$leaks"
# The process list: lsm waits for its password on stdin while its command
# line and environment are read from /proc.
{ sleep 1; echo "$PW"; } | "$work/lsm" --server "$S" --password-stdin status >/dev/null 2>&1 &
lsmpid=$!
sleep 0.5
seen=$(tr '\0' ' ' <"/proc/$lsmpid/cmdline" 2>/dev/null; tr '\0' '\n' <"/proc/$lsmpid/environ" 2>/dev/null)
wait "$lsmpid"
check "the process list shows lsm's command line without the password" bash -c 'grep -q -- "--password-stdin" <<<"$0" && ! grep -qF -- "$1" <<<"$0"' "$seen" "$PW"
"$work/lsm" --server "$S" --password-stdin features list <<<"wrong" >/dev/null 2>&1
check "a wrong password exits 3" test $? -eq 3

echo "lsm-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
