#!/usr/bin/env bash
# Stops everything start-cluster.sh started in DIR: nginx, both dev-server nodes, redis, the watchdog.
#
#   eng/cluster/stop-cluster.sh DIR [--keep]
#
# Each process gets SIGTERM, then SIGKILL if still there after 5 s. Only pids recorded in DIR are
# signalled, and only while /proc shows they still are the process this cluster started (a pid
# the system has reused since is left alone). DIR is removed afterwards unless --keep is given.
# Stopping an already stopped (or half started) cluster is fine. Exit 0, or 2 on bad arguments.
set -uo pipefail

[ $# -ge 1 ] || { echo "usage: $0 DIR [--keep]" >&2; exit 2; }
DIR=$1
KEEP=""
[ "${2:-}" = "--keep" ] && KEEP=1
[ -d "$DIR" ] || { echo "stop-cluster: $DIR does not exist (already stopped?)" >&2; exit 0; }
DIR=$(cd "$DIR" && pwd)
[ -f "$DIR/cluster.env" ] || [ -f "$DIR/redis.pid" ] || { echo "stop-cluster: $DIR is not a cluster directory" >&2; exit 2; }

# True when pid $1 is alive and its command line mentions $2 (this cluster's dir or port).
ours() {
  local pid=$1 mark=$2
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  grep -q "^State:[[:space:]]*Z" "/proc/$pid/status" 2>/dev/null && return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$mark"
}

stop_pid() {
  local pid=$1 mark=$2 what=$3
  ours "$pid" "$mark" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do
    ours "$pid" "$mark" || return 0
    sleep 0.1
  done
  echo "stop-cluster: $what (pid $pid) ignored SIGTERM for 5 s; SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

pid_of() { [ -f "$DIR/$1" ] && cat "$DIR/$1" || echo ""; }

# The watchdog first (unless it is the one calling), so it does not race this script.
if [ -z "${SKAFTIN_CLUSTER_WATCHDOG:-}" ]; then
  stop_pid "$(pid_of watchdog.pid)" "$DIR" watchdog
fi
stop_pid "$(pid_of nginx.pid.master)" "$DIR/nginx" nginx
stop_pid "$(pid_of node-a.pid)" "$DIR" node-a
stop_pid "$(pid_of node-b.pid)" "$DIR" node-b
REDIS_PORT=""
if [ -f "$DIR/cluster.env" ]; then REDIS_PORT=$(sed -n 's/^CLUSTER_REDIS=redis:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$DIR/cluster.env"); fi
stop_pid "$(pid_of redis.pid)" "127.0.0.1:${REDIS_PORT:-none}" redis

rm -f "$DIR/watchdog.pid" "$DIR/nginx.pid.master" "$DIR/node-a.pid" "$DIR/node-b.pid" "$DIR/redis.pid"
if [ -z "$KEEP" ]; then
  rm -rf "$DIR"
fi
exit 0
