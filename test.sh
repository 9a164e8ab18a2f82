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
# One project at a time: the integration suites start real hosts and simulators, and a 2-core machine runs them
# more reliably in turn than all at once. Each project writes its own TRX file, summed below.
status=0
for project in $(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | sort); do
  name=$(basename "$project" .csproj)
  echo "-- $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr notExecuted)))
done

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran: treating as a failure." >&2
  status=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ]; then status=1; fi
exit "$status"
