#!/usr/bin/env bash
# Sets up what is missing, builds, and serves the page on 127.0.0.1 (PORT, default 8000).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
exec node scripts/serve.mjs "${PORT:-8000}"
