#!/usr/bin/env bash
# Restores everything (NuGet, npm), builds and starts the app on the embedded SQLite database,
# created and migrated on start, with the demo partnership seeded (Development).
# Listens on http://localhost:5080 unless ASPNETCORE_URLS says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "Safeguarding Learning needs the .NET SDK 10 (dotnet)"; exit 1; }
command -v npm >/dev/null || { echo "Safeguarding Learning needs Node.js 20 and npm to build its front end"; exit 1; }

(cd src/SafeguardingLearning.Web && npm ci --no-audit --no-fund)
dotnet build src/SafeguardingLearning.Web -nologo -v q

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
echo "Safeguarding Learning on ${ASPNETCORE_URLS} (${ASPNETCORE_ENVIRONMENT})"
exec dotnet run --no-build --no-launch-profile --project src/SafeguardingLearning.Web
