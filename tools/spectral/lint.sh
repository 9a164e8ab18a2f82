#!/usr/bin/env bash
# Lints an OpenAPI document with Spectral's OAS ruleset (../../.spectral.yaml); fails on any error.
# Usage: tools/spectral/lint.sh path/to/openapi.json   (installs the pinned Spectral with npm ci on first use)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/node_modules/.bin/spectral" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi
exec "$here/node_modules/.bin/spectral" lint "$1" --ruleset "$here/../../.spectral.yaml" --fail-severity error
