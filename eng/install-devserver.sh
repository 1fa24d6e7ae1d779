#!/usr/bin/env bash
# Installs the dev server's Node packages when they are missing. better-sqlite3 builds from source here,
# against the Node headers the distribution ships (/usr/include/node), so node-gyp needs no download.
set -euo pipefail
cd "$(dirname "$0")/../devserver"
if [ -d node_modules/socket.io ] && [ -d node_modules/@socket.io/redis-streams-adapter ] && [ -d node_modules/redis ] \
   && [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  exit 0
fi
command -v node >/dev/null || { echo "node is required (Node.js 20)"; exit 1; }
if [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
# --foreground-scripts: better-sqlite3's native build prints as it goes (minutes), rather than nothing until the end.
npm ci --no-audit --no-fund --foreground-scripts
