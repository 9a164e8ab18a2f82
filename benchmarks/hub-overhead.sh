#!/usr/bin/env bash
# Hub overhead benchmark (issue 7): identity verification through the running hub (Release) vs the same call made
# directly to a fast stub agency (a minimal Kestrel app answering a canned Dukcapil page).
#   throughput: wrk on loopback, same connections and duration for both;
#   latency:    fixed-rate open-loop driver at $RATE req/s, p50/p99 for both and the difference.
# Goals: hub >= 0.5x direct throughput; added p50 <= 0.3 ms, added p99 <= 1 ms at 500 req/s.
# Usage: benchmarks/hub-overhead.sh   (env: RATE=500 MEASURE_SECONDS=20 WRK_SECONDS=15 WRK_CONNECTIONS=32 WRK_THREADS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-500}; SECONDS_MEASURED=${MEASURE_SECONDS:-20}; WRK_SECONDS=${WRK_SECONDS:-15}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}; WRK_THREADS=${WRK_THREADS:-2}
STUB_PORT=${STUB_PORT:-5191}; HUB_PORT=${HUB_PORT:-5180}
work=$(mktemp -d); pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

step() { printf '\n== %s\n' "$*" >&2; }
wait_http() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }

step "build (Release)"
dotnet build -c Release -v q --nologo src/MppIntegrationHub.Hub >/dev/null
dotnet build -c Release -v q --nologo tests/MppIntegrationHub.LoadBenchmarks >/dev/null
tools=tests/MppIntegrationHub.LoadBenchmarks/bin/Release/net10.0/MppIntegrationHub.LoadBenchmarks.dll

step "start the stub agency on 127.0.0.1:$STUB_PORT"
dotnet "$tools" stub-agency --port "$STUB_PORT" >"$work/stub.log" 2>&1 & pids+=($!)

step "start the hub (Release) on 127.0.0.1:$HUB_PORT, agencies from configuration, Dukcapil at the stub"
stub="http://127.0.0.1:$STUB_PORT/"
mkdir "$work/keys"   # token signing and encryption keys for this run only
openssl genrsa -out "$work/keys/signing.pem" 2048 2>/dev/null
openssl rand -base64 32 >"$work/keys/encryption.key"
(
  cd "$work"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$HUB_PORT"
  export Logging__LogLevel__Default=Warning
  export Store__ConnectionString="Data Source=$work/hub.db"
  export Hub__AllowHttp=true Hub__Audit__NikKey=load-benchmark-only-nik-reference-key-0123456789 Hub__TokenKeys__Folder="$work/keys"
  # The benchmark client's per-client limit is set high by configuration: the point is the hub's cost, not its quota.
  export Hub__Clients__0__ClientId=load-bench Hub__Clients__0__ClientSecret=load-bench-secret-0123456789
  export Hub__Clients__0__Scopes__0=identity.verify Hub__Clients__0__RequestsPerMinute=1000000
  export Hub__Agencies__Source=Configuration
  export Hub__Agencies__dukcapil__BaseUrl="$stub" Hub__Agencies__dukcapil__CustomerId=BENCH Hub__Agencies__dukcapil__UserId=bench
  export Hub__Agencies__dukcapil__Password=bench Hub__Agencies__dukcapil__IpUser=127.0.0.1 Hub__Agencies__dukcapil__ApiKey=bench
  export Hub__Agencies__dukcapil__Quota__PermitLimit=100000 Hub__Agencies__dukcapil__Quota__QueueLimit=100000
  # The other agencies are not called; their adapters still need valid settings to start.
  export Hub__Agencies__satusehat__BaseUrl="$stub" Hub__Agencies__satusehat__ClientId=bench Hub__Agencies__satusehat__ClientSecret=bench
  for agency in skck sim paspor simponi; do export "Hub__Agencies__${agency}__BaseUrl=$stub" "Hub__Agencies__${agency}__ApiKey=bench"; done
  exec dotnet "$OLDPWD/src/MppIntegrationHub.Hub/bin/Release/net10.0/MppIntegrationHub.Hub.dll"
) >"$work/hub.log" 2>&1 & pids+=($!)
wait_http "http://127.0.0.1:$HUB_PORT/health/live"
curl -s "http://127.0.0.1:$HUB_PORT/connect/token" -d grant_type=client_credentials \
  -d client_id=load-bench -d client_secret=load-bench-secret-0123456789 -d scope=identity.verify >"$work/token.json"
token=$(sed -nE 's/.*"access_token": *"([^"]+)".*/\1/p' "$work/token.json")
[ -n "$token" ] || { echo "no access token:" >&2; cat "$work/token.json" >&2; exit 1; }
printf '{"nik":"3273021205909001","fullName":"ANDI PRATAMA"}' >"$work/hub.json"
printf '{"NIK":"3273021205909001","user_id":"bench","password":"bench","IP_USER":"127.0.0.1","TRESHOLD":"80","NAMA_LGKP":"ANDI PRATAMA"}' >"$work/direct.json"
hub_url="http://127.0.0.1:$HUB_PORT/api/v1/identity/verifications"
direct_url="${stub}dukcapil/get_json/BENCH/CALL_VERIFY_BY_ELEMEN"
status=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @"$work/hub.json" "$hub_url")
if [ "$status" != 200 ]; then
  echo "the hub did not verify the sample request (HTTP $status):" >&2; cat "$work/sample.json" >&2; echo >&2; tail -20 "$work/hub.log" >&2; exit 1
fi

throughput() { # name url body token
  step "wrk $1: $WRK_THREADS threads, $WRK_CONNECTIONS connections, ${WRK_SECONDS}s (after 3s warm-up)"
  BODY_FILE=$3 TOKEN=$4 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d3s -s benchmarks/post-json.lua "$2" >/dev/null
  BODY_FILE=$3 TOKEN=$4 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" -s benchmarks/post-json.lua "$2" | tee "$work/wrk-$1.txt" >&2
  sed -nE 's/.*rps=([0-9.]+).*/\1/p' "$work/wrk-$1.txt"
}
latency() { # name url body token
  step "fixed rate $1: $RATE req/s for ${SECONDS_MEASURED}s"
  local args=(fixed-rate --url "$2" --rate "$RATE" --seconds "$SECONDS_MEASURED" --body "$3")
  [ -n "$4" ] && args+=(--token "$4")
  dotnet "$tools" "${args[@]}" | tee "$work/rate-$1.txt" >&2
}
field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" "$2"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
direct_rps=$(throughput direct "$direct_url" "$work/direct.json" "")
hub_rps=$(throughput hub "$hub_url" "$work/hub.json" "$token")
latency direct "$direct_url" "$work/direct.json" ""
latency hub "$hub_url" "$work/hub.json" "$token"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

d50=$(field p50_ms "$work/rate-direct.txt"); d99=$(field p99_ms "$work/rate-direct.txt")
h50=$(field p50_ms "$work/rate-hub.txt"); h99=$(field p99_ms "$work/rate-hub.txt")
step "result (load average before: $load_before, after: $load_after)"
awk -v d="$direct_rps" -v h="$hub_rps" -v d50="$d50" -v d99="$d99" -v h50="$h50" -v h99="$h99" -v rate="$RATE" 'BEGIN {
  printf "throughput  direct %.0f req/s  hub %.0f req/s  ratio %.2f (goal >= 0.50)\n", d, h, h / d
  printf "latency at %d req/s  direct p50 %.3f ms p99 %.3f ms  hub p50 %.3f ms p99 %.3f ms\n", rate, d50, d99, h50, h99
  printf "added by the hub     p50 %.3f ms (goal <= 0.3)  p99 %.3f ms (goal <= 1.0)\n", h50 - d50, h99 - d99
}'
