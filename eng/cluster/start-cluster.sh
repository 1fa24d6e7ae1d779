#!/usr/bin/env bash
# Starts a local two-node dev-server cluster for tests: Redis, node-a and node-b sharing rooms,
# broadcasts and recovery sessions through Redis streams and one SQLite file, and nginx in front.
# Everything binds 127.0.0.1 and lives in one directory; nothing system-wide is configured or started.
#
#   eng/cluster/start-cluster.sh [--dir DIR] [--key KEY=P1,P2 ...] [--recovery MS | --no-recovery]
#                                [--owner-pid PID] [--ttl SECONDS] [--clock-skew-a MS] [--clock-skew-b MS]
#                                [-- extra dev-server flags...]
#
#   --dir DIR         where everything lives (default: a new mktemp dir); must be empty or missing
#   --key SPEC        API key for both nodes (repeatable; default dev-key=*); passed by environment
#   --recovery MS     connection state recovery window (default 120000); --no-recovery turns it off
#   --owner-pid PID   stop the whole cluster when that process is gone (e.g. the test runner)
#   --ttl SECONDS     stop the whole cluster after this long in any case (default 3600, max 86400)
#   --clock-skew-a MS, --clock-skew-b MS
#                     that node's --clock-skew-ms (may be negative), so the two nodes disagree about
#                     the time of their events (e.g. with -- --contract seed)
#   -- ARGS           passed to both dev servers as is (e.g. -- --ping-interval 1000 --verbose)
#
# stdout gets KEY=VALUE lines only (also written to DIR/cluster.env), the last one CLUSTER_READY=1:
#   CLUSTER_DIR, CLUSTER_REDIS (redis://127.0.0.1:P), CLUSTER_REDIS_PID, CLUSTER_NODE_A (http://...),
#   CLUSTER_NODE_A_PID, CLUSTER_NODE_B, CLUSTER_NODE_B_PID, CLUSTER_LB (http://...), CLUSTER_LB_PID,
#   CLUSTER_DB, CLUSTER_WATCHDOG_PID
# Progress and errors go to stderr. Exit codes: 0 ready; 1 failed (whatever started is stopped);
# 2 bad arguments; 3 redis-server or nginx missing and not installable (tests skip on 3).
#
# Stop it with eng/cluster/stop-cluster.sh DIR. Restart a killed node with eng/cluster/start-node.sh DIR a|b.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DEVSERVER=$(cd "$HERE/../../devserver" && pwd)
SERVER_JS="$DEVSERVER/server.js"
NODE_BIN=${NODE:-node}

say() { echo "start-cluster: $*" >&2; }
die() { say "$1"; exit "${2:-1}"; }

DIR=""
KEYS=()
RECOVERY_MS=120000
OWNER_PID=""
TTL_S=3600
EXTRA=()
declare -A SKEW=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) [ $# -ge 2 ] || die "--dir needs a value" 2; DIR=$2; shift 2 ;;
    --key) [ $# -ge 2 ] || die "--key needs a value" 2; KEYS+=("$2"); shift 2 ;;
    --recovery) [ $# -ge 2 ] || die "--recovery needs a value" 2; RECOVERY_MS=$2; shift 2 ;;
    --no-recovery) RECOVERY_MS=""; shift ;;
    --owner-pid) [ $# -ge 2 ] || die "--owner-pid needs a value" 2; OWNER_PID=$2; shift 2 ;;
    --ttl) [ $# -ge 2 ] || die "--ttl needs a value" 2; TTL_S=$2; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    --clock-skew-a | --clock-skew-b)
      [ $# -ge 2 ] || die "$1 needs a value" 2
      [[ "$2" =~ ^-?[0-9]+$ ]] || die "$1 must be an integer number of ms" 2
      SKEW[${1: -1}]=$2; shift 2 ;;
    -h | --help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument: $1" 2 ;;
  esac
done
[[ -z "$RECOVERY_MS" || "$RECOVERY_MS" =~ ^[1-9][0-9]*$ ]] || die "--recovery must be a positive number of ms" 2
[[ "$TTL_S" =~ ^[1-9][0-9]*$ && "$TTL_S" -le 86400 ]] || die "--ttl must be 1..86400 seconds" 2
[[ -z "$OWNER_PID" || "$OWNER_PID" =~ ^[1-9][0-9]*$ ]] || die "--owner-pid must be a pid" 2
[ ${#KEYS[@]} -gt 0 ] || KEYS=("dev-key=*")
for a in "${EXTRA[@]+"${EXTRA[@]}"}"; do
  case "$a" in
    --port* | --node-id* | --redis-url* | --db* | --tls-* | --clock-skew-ms*) die "$a is set by the cluster itself (nginx talks plain HTTP to the nodes)" 2 ;;
  esac
done

# ---- prerequisites -------------------------------------------------------------------------
command -v "$NODE_BIN" >/dev/null || die "node is required" 3

# Bounded waits for a package manager lock held by another process (apt_with_lock_wait, take_install_lock).
# shellcheck source=package-lock-wait.sh
source "$HERE/package-lock-wait.sh"

install_packages() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} from Debian (apt-get)"
  command -v apt-get >/dev/null || die "${missing[*]} missing and apt-get unavailable" 3
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else die "${missing[*]} missing; install them as root: apt-get install -y ${missing[*]}" 3; fi
  fi
  # Installing must not start the system redis/nginx services (nginx's default site listens on
  # 0.0.0.0:80). Debian's policy-rc.d mechanism says "do not start services"; if the machine has no
  # policy of its own, one is put in place for the duration of the install and removed afterwards.
  local policy=/usr/sbin/policy-rc.d added_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# temporary, from skaftin eng/cluster/start-cluster.sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 755 "$policy"
    added_policy=1
  fi
  local rc=0
  { apt_with_lock_wait timeout 600 "${sudo[@]}" apt-get update -q && apt_with_lock_wait timeout 900 "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } >&2 || rc=$?
  [ -n "$added_policy" ] && "${sudo[@]}" rm -f "$policy"
  [ $rc -eq 0 ] || die "apt-get install ${missing[*]} failed ($rc)" 3
  command -v redis-server >/dev/null || die "redis-server still missing after install" 3
}
install_packages
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)

has_redis_adapter() { [ -d "$DEVSERVER/node_modules/@socket.io/redis-streams-adapter" ] && [ -d "$DEVSERVER/node_modules/redis" ]; }
if ! has_redis_adapter; then
  # One install at a time on this machine (worktrees may share one node_modules): wait for another one, bounded, and
  # look again once it is done.
  take_install_lock "${TMPDIR:-/tmp}/skaftin-devserver-npm.lock"
  if ! has_redis_adapter; then
    say "devserver/node_modules lacks the redis adapter: running npm ci"
    [ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr
    (cd "$DEVSERVER" && timeout 900 npm ci --no-audit --no-fund >&2) || die "npm ci failed"
  fi
  exec 8>&-
fi

# ---- the cluster directory -------------------------------------------------------------------
if [ -z "$DIR" ]; then
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/skaftin-cluster.XXXXXX")
else
  mkdir -p "$DIR"
  [ -z "$(ls -A "$DIR")" ] || die "--dir $DIR is not empty" 2
  DIR=$(cd "$DIR" && pwd)
fi
chmod 700 "$DIR"
mkdir -p "$DIR/redis" "$DIR/nginx/logs" "$DIR/nginx/tmp"

STARTED=0
cleanup_on_failure() {
  local rc=$?
  if [ "$STARTED" -ne 1 ]; then
    say "failed; stopping what was started (logs stay in $DIR)"
    "$HERE/stop-cluster.sh" "$DIR" --keep >&2 || true
  fi
  exit "$rc"
}
trap cleanup_on_failure EXIT
trap 'exit 1' INT TERM

# Free 127.0.0.1 ports, distinct from each other. Bound and released right away: another process
# could take one in between, which then shows up as a start failure with a clear log line.
mapfile -t PORTS < <("$NODE_BIN" -e '
  const net = require("node:net");
  const servers = [];
  const next = () => {
    if (servers.length === 4) { for (const s of servers) { console.log(s.address().port); s.close(); } return; }
    const s = net.createServer().listen(0, "127.0.0.1", () => { servers.push(s); next(); });
  };
  next();')
[ ${#PORTS[@]} -eq 4 ] || die "could not pick free ports"
REDIS_PORT=${PORTS[0]}
NODE_A_PORT=${PORTS[1]}
NODE_B_PORT=${PORTS[2]}
LB_PORT=${PORTS[3]}

# Waits (bounded) until something accepts TCP connections on 127.0.0.1:$1.
wait_port() {
  local port=$1 what=$2 pid=$3 tries=$((${4:-15} * 10))
  for ((i = 0; i < tries; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || die "$what exited during start (see $DIR)"
    sleep 0.1
  done
  die "$what is not accepting connections on 127.0.0.1:$port"
}

# ---- redis: loopback only, no persistence, its own dir ----------------------------------------
setsid redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes --save '' --appendonly no \
  --dir "$DIR/redis" --daemonize no --logfile "$DIR/redis/redis.log" --databases 1 \
  </dev/null >/dev/null 2>>"$DIR/redis/redis.log" &
REDIS_PID=$!
echo "$REDIS_PID" >"$DIR/redis.pid"
wait_port "$REDIS_PORT" redis "$REDIS_PID"
for ((i = 0; i < 50; i++)); do
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && timeout 1 head -c 7 <&3) 2>/dev/null || true)
  [[ "$reply" == +PONG* ]] && break
  sleep 0.1
done
[[ "$reply" == +PONG* ]] || die "redis does not answer PING"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

# ---- the shared configuration the nodes (and start-node.sh restarts) read ---------------------
umask 077
printf '%s' "$(IFS=';'; echo "${KEYS[*]}")" >"$DIR/keys"
{
  [ -n "$RECOVERY_MS" ] && printf '%s\n' --recovery "$RECOVERY_MS"
  for a in "${EXTRA[@]+"${EXTRA[@]}"}"; do printf '%s\n' "$a"; done
} >"$DIR/node-args"
# Per-node arguments, appended by start-node.sh after the shared ones.
for n in a b; do
  if [ -n "${SKEW[$n]:-}" ]; then printf '%s\n' --clock-skew-ms "${SKEW[$n]}"; fi >"$DIR/node-$n-args"
done
umask 022
DB="$DIR/cluster.sqlite"
{
  echo "CLUSTER_DIR=$DIR"
  echo "CLUSTER_SERVER_JS=$SERVER_JS"
  echo "CLUSTER_REDIS=$REDIS_URL"
  echo "CLUSTER_DB=$DB"
  echo "CLUSTER_NODE_A_PORT=$NODE_A_PORT"
  echo "CLUSTER_NODE_B_PORT=$NODE_B_PORT"
  echo "CLUSTER_LB_PORT=$LB_PORT"
} >"$DIR/cluster.env"

# ---- two dev-server nodes (one after the other: the first creates the SQLite schema) ---------
NODE_LINES=$("$HERE/start-node.sh" "$DIR" a)
NODE_LINES+=$'\n'$("$HERE/start-node.sh" "$DIR" b)
eval "$(printf '%s\n' "$NODE_LINES" | grep -E '^CLUSTER_NODE_[AB](_PID)?=[A-Za-z0-9:/.]+$')"

# ---- nginx: loopback load balancer, websocket upgrades, ip_hash stickiness for polling ---------
NGX=$DIR/nginx
if [ "$(id -u)" -eq 0 ]; then
  # Workers drop to an unprivileged user; it must be able to write the temp dirs.
  NGINX_USER=$(id -u www-data >/dev/null 2>&1 && echo www-data || echo nobody)
  USER_LINE="user $NGINX_USER;"
  chown -R "$NGINX_USER" "$NGX/tmp"
  chmod 711 "$DIR"
else
  USER_LINE=""
fi
cat >"$NGX/nginx.conf" <<EOF
# Generated by eng/cluster/start-cluster.sh for a local test cluster. Loopback only.
$USER_LINE
worker_processes 1;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log $NGX/logs/access.log;
  client_body_temp_path $NGX/tmp/body;
  proxy_temp_path $NGX/tmp/proxy;
  fastcgi_temp_path $NGX/tmp/fastcgi;
  uwsgi_temp_path $NGX/tmp/uwsgi;
  scgi_temp_path $NGX/tmp/scgi;

  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    ''      close;
  }

  # ip_hash keeps every request of one client address on one node, which Socket.IO long-polling
  # needs (its sid exists only on the node that made it). All local clients share 127.0.0.1, so
  # they all land on the same node; when that node is down nginx moves them to the other one.
  upstream skaftin_dev {
    ip_hash;
    server 127.0.0.1:$NODE_A_PORT max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$NODE_B_PORT max_fails=1 fail_timeout=2s;
  }

  server {
    listen 127.0.0.1:$LB_PORT;
    client_max_body_size 17m;
    location / {
      proxy_pass http://skaftin_dev;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
      proxy_read_timeout 120s;
      proxy_send_timeout 120s;
      proxy_buffering off;
      proxy_request_buffering off;
    }
  }
}
EOF
setsid "$NGINX_BIN" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" </dev/null >>"$NGX/logs/stdout.log" 2>&1 &
LB_PID=$!
echo "$LB_PID" >"$DIR/nginx.pid.master"
wait_port "$LB_PORT" nginx "$LB_PID"
LB_URL="http://127.0.0.1:$LB_PORT"

# ---- watchdog: the cluster never outlives its owner or its ttl ---------------------------------
setsid bash -c '
  owner=$1; ttl=$2; stop=$3; dir=$4
  for ((i = 0; i < ttl; i++)); do
    if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then break; fi
    sleep 1
  done
  SKAFTIN_CLUSTER_WATCHDOG=1 "$stop" "$dir" --keep >/dev/null 2>&1
' watchdog "$OWNER_PID" "$TTL_S" "$HERE/stop-cluster.sh" "$DIR" </dev/null >/dev/null 2>&1 &
WATCHDOG_PID=$!
echo "$WATCHDOG_PID" >"$DIR/watchdog.pid"

{
  echo "CLUSTER_REDIS_PID=$REDIS_PID"
  echo "CLUSTER_NODE_A=$CLUSTER_NODE_A"
  echo "CLUSTER_NODE_A_PID=$CLUSTER_NODE_A_PID"
  echo "CLUSTER_NODE_B=$CLUSTER_NODE_B"
  echo "CLUSTER_NODE_B_PID=$CLUSTER_NODE_B_PID"
  echo "CLUSTER_LB=$LB_URL"
  echo "CLUSTER_LB_PID=$LB_PID"
  echo "CLUSTER_WATCHDOG_PID=$WATCHDOG_PID"
} >>"$DIR/cluster.env"
STARTED=1
grep -v -E '^CLUSTER_(SERVER_JS|NODE_A_PORT|NODE_B_PORT|LB_PORT)=' "$DIR/cluster.env"
echo "CLUSTER_READY=1"
