#!/usr/bin/env bash
# Records new public members of the packages in src/<project>/PublicAPI/PublicAPI.Unshipped.txt (the
# PublicApiAnalyzers code fix); review the diff like code before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in Skaftin.Realtime.Runtime Skaftin.Realtime.Hosting; do
  dotnet format analyzers "src/$project/$project.csproj" --diagnostics RS0016 RS0017 --severity info
done
