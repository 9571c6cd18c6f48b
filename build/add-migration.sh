#!/usr/bin/env bash
# Adds a migration for every database provider (SQLite, PostgreSQL, SQL Server): build/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: build/add-migration.sh NameOfChange"; exit 2; }
dotnet tool restore >/dev/null
dotnet build build/DesignTime -v q -nologo
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$1" \
    --project src/SafeguardingLearning.Web \
    --startup-project build/DesignTime \
    --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider"
done
dotnet format whitespace src/SafeguardingLearning.Web --include src/SafeguardingLearning.Web/Data/Migrations
