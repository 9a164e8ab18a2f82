#!/usr/bin/env bash
# The one command that runs every test: restores, builds, starts the engines the scale-out tests need
# (RabbitMQ and PostgreSQL on loopback, installed from Debian packages when missing) and runs every test project.
# Ends with "Tests: N passed, N failed, N skipped" summed over all projects; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

results="$PWD/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== restore and build"
dotnet build MppIntegrationHub.sln -c Release --nologo -v quiet

if [ -x scripts/services.sh ]; then
  echo "== engines (RabbitMQ, PostgreSQL) on loopback"
  # shellcheck source=scripts/services.sh
  source scripts/services.sh
  services_start
  trap services_stop EXIT
fi

echo "== browser for the operator console test"
# Debian's chromium, driven by Playwright (no browser download): installed like the engines when missing.
if ! command -v chromium >/dev/null 2>&1; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium >/dev/null
fi

echo "== tests"
# Prints what a hung test host was doing, from the dump the blame collector wrote: its threads' stacks where they
# pass through the hub's code, and its async await chains. Everything goes to <project>.hang-stacks.txt beside the
# results; the dump itself (the size of the process) is deleted.
print_hang_stacks() {
  local dump listing="$results/$1.hang-stacks.txt"
  # The collector leaves each dump twice (its attachment and a copy): one of each name is read.
  for dump in $(find "$results" -name '*.dmp' 2>/dev/null | awk -F/ '!seen[$NF]++'); do
    { dotnet tool restore >/dev/null && timeout 5m dotnet tool run dotnet-dump analyze "$dump" \
        -c "clrstack -all" -c "dumpasync --coalesce" -c exit; } >> "$listing" 2>&1 < /dev/null || true
  done
  find "$results" -name '*.dmp' -delete 2>/dev/null || true
  if [ -f "$listing" ]; then
    echo "== the hung test host's frames in the hub's code (all stacks: $listing)"
    grep -E 'MppIntegrationHub' "$listing" | cut -c1-220 | head -80 || true
  fi
}

# One project at a time: the integration suites start real hosts and simulators, and a 2-core machine runs them
# more reliably in turn than all at once. Each project writes its own TRX file, summed below.
# A hang must not eat CI's time limit: a test still running after TEST_HANG_TIMEOUT is named, its test host dumped
# and stopped (the blame collector), and the threads' stacks from the dump are printed; a project still running
# after TEST_PROJECT_TIMEOUT (a hang outside any test) is stopped too. Either way the run goes on and fails.
status=0 unreported=0
for project in $(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | sort); do
  name=$(basename "$project" .csproj)
  echo "-- $name (started $(date -u +%T))"
  timeout --kill-after=1m "${TEST_PROJECT_TIMEOUT:-30m}" dotnet test "$project" -c Release --no-build --nologo \
    --blame-hang-timeout "${TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type full \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
  print_hang_stacks "$name"
  # A run stopped by the project timeout leaves no TRX file: it counts as one failure.
  [ -f "$results/$name.trx" ] || unreported=$((unreported + 1))
done

passed=0 failed=$unreported skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr notExecuted)))
  # A run the blame collector stopped (a hang) or whose host crashed counts its tests so far: one failure more.
  if grep -q '<ResultSummary outcome="Failed"' "$trx" && [ "$(attr failed)" -eq 0 ] && [ "$(attr error)" -eq 0 ]; then
    failed=$((failed + 1))
  fi
done

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran: treating as a failure." >&2
  status=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ]; then status=1; fi
exit "$status"
