#!/usr/bin/env bash
# How long the rapid review report takes to download as a PDF (docs/performance.md, "PDFs"):
# cold, the first PDF of a freshly started app process (asked for as soon as the app is ready and
# the business unit has signed in), ten times, each in a new process; and warm, ten PDFs one after
# another from one process after one untimed PDF. Prints the medians in milliseconds.
#   PDF_BENCH_APP=<folder>      the built app to measure (default: this tree's, built here in
#                               PDF_BENCH_CONFIGURATION, Release unless told); point it at another
#                               tree's build to measure that one (the "before" of a change)
#   PDF_BENCH_RUNS=10           PDFs per median
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${PDF_BENCH_CONFIGURATION:-Release}
runs=${PDF_BENCH_RUNS:-10}
work=$(mktemp -d /tmp/sl-bench-pdf.XXXXXX)
app_pid=

say() { printf '== %s\n' "$*" >&2; }

stop_app() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; fi
  app_pid=
}
trap 'stop_app; rm -rf "$work"' EXIT

if [ -z "${PDF_BENCH_APP:-}" ]; then
  say "building ($configuration)"
  for project in src/SafeguardingLearning.Web bench/SafeguardingLearning.Bench; do
    dotnet build "$project" -c "$configuration" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  done
  app=$root/src/SafeguardingLearning.Web/bin/$configuration/net10.0
else
  app=$PDF_BENCH_APP
  [ -f "$root/bench/SafeguardingLearning.Bench/bin/$configuration/net10.0/SafeguardingLearning.Bench.dll" ] ||
    dotnet build bench/SafeguardingLearning.Bench -c "$configuration" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
bench_tool() { dotnet "$root/bench/SafeguardingLearning.Bench/bin/$configuration/net10.0/SafeguardingLearning.Bench.dll" "$@"; }

port=$(( 20000 + RANDOM % 40000 ))
url=http://127.0.0.1:$port
database=$work/sl.db

# The app as build/bench.sh runs it: Development for the demo partnership (Child P's rapid review,
# signed off, whose report is printed), plain HTTP on loopback, jobs off, logging at Warning.
start_app() {
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" \
    Database__Provider=Sqlite ConnectionStrings__SafeguardingLearning="Data Source=$database" \
    Scheduling__RunJobs=false Serilog__MinimumLevel__Default=Warning Email__PublicBaseUrl=http://localhost:5080 \
    dotnet "$app/SafeguardingLearning.Web.dll" --contentRoot "$app" >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 6000); do
    if curl -fs -o /dev/null "$url/health/ready"; then return 0; fi
    sleep 0.01
  done
  tail -30 "$work/app.log"; exit 1
}

say "seeding the demo partnership"
start_app
id=$(sqlite3 "$database" "SELECT r.Id FROM RapidReviews r JOIN SeriousIncidentNotifications n ON n.Id = r.NotificationId WHERE n.ChildPseudonym = 'Child P';")
report=/rapid-reviews/${id,,}/report.pdf
stop_app

say "cold: the first PDF of a new process, $runs times"
cold=()
for _ in $(seq 1 "$runs"); do
  start_app
  cold+=("$(bench_tool pdf "$url" "$report" 1)")
  stop_app
done
cold_median=$(printf '%s\n' "${cold[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2 }')

say "warm: $runs PDFs one after another from one process"
start_app
warm_median=$(bench_tool pdf "$url" "$report" "$runs" warm)
stop_app

printf 'cold (ms): %s\n' "${cold[*]}"
printf 'cold median: %s ms\nwarm median: %s ms\n' "$cold_median" "$warm_median"
