#!/usr/bin/env bash
# Fan-out benchmark (issue 7): the citizen overview (GET /api/v1/citizens/{nik}/overview) built from N agencies in
# parallel, each a stub agency with its own fixed delay: Dukcapil's registry record (CALL_NIK) and N-1 agencies that
# join the running hub through declarative manifests. Measured with the fixed-rate open-loop driver: the overview's
# p50/p99 against the slowest agency called directly in the same run, and against a bare forwarding proxy that calls every
# stub in parallel and answers with their pages (no token, consent, mapping or audit): the floor any hub adds here.
# Goal: overview p50 <= slowest agency p50 + 1 ms.
# Usage: benchmarks/fan-out.sh   (env: DELAYS="5 10 20" (ms; the first is Dukcapil's) RATE=100 MEASURE_SECONDS=20
#        WARMUP_SECONDS=20: unmeasured requests first, so the figures are the warmed-up hub's, not the JIT's tiering)
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a delays <<<"${DELAYS:-5 10 20}"
RATE=${RATE:-100}; SECONDS_MEASURED=${MEASURE_SECONDS:-20}; WARMUP_SECONDS=${WARMUP_SECONDS:-20}
STUB_PORT=${STUB_PORT:-5291}; HUB_PORT=${HUB_PORT:-5280}; PROXY_PORT=${PROXY_PORT:-5290}
source benchmarks/lib.sh
nik=3273021205909001; client=fanout-bench; secret=fanout-bench-secret-0123456789
scopes=(consents data.identity data.address data.family data.civil hub.adapters.admin)

build_release
step "start ${#delays[@]} stub agencies on 127.0.0.1:$STUB_PORT.. (delays ${delays[*]} ms)"
slowest=0; slowest_port=$STUB_PORT
for i in "${!delays[@]}"; do
  start_stub $((STUB_PORT + i)) "${delays[$i]}"
  if [ "${delays[$i]}" -gt "$slowest" ]; then slowest=${delays[$i]}; slowest_port=$((STUB_PORT + i)); fi
done
step "start the bare fan-out proxy on 127.0.0.1:$PROXY_PORT"
targets=(); for i in "${!delays[@]}"; do targets+=("http://127.0.0.1:$((STUB_PORT + i))/records/$nik"); done
dotnet "$tools" forwarding-proxy --port "$PROXY_PORT" --target "$(IFS=,; echo "${targets[*]}")" >"$work/proxy.log" 2>&1 & pids+=($!)
wait_http "http://127.0.0.1:$PROXY_PORT/"
export DeclarativeAdapters__AllowedHosts__0=127.0.0.1
start_hub "$HUB_PORT" "http://127.0.0.1:$STUB_PORT/" "$client" "$secret" "${scopes[@]}"
token=$(hub_token "$HUB_PORT" "$client" "$secret" "${scopes[*]}")
api="http://127.0.0.1:$HUB_PORT/api/v1"

post() { # path body-file
  local status; status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @"$2" "$api$1")
  case "$status" in 2??) ;; *) echo "POST $1 answered $status:" >&2; cat "$work/answer.json" >&2; echo >&2; return 1 ;; esac
}

step "register $((${#delays[@]} - 1)) agencies through declarative manifests, record the citizen's consent"
for ((i = 1; i < ${#delays[@]}; i++)); do
  cat >"$work/manifest-$i.json" <<JSON
{
  "id": "bench-registry-$i", "agency": "bench-registry-$i", "version": "1.0.0",
  "description": "Benchmark register $i: a civil record by NIK, answered after ${delays[$i]} ms.",
  "baseUrl": "http://127.0.0.1:$((STUB_PORT + i))/", "auth": { "kind": "none" },
  "quota": { "permitLimit": 100000, "window": "PT1S", "queueLimit": 1000 },
  "timeouts": { "attempt": "PT5S", "total": "PT15S" },
  "retry": { "maxRetries": 2, "baseDelay": "PT0.2S", "maxDelay": "PT2S" },
  "breaker": { "failureRatio": 0.5, "minimumThroughput": 10, "samplingDuration": "PT30S", "breakDuration": "PT15S" },
  "operations": [{
    "capability": "bench.registry-$i.record", "method": "GET", "path": "records/{nik}", "pathParameters": { "nik": "nik" },
    "response": "record.{nik: nik, registered: registered, office: office}", "readsCategory": "civil",
    "errors": { "transientStatuses": [503] },
    "output": { "fields": { "nik": "string", "registered": "boolean", "office": "string" }, "required": ["nik", "registered"] },
    "examples": [{
      "name": "registered citizen", "input": { "nik": "$nik" },
      "agencyResponse": { "status": "OK", "record": { "nik": "$nik", "registered": true, "registeredOn": "2015-03-15", "office": "KANTOR PELAYANAN BANDUNG" } },
      "expectedOutput": { "nik": "$nik", "registered": true, "office": "KANTOR PELAYANAN BANDUNG" }
    }]
  }]
}
JSON
  post /adapters "$work/manifest-$i.json"
done
expires=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)
printf '{"nik":"%s","purposes":["service-application"],"expiresAt":"%s","evidenceReference":"fan-out-benchmark"}' "$nik" "$expires" >"$work/consent.json"
post /consents "$work/consent.json"

overview_url="$api/citizens/$nik/overview?purpose=service-application"
curl -s -H "Authorization: Bearer $token" "$overview_url" >"$work/sample.json"
ok=$(grep -o '"status":"ok"' "$work/sample.json" | wc -l)
if [ "$ok" != "${#delays[@]}" ]; then
  echo "the overview did not read all ${#delays[@]} agencies:" >&2; cat "$work/sample.json" >&2; echo >&2; tail -20 "$work/hub.log" >&2; exit 1
fi

latency() { # name url [token]
  step "fixed rate $1: $RATE req/s, ${WARMUP_SECONDS}s warm-up, ${SECONDS_MEASURED}s measured"
  local args=(fixed-rate --url "$2" --rate "$RATE" --seconds "$SECONDS_MEASURED" --warmup-seconds "$WARMUP_SECONDS")
  [ -n "${3:-}" ] && args+=(--token "$3")
  dotnet "$tools" "${args[@]}" | tee "$work/rate-$1.txt" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
latency slowest "http://127.0.0.1:$slowest_port/records/$nik"
latency proxy "http://127.0.0.1:$PROXY_PORT/"
latency overview "$overview_url" "$token"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

s50=$(field p50_ms "$work/rate-slowest.txt"); s99=$(field p99_ms "$work/rate-slowest.txt")
p50=$(field p50_ms "$work/rate-proxy.txt"); p99=$(field p99_ms "$work/rate-proxy.txt")
o50=$(field p50_ms "$work/rate-overview.txt"); o99=$(field p99_ms "$work/rate-overview.txt")
step "result (load average before: $load_before, after: $load_after)"
awk -v n="${#delays[@]}" -v delays="${delays[*]}" -v s50="$s50" -v s99="$s99" -v p50="$p50" -v p99="$p99" -v o50="$o50" -v o99="$o99" \
  -v rate="$RATE" 'BEGIN {
  printf "overview from %d agencies (delays %s ms) at %d req/s\n", n, delays, rate
  printf "slowest agency direct  p50 %.3f ms  p99 %.3f ms\n", s50, s99
  printf "bare fan-out proxy     p50 %.3f ms  p99 %.3f ms\n", p50, p99
  printf "overview through hub   p50 %.3f ms  p99 %.3f ms\n", o50, o99
  printf "added over the slowest by the hub         p50 %.3f ms (goal <= 1.0)  p99 %.3f ms\n", o50 - s50, o99 - s99
  printf "added over the slowest by the bare proxy  p50 %.3f ms  p99 %.3f ms\n", p50 - s50, p99 - s99
}'
