#!/usr/bin/env bash
# Checks and tests everything on a fresh machine: installs what the tests need when missing,
# starts a throwaway PostgreSQL cluster on a free loopback port, runs dotnet format, the compose
# file check, the unit, integration and browser tests, stops what it started, and ends with
# the line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
work=$(mktemp -d /tmp/sl-test.XXXXXX)
chmod 755 "$work" # the PostgreSQL cluster runs as the postgres user
configuration=Release
passed=0
failed=0

cleanup() {
  build/postgres.sh stop "$work/postgres" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

# A check that is not a test framework's test counts as one test.
check() {
  local name=$1; shift
  say "$name"
  if "$@" >"$work/check.log" 2>&1; then
    passed=$((passed + 1)); echo "ok"
  else
    failed=$((failed + 1)); echo "FAILED: $name"; tail -40 "$work/check.log"
  fi
}

# Installs a Debian package when the check that shows it is there fails.
need_debian_package() {
  local package=$1; shift
  "$@" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $package"
    [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  fi
  "$@" >/dev/null 2>&1 || { echo "The tests need the Debian package $package (apt-get install $package)"; exit 1; }
}

need_debian_package chromium command -v chromium
need_debian_package poppler-utils command -v pdfinfo
need_debian_package docker-compose command -v docker-compose
# A real SMTP server for the email tests, under Debian's own python3.
need_debian_package python3-aiosmtpd /usr/bin/python3 -c "import aiosmtpd"
command -v dotnet >/dev/null || { echo "The tests need the .NET SDK 10 (dotnet)"; exit 1; }
command -v npm >/dev/null || { echo "The tests need Node.js 20 and npm"; exit 1; }

rm -rf "$results"
mkdir -p "$results"

say "restoring front-end packages (npm ci) and .NET packages"
(cd src/SafeguardingLearning.Web && npm ci --no-audit --no-fund) || exit 1
dotnet restore SafeguardingLearning.sln || exit 1

say "building ($configuration)"
dotnet build SafeguardingLearning.sln -c "$configuration" --no-restore -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

# The build already fails on every analyzer and code-style warning (EnforceCodeStyleInBuild with
# warnings as errors), so dotnet format checks only what the build does not: layout and whitespace.
# (Its full run, which analyses everything again, took six minutes of the run.)
check "code layout (dotnet format whitespace --verify-no-changes)" dotnet format whitespace SafeguardingLearning.sln --verify-no-changes
check "compose file (docker-compose config)" env POSTGRES_PASSWORD=compose-check AUDIT_CHAIN_KEY=compose-check docker-compose -f docker-compose.yml config -q

say "starting a throwaway PostgreSQL cluster"
SL_TEST_POSTGRES=$(build/postgres.sh start "$work/postgres") || { echo "PostgreSQL did not start"; cat "$work/postgres/"*.log 2>/dev/null; exit 1; }
export SL_TEST_POSTGRES
echo "listening on ${SL_TEST_POSTGRES%%;Username*}"

# The integration and browser tests spend most of their time waiting (on app processes, the SMTP
# server, Chromium, the clock), so they run side by side; each project's output is shown when it ends.
run_project() {
  dotnet test "tests/SafeguardingLearning.$1" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$1.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    >"$work/$1.log" 2>&1
}

count_results() {
  local project=$1 trx="$results/$1.trx"
  say "$project"
  cat "$work/$project.log"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
    f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    e=$(echo "$counters" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
  else
    echo "FAILED: $project produced no results"
    failed=$((failed + 1))
  fi
}

run_project UnitTests
count_results UnitTests
say "IntegrationTests and BrowserTests, side by side (started $(date +%T))"
run_project IntegrationTests &
integration=$!
run_project BrowserTests &
browser=$!
wait $integration $browser
count_results IntegrationTests
count_results BrowserTests

[ -d "$results/screenshots" ] && echo "screenshots of failed browser tests: $results/screenshots"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
