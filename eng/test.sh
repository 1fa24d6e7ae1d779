#!/usr/bin/env bash
# Runs every test of the repository: the .NET test projects and the dev server's Node tests.
# Installs what it needs (Node packages of the dev server) and prints a final "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

start_time=$SECONDS
# "[3m07s]": the time since the script started, in front of each progress line.
elapsed() { local s=$((SECONDS - start_time)); printf '[%dm%02ds]' $((s / 60)) $((s % 60)); }

echo "== installing what the tests need (each step is quick when already installed)"
echo "$(elapsed) dev server's Node packages (npm ci when missing: compiles better-sqlite3, a few minutes)"
bash eng/install-devserver.sh || { echo "dev server install failed"; echo "0 passed, 1 failed"; exit 1; }
echo "$(elapsed) C toolchain, zlib and openssl for the NativeAOT and TLS tests (apt-get when missing)"
bash eng/install-native-toolchain.sh || { echo "native toolchain install failed"; echo "0 passed, 1 failed"; exit 1; }
echo "$(elapsed) Chromium for the browser tests (apt-get when missing)"
bash eng/install-browser.sh || { echo "browser install failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
status=0

echo "== dotnet build (a line per project as it is built)"
# "  Skaftin.Realtime.Runtime -> .../bin/Release/net8.0/Skaftin.Realtime.dll" becomes "[1m02s] built Skaftin.Realtime.Runtime (net8.0)".
dotnet build Skaftin.Generators.sln -c Release 2>&1 | tee "$log_dir/build.log" | while IFS= read -r line; do
  if [[ $line =~ ^[[:space:]]*([^[:space:]]+)\ -\>\ (.*)$ ]]; then
    project=${BASH_REMATCH[1]} framework=""
    [[ ${BASH_REMATCH[2]} =~ /bin/[^/]+/([^/]+)/ ]] && framework=" (${BASH_REMATCH[1]})"
    echo "$(elapsed) built ${project}${framework}"
  elif [[ $line =~ error|Warn|Error|Elapsed ]]; then
    echo "$line"
  fi
done
if ! grep -qE "^\s*0 Error\(s\)" "$log_dir/build.log"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# Every minute while the tests run: the test assemblies started and not finished yet.
still_running() {
  while sleep 60 </dev/null >/dev/null 2>&1; do
    running=$(sed -nE -e 's#.*Test run for .*/([^/]+)\.dll .*#+\1#p' -e 's#.*(Passed|Failed)! +- Failed: .* - ([^ ]+)\.dll .*#-\2#p' "$log_dir/test.log" \
      | awk '/^\+/ { r[substr($0, 2)] = 1 } /^-/ { delete r[substr($0, 2)] } END { for (n in r) printf "%s%s", (c++ ? ", " : ""), n }')
    [ -n "$running" ] && echo "$(elapsed) still running: $running"
  done
}

echo "== dotnet test (a line as each test assembly starts and as it finishes)"
: > "$log_dir/test.log"
still_running &
heartbeat=$!
trap 'kill "$heartbeat" 2>/dev/null; rm -rf "$log_dir"' EXIT
dotnet test Skaftin.Generators.sln -c Release --no-build 2>&1 | tee "$log_dir/test.log" | while IFS= read -r line; do
  if [[ $line =~ Test\ run\ for\ .*/([^/]+)\.dll ]]; then
    echo "$(elapsed) started ${BASH_REMATCH[1]}"
  elif [[ $line =~ (Passed|Failed)!\ +-\ Failed: ]]; then
    echo "$(elapsed) finished: ${line#"${line%%[![:space:]]*}"}"
  else
    echo "$line"
  fi
done
test_status=${PIPESTATUS[0]}
kill "$heartbeat" 2>/dev/null
wait "$heartbeat" 2>/dev/null
# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    27, Skipped: ..."
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \3/p' "$log_dir/test.log")
[ "$test_status" -eq 0 ] || status=1

echo "$(elapsed) == dev server tests (node --test)"
(cd devserver && npm test 2>&1) | tee "$log_dir/node.log"
node_status=${PIPESTATUS[0]}
node_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log_dir/node.log" | tail -1)
node_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log_dir/node.log" | tail -1)
passed=$((passed + ${node_pass:-0})); failed=$((failed + ${node_fail:-0}))
if [ "$node_status" -ne 0 ]; then
  status=1
  [ "${node_fail:-0}" -gt 0 ] || failed=$((failed + 1))
fi

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (a crash or a build error): count it, never hide it.
  failed=1
fi

if [ "$failed" -gt 0 ]; then
  # Name what failed right above the summary, so the tail of a CI log says which test to look at.
  echo "== failed tests"
  grep -hE -A8 "^\s+Failed [A-Za-z_]" "$log_dir/test.log" | cut -c1-300 | head -120
  grep -hE "^\s*not ok " "$log_dir/node.log" | sed -E 's/^\s+/  node: /' | sort -u
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
