#!/usr/bin/env bash
# Starts (or restarts) one dev-server node of a cluster made by start-cluster.sh:
#
#   eng/cluster/start-node.sh <cluster-dir> a|b
#
# The node gets the port, Redis URL, shared database and flags recorded in <cluster-dir>/cluster.env,
# so a node that was killed comes back on the same port and nginx routes to it again.
# Prints CLUSTER_NODE_<X>=http://127.0.0.1:<port> and CLUSTER_NODE_<X>_PID=<pid> on stdout.
# Exit codes: 0 started; 1 failed (the log is <cluster-dir>/node-<x>.log); 2 bad arguments.
set -euo pipefail

usage() { echo "usage: $0 <cluster-dir> a|b" >&2; exit 2; }
[ $# -eq 2 ] || usage
DIR=$1
NAME=$2
case "$NAME" in a | b) ;; *) usage ;; esac
[ -f "$DIR/cluster.env" ] || { echo "start-node: $DIR/cluster.env not found (start the cluster with start-cluster.sh)" >&2; exit 2; }

# shellcheck disable=SC1091
. "$DIR/cluster.env"
UPPER=$(echo "$NAME" | tr a-z A-Z)
PORT_VAR="CLUSTER_NODE_${UPPER}_PORT"
PORT=${!PORT_VAR}
NODE_BIN=${NODE:-node}
PID_FILE="$DIR/node-$NAME.pid"
LOG="$DIR/node-$NAME.log"
OUT="$DIR/node-$NAME.out"
START_TIMEOUT_S=${CLUSTER_START_TIMEOUT_S:-20}

# A node of this cluster still running under that pid must not be started twice.
if [ -f "$PID_FILE" ]; then
  OLD=$(cat "$PID_FILE")
  if [ -n "$OLD" ] && [ -r "/proc/$OLD/cmdline" ] && tr '\0' ' ' <"/proc/$OLD/cmdline" | grep -q -- "--node-id node-$NAME .*$DIR"; then
    echo "start-node: node-$NAME is already running (pid $OLD)" >&2
    exit 1
  fi
fi

# The node's arguments, one per line, as start-cluster.sh recorded them (keys are passed in the
# environment, never on a command line other users can read).
ARGS=()
while IFS= read -r line; do ARGS+=("$line"); done <"$DIR/node-args"
# This node's own arguments (e.g. --clock-skew-ms), when start-cluster.sh recorded any.
if [ -f "$DIR/node-$NAME-args" ]; then
  while IFS= read -r line; do ARGS+=("$line"); done <"$DIR/node-$NAME-args"
fi

: >"$OUT"
# setsid: the node lives on after this script (and its caller's terminal) is gone; stop-cluster.sh
# or the watchdog stops it. Not a process-group leader here, so setsid execs in place and $! is
# the node's own pid.
SKAFTIN_DEV_KEYS="$(cat "$DIR/keys")" setsid "$NODE_BIN" "$CLUSTER_SERVER_JS" \
  --port "$PORT" --node-id "node-$NAME" --redis-url "$CLUSTER_REDIS" --db "$CLUSTER_DB" "${ARGS[@]}" \
  </dev/null >"$OUT" 2>>"$LOG" &
PID=$!
echo "$PID" >"$PID_FILE"

# Wait (bounded) for its LISTENING line.
URL=""
for ((i = 0; i < START_TIMEOUT_S * 10; i++)); do
  if URL=$(grep -m1 -o 'https\?://127\.0\.0\.1:[0-9]*' "$OUT" 2>/dev/null) && [ -n "$URL" ]; then break; fi
  URL=""
  if ! kill -0 "$PID" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$URL" ]; then
  if kill -0 "$PID" 2>/dev/null; then
    echo "start-node: node-$NAME did not print its LISTENING line within ${START_TIMEOUT_S}s; last log lines:" >&2
  else
    echo "start-node: node-$NAME exited during start; last log lines:" >&2
  fi
  tail -n 20 "$LOG" >&2 || true
  kill -KILL "$PID" 2>/dev/null || true
  rm -f "$PID_FILE"
  exit 1
fi
echo "CLUSTER_NODE_${UPPER}=$URL"
echo "CLUSTER_NODE_${UPPER}_PID=$PID"
