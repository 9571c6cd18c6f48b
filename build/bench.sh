#!/usr/bin/env bash
# The benchmark (docs/performance.md): every signed-in read page under wrk, beside a TechEmpower
# "Fortunes" reference page on the same database, at demo scale and at ten-year scale, on SQLite
# and PostgreSQL; then the deadline sweep, start-up, two instances, and the budgets. Prints
# Markdown tables and what is over budget; exits 0 whatever it measured.
#   BENCH_DURATION=30            seconds per wrk run (5 for a quick look)
#   BENCH_WARMUP=5               seconds of warm-up before each page (default 1 when BENCH_DURATION < 10)
#   BENCH_PROVIDERS="sqlite postgres"
#   BENCH_SCALES="demo ten-year"  demo = the Development demo seed; ten-year = that plus generated cases
#   BENCH_TEN_YEAR_SCALE=1        size of the ten-year data (0.05 = a twentieth)
#   BENCH_OUT=artifacts/bench/<time>   where the wrk output and the report go
#   BENCH_PAGES=REGEX             only the pages whose label or path matches (grep -E); all by default
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-$([ "$duration" -ge 10 ] && echo 5 || echo 1)}
providers=${BENCH_PROVIDERS:-sqlite postgres}
scales=${BENCH_SCALES:-demo ten-year}
ten_year_scale=${BENCH_TEN_YEAR_SCALE:-1}
out=${BENCH_OUT:-$root/artifacts/bench/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out/wrk"
: >"$out/runs.tsv"; : >"$out/counters.tsv"; : >"$out/figures.tsv"
work=$(mktemp -d /tmp/sl-bench.XXXXXX)
chmod 755 "$work" # the PostgreSQL cluster runs as the postgres user
app_pids=()

say() { printf '\n== %s\n' "$*" >&2; }

stop_apps() {
  for pid in "${app_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  app_pids=()
}

cleanup() {
  stop_apps
  build/postgres.sh stop "$work/postgres" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  say "installing wrk"
  [ "$(id -u)" = 0 ] || { echo "The benchmark needs wrk (apt-get install -y wrk)"; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v taskset >/dev/null || { echo "The benchmark needs taskset (util-linux)"; exit 1; }

say "building (Release)"
for project in src/SafeguardingLearning.Web bench/SafeguardingLearning.Bench bench/Reference; do
  dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
# The app is measured as it is deployed (the Dockerfile's publish): ReadyToRun, so that start-up
# does not wait for the JIT.
published="$work/publish"
dotnet publish src/SafeguardingLearning.Web -c Release -r "linux-$(dpkg --print-architecture | sed 's/amd64/x64/')" --self-contained false \
  -p:PublishReadyToRun=true -o "$published" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
# The bench tool builds the app outside the app's content root, so without appsettings.Development.json:
# it is given the address that links begin with, which the app requires.
export Email__PublicBaseUrl=${Email__PublicBaseUrl:-http://localhost:5080}
bench_tool() { dotnet "$root/bench/SafeguardingLearning.Bench/bin/Release/net10.0/SafeguardingLearning.Bench.dll" "$@"; }

# A loopback port nothing answers on.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_ready() { # url; prints the milliseconds since $2 (date +%s%N) when it first answers 200
  local url=$1 started=$2
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "$url"; then echo $(( ($(date +%s%N) - started) / 1000000 )); return 0; fi
    sleep 0.01
  done
  echo "no answer from $url" >&2; return 1
}

# The app as a person's browser meets it, pinned to one core: Release, plain HTTP on loopback,
# jobs off (so the sweep does not run during a measurement). Development only for the demo
# accounts and to skip two-factor sign-in; logging at Warning as in a quiet production.
start_product() { # port core [extra VAR=value...]; sets started_ms
  local port=$1 core=$2; shift 2
  local started; started=$(date +%s%N)
  (cd "$published" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider="$db_provider" ConnectionStrings__SafeguardingLearning="$db_connection" \
    Scheduling__RunJobs=false Serilog__MinimumLevel__Default=Warning "$@" \
    taskset -c "$core" dotnet "$published/SafeguardingLearning.Web.dll" --contentRoot "$published" \
    >>"$work/app-$port.log" 2>&1) &
  app_pids+=($!)
  started_ms=$(wait_ready "http://127.0.0.1:$port/health/ready" "$started") || { tail -30 "$work/app-$port.log"; exit 1; }
}

start_reference() { # port core
  local port=$1 core=$2 started; started=$(date +%s%N)
  (cd "$root/bench/Reference" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider="$db_provider" ConnectionStrings__Fortunes="$reference_connection" \
    taskset -c "$core" dotnet "$root/bench/Reference/bin/Release/net10.0/SafeguardingLearning.Reference.dll" \
    >>"$work/reference.log" 2>&1) &
  app_pids+=($!)
  wait_ready "http://127.0.0.1:$port/fortunes" "$started" >/dev/null || { tail -30 "$work/reference.log"; exit 1; }
}

run=0
measure() { # kind label path person connections url cookie
  local kind=$1 label=$2 path=$3 person=$4 connections=$5 url=$6 cookie=$7
  run=$((run + 1))
  local file="wrk/$run-$provider-$scale-$kind-$connections.txt"
  taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --timeout 20s --latency -H "Cookie: $cookie" "$url" </dev/null >"$out/$file" 2>&1 || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$provider" "$label" "$path" "$person" "$connections" "$kind" "$file" >>"$out/runs.tsv"
  printf '  %-9s %-28s %3s connections: %s req/s\n' "$kind" "$label" "$connections" "$(grep -o 'Requests/sec: *[0-9.]*' "$out/$file" | grep -o '[0-9.]*$')" >&2
}

figure() { printf '%s\t%s\t%s\t%s\n' "$scale" "$provider" "$1" "$2" >>"$out/figures.tsv"; }

for provider in $providers; do
  case $provider in
    sqlite) db_provider=Sqlite ;;
    postgres)
      db_provider=PostgreSql
      say "starting a throwaway PostgreSQL cluster"
      postgres=$(build/postgres.sh start "$work/postgres")
      ;;
    *) echo "unknown provider $provider (sqlite or postgres)"; exit 1 ;;
  esac
  if [ "$provider" = sqlite ]; then reference_connection="Data Source=$work/fortunes.db"; else reference_connection="${postgres/Database=postgres/Database=fortunes}"; fi
  reference_port=$(free_port)
  start_reference "$reference_port" 0
  reference_url="http://127.0.0.1:$reference_port/fortunes"

  for scale in $scales; do
    case $scale in
      demo) factor=0 ;;
      ten-year) factor=$ten_year_scale ;;
      *) echo "unknown scale $scale (demo or ten-year)"; exit 1 ;;
    esac
    if [ "$provider" = sqlite ]; then
      db_connection="Data Source=$work/sl-$scale.db"
    else
      # The app migrates an existing database; it does not create one.
      pg_port=$(echo "$postgres" | grep -o 'Port=[0-9]*' | cut -d= -f2)
      createdb -h 127.0.0.1 -p "$pg_port" -U postgres "sl_${scale/-/_}"
      db_connection="${postgres/Database=postgres/Database=sl_${scale/-/_}}"
    fi
    export ASPNETCORE_ENVIRONMENT=Development Database__Provider=$db_provider ConnectionStrings__SafeguardingLearning=$db_connection Scheduling__RunJobs=false Serilog__MinimumLevel__Default=Warning
    say "$provider, $scale scale: generating the data"
    bench_tool generate "$factor" "$work/pages.tsv"
    if [ -n "${BENCH_PAGES:-}" ]; then
      grep -E "$BENCH_PAGES" "$work/pages.tsv" >"$work/pages.chosen" || true
      mv "$work/pages.chosen" "$work/pages.tsv"
    fi
    unset ASPNETCORE_ENVIRONMENT Database__Provider ConnectionStrings__SafeguardingLearning Scheduling__RunJobs Serilog__MinimumLevel__Default

    port=$(free_port)
    start_product "$port" 0
    figure startup_ms "$started_ms"
    say "$provider, $scale scale: start-up to ready ${started_ms} ms; signing in"
    declare -A cookies=()
    while IFS=$'\t' read -r _ _ person; do
      [ -n "${cookies[$person]:-}" ] || cookies[$person]=$(bench_tool signin "http://127.0.0.1:$port" "$person" </dev/null)
    done <"$work/pages.tsv"

    say "$provider, $scale scale: each page then the reference, ${duration} s each"
    while IFS=$'\t' read -r label path person; do
      taskset -c 1 wrk -t1 -c16 -d"${warmup}s" -H "Cookie: ${cookies[$person]}" "http://127.0.0.1:$port$path" </dev/null >/dev/null 2>&1 || true
      measure product "$label" "$path" "$person" 16 "http://127.0.0.1:$port$path" "${cookies[$person]}"
      measure reference "$label" "$path" "$person" 16 "$reference_url" ""
      measure product "$label" "$path" "$person" 64 "http://127.0.0.1:$port$path" "${cookies[$person]}"
    done <"$work/pages.tsv"
    measure reference "reference" "/fortunes" "-" 64 "$reference_url" ""

    if [ "$provider" = postgres ]; then
      say "$provider, $scale scale: one instance, then two (one core each), business unit home"
      manager_cookie=${cookies[manager@northshire.example]}
      second=$(free_port)
      start_product "$second" 1
      # The second instance is warmed up as the first was, and both runs' wrk output is kept.
      wrk -t1 -c16 -d"${warmup}s" --timeout 20s -H "Cookie: $manager_cookie" "http://127.0.0.1:$second/" >/dev/null 2>&1 || true
      BENCH_HOSTS="127.0.0.1:$port" wrk -t2 -c64 -d"${duration}s" --timeout 20s -s "$root/bench/hosts.lua" -H "Cookie: $manager_cookie" "http://127.0.0.1:$port/" \
        </dev/null >"$out/wrk/$provider-$scale-one-instance.txt" 2>&1 || true
      BENCH_HOSTS="127.0.0.1:$port 127.0.0.1:$second" wrk -t2 -c64 -d"${duration}s" --timeout 20s -s "$root/bench/hosts.lua" -H "Cookie: $manager_cookie" "http://127.0.0.1:$port/" \
        </dev/null >"$out/wrk/$provider-$scale-two-instances.txt" 2>&1 || true
      one=$(grep -o 'Requests/sec: *[0-9.]*' "$out/wrk/$provider-$scale-one-instance.txt" | grep -o '[0-9.]*$' || echo 0)
      two=$(grep -o 'Requests/sec: *[0-9.]*' "$out/wrk/$provider-$scale-two-instances.txt" | grep -o '[0-9.]*$' || echo 0)
      figure one_instance_rps "$one"
      figure two_instances_rps "$two"
      figure two_instances_ratio "$(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2f", a / b }')"
      kill "${app_pids[-1]}"; wait "${app_pids[-1]}" 2>/dev/null || true; unset 'app_pids[-1]'
    fi
    kill "${app_pids[-1]}"; wait "${app_pids[-1]}" 2>/dev/null || true; unset 'app_pids[-1]'

    say "$provider, $scale scale: SQL commands and allocations per request, one request at a time"
    start_product "$port" 0 Benchmark__Counters=true
    figure startup_ms_second "$started_ms"
    while IFS=$'\t' read -r label path person; do
      read -r status sql allocated single_ms < <(bench_tool probe "http://127.0.0.1:$port$path" "${cookies[$person]}" 5 </dev/null)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$provider" "$label" "$status" "$sql" "$allocated" "$single_ms" >>"$out/counters.tsv"
    done <"$work/pages.tsv"
    kill "${app_pids[-1]}"; wait "${app_pids[-1]}" 2>/dev/null || true; unset 'app_pids[-1]'
    unset cookies

    say "$provider, $scale scale: one run of the deadline sweep"
    sweep=$(ASPNETCORE_ENVIRONMENT=Development Database__Provider=$db_provider ConnectionStrings__SafeguardingLearning=$db_connection \
      Scheduling__RunJobs=false Serilog__MinimumLevel__Default=Warning taskset -c 0 dotnet "$root/bench/SafeguardingLearning.Bench/bin/Release/net10.0/SafeguardingLearning.Bench.dll" sweep)
    figure sweep_ms "$sweep"
  done
  stop_apps
  [ "$provider" = postgres ] && build/postgres.sh stop "$work/postgres" >/dev/null 2>&1
done

say "report ($out)"
{
  echo "Measured $(date -u '+%-d %B %Y %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(dotnet --version) SDK;"
  echo "BENCH_DURATION=$duration s (warm-up $warmup s), ten-year scale $ten_year_scale."
  echo
  bench_tool report "$out" "$root/bench/budgets.json"
} | tee "$out/report.md"
