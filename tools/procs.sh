# Sourced by the test and benchmark scripts: start a program in a process
# group of its own, and stop exactly that group, so that a script never ends
# a process it did not start (a developer's own `wails dev`, say) and leaves
# none of its own behind (xvfb-run's X server, vite, the app, the keyring
# daemon of a D-Bus session: each stays in the group it was started in).

groups_started=()

# group_start CMD ARGS...: runs CMD in the background as the leader of a new
# session and process group; its pid, which is the group's id, goes to the
# variable group_pid (the caller redirects CMD's output as it likes).
group_start() {
  setsid "$@" &
  group_pid=$!
  groups_started+=("$group_pid")
}

# group_alive PGID: whether any process of the group runs.
group_alive() {
  kill -0 -- "-$1" 2>/dev/null
}

# group_stop PGID [SIGNAL]: sends SIGNAL (INT by default, as Ctrl-C in a
# terminal does to the foreground group) to every process of the group,
# then TERM and at last KILL to what is still there.
group_stop() {
  local pgid=$1 sig=${2:-INT} s
  [ -n "$pgid" ] || return 0
  for s in "$sig" TERM KILL; do
    group_alive "$pgid" || break
    kill -"$s" -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 30); do group_alive "$pgid" || break; sleep 0.5; done
  done
  wait "$pgid" 2>/dev/null || true
}

# leftovers: prints the processes of the groups this script started that
# still run, and fails if there are any.
leftovers() {
  local left="" pgid
  for pgid in "${groups_started[@]}"; do
    left+=$(ps -e -o pid=,pgid=,args= | awk -v g="$pgid" '$2 == g')
  done
  [ -z "$left" ] && return 0
  echo "still running after the script:" >&2
  echo "$left" >&2
  return 1
}
