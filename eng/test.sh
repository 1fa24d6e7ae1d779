#!/usr/bin/env bash
# Runs every test of the repository: the .NET test projects and the dev server's Node tests.
# Installs what it needs (Node packages of the dev server) and prints a final "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash eng/install-devserver.sh || { echo "dev server install failed"; echo "0 passed, 1 failed"; exit 1; }
bash eng/install-native-toolchain.sh || { echo "native toolchain install failed"; echo "0 passed, 1 failed"; exit 1; }
bash eng/install-browser.sh || { echo "browser install failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
status=0

echo "== dotnet build"
if ! dotnet build Skaftin.Generators.sln -c Release 2>&1 | tee "$log_dir/build.log" | grep -E "error|Warn|Error|Elapsed"; then :; fi
if ! grep -qE "^\s*0 Error\(s\)" "$log_dir/build.log"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== dotnet test"
dotnet test Skaftin.Generators.sln -c Release --no-build 2>&1 | tee "$log_dir/test.log"
test_status=${PIPESTATUS[0]}
# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    27, Skipped: ..."
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \3/p' "$log_dir/test.log")
[ "$test_status" -eq 0 ] || status=1

echo "== dev server tests (node --test)"
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
