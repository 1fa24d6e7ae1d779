#!/usr/bin/env bash
# Records new public members of the runtime in src/Skaftin.Realtime.Runtime/PublicAPI/PublicAPI.Unshipped.txt
# (the PublicApiAnalyzers code fix); review the diff like code before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet format analyzers src/Skaftin.Realtime.Runtime/Skaftin.Realtime.Runtime.csproj --diagnostics RS0016 RS0017 --severity info
