#!/usr/bin/env bash
# Hub overhead benchmark (issue 7): identity verification through the running hub (Release) vs the same call made
# directly to a fast stub agency (a minimal Kestrel app answering a canned Dukcapil page).
#   throughput: wrk on loopback, same connections and duration for both;
#   latency:    fixed-rate open-loop driver at $RATE req/s, p50/p99 for both and the difference.
# Goals: hub >= 0.5x direct throughput; added p50 <= 0.3 ms, added p99 <= 1 ms at 500 req/s.
# Beside them, the same measures for a bare forwarding proxy (one inbound and one outbound HTTP exchange, nothing else):
# the most any hub could reach on the same cores, so the goals can be read against what is possible here.
# Also reports the hub's CPU time per request under wrk (process user+system time / requests): steadier than wall-clock
# figures on a shared machine.
# Each side is warmed up under wrk first (WARMUP_SECONDS, 20): the JIT's tiering of a fresh hub takes that long on two
# cores (after a 3 s warm-up the hub ran at 2,359 req/s and 0.73 ms CPU per request; after 30 s, 5,294 and 0.30 ms).
# Usage: benchmarks/hub-overhead.sh   (env: RATE=500 MEASURE_SECONDS=20 WRK_SECONDS=15 WARMUP_SECONDS=20 WRK_CONNECTIONS=32
#        WRK_THREADS=2 TRACE=/tmp/hub.nettrace for a sampled profile of the hub under wrk, written with a .speedscope.json beside it)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-500}; SECONDS_MEASURED=${MEASURE_SECONDS:-20}; WRK_SECONDS=${WRK_SECONDS:-15}; WARMUP_SECONDS=${WARMUP_SECONDS:-20}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}; WRK_THREADS=${WRK_THREADS:-2}
STUB_PORT=${STUB_PORT:-5191}; PROXY_PORT=${PROXY_PORT:-5192}; HUB_PORT=${HUB_PORT:-5180}

source benchmarks/lib.sh
client=load-bench; secret=load-bench-secret-0123456789

require_wrk
build_release
step "start the stub agency on 127.0.0.1:$STUB_PORT"
start_stub "$STUB_PORT" 0
stub="http://127.0.0.1:$STUB_PORT/"
direct_url="${stub}dukcapil/get_json/BENCH/CALL_VERIFY_BY_ELEMEN"
step "start the bare forwarding proxy on 127.0.0.1:$PROXY_PORT"
dotnet "$tools" forwarding-proxy --port "$PROXY_PORT" --target "$direct_url" >"$work/proxy.log" 2>&1 & pids+=($!)
proxy_url="http://127.0.0.1:$PROXY_PORT/"
wait_http "$proxy_url"
start_hub "$HUB_PORT" "$stub" "$client" "$secret" identity.verify
hub_pid=${pids[-1]}
token=$(hub_token "$HUB_PORT" "$client" "$secret" identity.verify)
printf '{"nik":"3273021205909001","fullName":"ANDI PRATAMA"}' >"$work/hub.json"
printf '{"NIK":"3273021205909001","user_id":"bench","password":"bench","IP_USER":"127.0.0.1","TRESHOLD":"80","NAMA_LGKP":"ANDI PRATAMA"}' >"$work/direct.json"
hub_url="http://127.0.0.1:$HUB_PORT/api/v1/identity/verifications"
status=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @"$work/hub.json" "$hub_url")
if [ "$status" != 200 ]; then
  echo "the hub did not verify the sample request (HTTP $status):" >&2; cat "$work/sample.json" >&2; echo >&2; tail -20 "$work/hub.log" >&2; exit 1
fi

hub_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$hub_pid/stat"; }   # user + system time of the hub, in clock ticks
throughput() { # name url body token
  step "wrk $1: $WRK_THREADS threads, $WRK_CONNECTIONS connections, ${WRK_SECONDS}s (after ${WARMUP_SECONDS}s warm-up)"
  BODY_FILE=$3 TOKEN=$4 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP_SECONDS}s" -s benchmarks/post-json.lua "$2" >/dev/null
  local cpu_before; cpu_before=$(hub_cpu_ticks)
  # TRACE=file.nettrace: a sampled thread-time profile of the hub while wrk runs (needs dotnet-trace on PATH).
  local tracer=
  if [ "$1" = hub ] && [ -n "${TRACE:-}" ]; then
    dotnet-trace collect -p "$hub_pid" --profile dotnet-sampled-thread-time -o "$TRACE" --format Speedscope \
      --duration "$(printf '00:00:%02d:%02d' $((WRK_SECONDS / 60)) $((WRK_SECONDS % 60)))" >"$work/trace.log" 2>&1 &
    tracer=$!
  fi
  BODY_FILE=$3 TOKEN=$4 wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" -s benchmarks/post-json.lua "$2" | tee "$work/wrk-$1.txt" >&2
  [ -z "$tracer" ] || wait "$tracer"
  echo "$(( $(hub_cpu_ticks) - cpu_before ))" >"$work/cpu-$1.txt"
  sed -nE 's/.*rps=([0-9.]+).*/\1/p' "$work/wrk-$1.txt"
}
latency() { # name url body token
  step "fixed rate $1: $RATE req/s for ${SECONDS_MEASURED}s"
  local args=(fixed-rate --url "$2" --rate "$RATE" --seconds "$SECONDS_MEASURED" --body "$3")
  [ -n "$4" ] && args+=(--token "$4")
  dotnet "$tools" "${args[@]}" | tee "$work/rate-$1.txt" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
direct_rps=$(throughput direct "$direct_url" "$work/direct.json" "")
proxy_rps=$(throughput proxy "$proxy_url" "$work/direct.json" "")
hub_rps=$(throughput hub "$hub_url" "$work/hub.json" "$token")
latency direct "$direct_url" "$work/direct.json" ""
latency proxy "$proxy_url" "$work/direct.json" ""
latency hub "$hub_url" "$work/hub.json" "$token"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

hub_requests=$(sed -nE 's/.*requests=([0-9]+).*/\1/p' "$work/wrk-hub.txt")
cpu_ms=$(awk -v t="$(cat "$work/cpu-hub.txt")" -v hz="$(getconf CLK_TCK)" -v n="$hub_requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
d50=$(field p50_ms "$work/rate-direct.txt"); d99=$(field p99_ms "$work/rate-direct.txt")
p50=$(field p50_ms "$work/rate-proxy.txt"); p99=$(field p99_ms "$work/rate-proxy.txt")
h50=$(field p50_ms "$work/rate-hub.txt"); h99=$(field p99_ms "$work/rate-hub.txt")
step "result (load average before: $load_before, after: $load_after)"
awk -v cpu="$cpu_ms" -v d="$direct_rps" -v p="$proxy_rps" -v h="$hub_rps" -v d50="$d50" -v d99="$d99" -v p50="$p50" -v p99="$p99" \
  -v h50="$h50" -v h99="$h99" -v rate="$RATE" 'BEGIN {
  printf "throughput  direct %.0f req/s  hub %.0f req/s  ratio %.2f (goal >= 0.50)  hub CPU %s ms per request\n", d, h, h / d, cpu
  printf "            bare proxy %.0f req/s  ratio %.2f (the most any hub reaches here)  hub / bare proxy %.2f\n", p, p / d, h / p
  printf "latency at %d req/s  direct p50 %.3f ms p99 %.3f ms  bare proxy p50 %.3f ms p99 %.3f ms  hub p50 %.3f ms p99 %.3f ms\n", rate, d50, d99, p50, p99, h50, h99
  printf "added by the hub         p50 %.3f ms (goal <= 0.3)  p99 %.3f ms (goal <= 1.0)\n", h50 - d50, h99 - d99
  printf "added by the bare proxy  p50 %.3f ms  p99 %.3f ms\n", p50 - d50, p99 - d99
}'
