#!/usr/bin/env bash
# Starts (and stops) the engines the scale-out tests run on: PostgreSQL and RabbitMQ, private instances bound to
# 127.0.0.1 only, installed from Debian packages when missing. Source it and call services_start / services_stop,
# or run it: scripts/services.sh start|stop|status. Exports MPP_TEST_POSTGRES and MPP_TEST_RABBITMQ for the tests.
# Fails loudly when an engine cannot start: tests that need one must fail, not skip.

MPP_ENGINES_DIR="${MPP_ENGINES_DIR:-${TMPDIR:-/tmp}/mpphub-engines}"
MPP_PG_PORT="${MPP_PG_PORT:-55432}"
MPP_RABBIT_PORT="${MPP_RABBIT_PORT:-55672}"
MPP_RABBIT_DIST_PORT="${MPP_RABBIT_DIST_PORT:-55673}"
MPP_RABBIT_NODE="${MPP_RABBIT_NODE:-mpphub@localhost}"
# Exported so that tests (which restart the broker or add virtual hosts through this script) reach the same instances.
export MPP_ENGINES_DIR MPP_PG_PORT MPP_RABBIT_PORT MPP_RABBIT_DIST_PORT MPP_RABBIT_NODE

_svc_log() { echo "[services] $*" >&2; }

_svc_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

_svc_apt_install() {
  _svc_log "installing $* from Debian packages"
  # No package may start a system-wide service on install: ours run privately on loopback.
  local policy=/usr/sbin/policy-rc.d added=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | _svc_as_root tee "$policy" >/dev/null && _svc_as_root chmod +x "$policy" && added=1
  fi
  _svc_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq &&
    DEBIAN_FRONTEND=noninteractive _svc_as_root apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
  local rc=$?
  [ "$added" -eq 1 ] && _svc_as_root rm -f "$policy"
  return $rc
}

_svc_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

_svc_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

services_start_postgres() {
  local bin data="$MPP_ENGINES_DIR/postgres"
  bin=$(_svc_pg_bin) || { _svc_apt_install postgresql && bin=$(_svc_pg_bin); } || {
    _svc_log "PostgreSQL is not installed and could not be installed"; return 1; }
  mkdir -p "$MPP_ENGINES_DIR" && chmod 777 "$MPP_ENGINES_DIR"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chmod 700 "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    _svc_as_postgres "$bin/initdb" -D "$data" -U hub -A trust --no-sync >"$MPP_ENGINES_DIR/initdb.log" 2>&1 || {
      _svc_log "initdb failed: $(tail -5 "$MPP_ENGINES_DIR/initdb.log")"; return 1; }
  fi
  if ! _svc_as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    _svc_as_postgres "$bin/pg_ctl" -D "$data" -w -t 60 -l "$MPP_ENGINES_DIR/postgres.log" \
      -o "-c listen_addresses=127.0.0.1 -p $MPP_PG_PORT -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { _svc_log "PostgreSQL did not start: $(tail -5 "$MPP_ENGINES_DIR/postgres.log")"; return 1; }
  fi
  export MPP_TEST_POSTGRES="Host=127.0.0.1;Port=$MPP_PG_PORT;Username=hub;Database=postgres"
  _svc_log "PostgreSQL on 127.0.0.1:$MPP_PG_PORT"
}

# Debian's wrappers switch to the rabbitmq user; the private node runs as the caller, with its files in MPP_ENGINES_DIR.
_svc_rabbit_bin() { if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then echo /usr/lib/rabbitmq/bin; else dirname "$(command -v rabbitmq-server)"; fi; }

_svc_rabbit_env() {
  export RABBITMQ_NODENAME="$MPP_RABBIT_NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$MPP_RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$MPP_RABBIT_DIST_PORT" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$MPP_ENGINES_DIR/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$MPP_ENGINES_DIR/rabbitmq/log" \
    RABBITMQ_PID_FILE="$MPP_ENGINES_DIR/rabbitmq/rabbit.pid" RABBITMQ_ENABLED_PLUGINS_FILE="$MPP_ENGINES_DIR/rabbitmq/enabled_plugins" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

services_start_rabbitmq() {
  command -v rabbitmq-server >/dev/null || _svc_apt_install rabbitmq-server || {
    _svc_log "RabbitMQ is not installed and could not be installed"; return 1; }
  mkdir -p "$MPP_ENGINES_DIR/rabbitmq/log"
  [ -f "$MPP_ENGINES_DIR/rabbitmq/enabled_plugins" ] || echo '[].' >"$MPP_ENGINES_DIR/rabbitmq/enabled_plugins"
  (
    _svc_rabbit_env
    bin=$(_svc_rabbit_bin)
    if ! "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then
      "$bin/rabbitmq-server" -detached >/dev/null 2>&1
    fi
    # await_startup needs the node registered first, which takes a few seconds after -detached returns.
    for _ in $(seq 1 90); do
      "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" --timeout 60 await_startup >/dev/null 2>&1 && exit 0
      sleep 1
    done
    exit 1
  ) || { _svc_log "RabbitMQ did not start: see $MPP_ENGINES_DIR/rabbitmq/log"; return 1; }
  export MPP_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$MPP_RABBIT_PORT/"
  _svc_log "RabbitMQ on 127.0.0.1:$MPP_RABBIT_PORT"
}

services_stop() {
  local bin
  if bin=$(_svc_pg_bin) && [ -s "$MPP_ENGINES_DIR/postgres/PG_VERSION" ]; then
    _svc_as_postgres "$bin/pg_ctl" -D "$MPP_ENGINES_DIR/postgres" -m fast stop >/dev/null 2>&1 || true
  fi
  if command -v rabbitmqctl >/dev/null; then
    # Bounded: a node that does not answer must not hold the caller (the test command's exit) forever.
    (_svc_rabbit_env; timeout 120 "$(_svc_rabbit_bin)/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || true)
  fi
}

services_start() {
  services_start_postgres && services_start_rabbitmq
}

# Stops the broker and starts it again on the same files: durable queues and persistent messages survive.
services_restart_rabbitmq() {
  (_svc_rabbit_env; "$(_svc_rabbit_bin)/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || true)
  services_start_rabbitmq
}

# Adds (or deletes) a virtual host for the guest user: one per test, so concurrent runs on one broker never share queues.
services_rabbitmq_vhost() {
  (
    _svc_rabbit_env
    bin=$(_svc_rabbit_bin)
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" add_vhost "$1" >/dev/null &&
      "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" set_permissions -p "$1" guest '.*' '.*' '.*' >/dev/null
  )
}

services_rabbitmq_vhost_delete() {
  (_svc_rabbit_env; "$(_svc_rabbit_bin)/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" delete_vhost "$1" >/dev/null)
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) services_start; echo "MPP_TEST_POSTGRES=$MPP_TEST_POSTGRES"; echo "MPP_TEST_RABBITMQ=$MPP_TEST_RABBITMQ" ;;
    stop) services_stop ;;
    restart-rabbitmq) services_restart_rabbitmq ;;
    rabbitmq-vhost) services_rabbitmq_vhost "${2:?usage: $0 rabbitmq-vhost NAME}" ;;
    rabbitmq-vhost-delete) services_rabbitmq_vhost_delete "${2:?usage: $0 rabbitmq-vhost-delete NAME}" ;;
    *) echo "usage: $0 start|stop|restart-rabbitmq|rabbitmq-vhost NAME|rabbitmq-vhost-delete NAME" >&2; exit 2 ;;
  esac
fi
