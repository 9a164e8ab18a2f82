# Shared by the load benchmarks: build, stub agencies, a Release hub on loopback, tokens. Sourcing it makes a scratch
# folder ($work) and, on exit, stops every process started here (kept in $pids) and removes the folder.
work=$(mktemp -d); pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

step() { printf '\n== %s\n' "$*" >&2; }
wait_http() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }
tools=tests/MppIntegrationHub.LoadBenchmarks/bin/Release/net10.0/MppIntegrationHub.LoadBenchmarks.dll

build_release() {
  step "build (Release)"
  dotnet build -c Release -v q --nologo src/MppIntegrationHub.Hub >/dev/null
  dotnet build -c Release -v q --nologo tests/MppIntegrationHub.LoadBenchmarks >/dev/null
}

start_stub() { # port delay-ms
  dotnet "$tools" stub-agency --port "$1" --delay-ms "$2" >"$work/stub-$1.log" 2>&1 & pids+=($!)
  wait_http "http://127.0.0.1:$1/"
}

# start_hub port stub-url client-id client-secret scope... ; extra hub settings come from the caller's environment
# (exported Hub__..., DeclarativeAdapters__...).
start_hub() {
  local port=$1 stub=$2 client=$3 secret=$4; shift 4
  step "start the hub (Release) on 127.0.0.1:$port, agencies from configuration at the stubs"
  mkdir -p "$work/keys"   # token signing and encryption keys for this run only
  openssl genrsa -out "$work/keys/signing.pem" 2048 2>/dev/null
  openssl rand -base64 32 >"$work/keys/encryption.key"
  (
    cd "$work"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port"
    export Logging__LogLevel__Default=Warning
    export Store__ConnectionString="Data Source=$work/hub.db"
    export Hub__AllowHttp=true Hub__Audit__NikKey=load-benchmark-only-nik-reference-key-0123456789 Hub__TokenKeys__Folder="$work/keys"
    # The benchmark client's per-client limit is set high by configuration: the point is the hub's cost, not its quota.
    export Hub__Clients__0__ClientId="$client" Hub__Clients__0__ClientSecret="$secret" Hub__Clients__0__RequestsPerMinute=1000000
    local i=0; for scope in "$@"; do export "Hub__Clients__0__Scopes__$i=$scope"; i=$((i + 1)); done
    export Hub__Agencies__Source=Configuration
    export Hub__Agencies__dukcapil__BaseUrl="$stub" Hub__Agencies__dukcapil__CustomerId=BENCH Hub__Agencies__dukcapil__UserId=bench
    export Hub__Agencies__dukcapil__Password=bench Hub__Agencies__dukcapil__IpUser=127.0.0.1 Hub__Agencies__dukcapil__ApiKey=bench
    export Hub__Agencies__dukcapil__Quota__PermitLimit=100000 Hub__Agencies__dukcapil__Quota__QueueLimit=100000
    # The other compiled agencies are not called; their adapters still need valid settings to start.
    export Hub__Agencies__satusehat__BaseUrl="$stub" Hub__Agencies__satusehat__ClientId=bench Hub__Agencies__satusehat__ClientSecret=bench
    for agency in skck sim paspor simponi; do export "Hub__Agencies__${agency}__BaseUrl=$stub" "Hub__Agencies__${agency}__ApiKey=bench"; done
    exec dotnet "$OLDPWD/src/MppIntegrationHub.Hub/bin/Release/net10.0/MppIntegrationHub.Hub.dll"
  ) >"$work/hub.log" 2>&1 & pids+=($!)
  wait_http "http://127.0.0.1:$port/health/live"
}

hub_token() { # port client secret scope
  curl -s "http://127.0.0.1:$1/connect/token" -d grant_type=client_credentials \
    -d client_id="$2" -d client_secret="$3" --data-urlencode scope="$4" >"$work/token.json"
  local token; token=$(sed -nE 's/.*"access_token": *"([^"]+)".*/\1/p' "$work/token.json")
  [ -n "$token" ] || { echo "no access token:" >&2; cat "$work/token.json" >&2; return 1; }
  echo "$token"
}

# wrk drives the throughput runs; installed from Debian packages when missing, as the test command installs its engines.
require_wrk() {
  command -v wrk >/dev/null && return 0
  source scripts/services.sh && _svc_apt_install wrk && command -v wrk >/dev/null || { echo "wrk is missing and could not be installed" >&2; return 1; }
}

field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" "$2"; }
