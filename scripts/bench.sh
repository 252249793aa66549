#!/usr/bin/env bash
# Benchmarks the lab (not a test): SGD throughput native/wasm/numpy, redraw cost during a slider
# drag, time to first painted panels, bytes transferred, and drag/training frame times under CPU
# throttling (scripts/smooth.mjs). Prints a table; writes JSON to BENCH_OUT
# (default bench-results.json). PYTHON picks the interpreter for the numpy row (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Setup's own output goes to stderr, so stdout is just the table.
bash scripts/setup.sh >&2
# Built here, so the build stays out of the timed runs.
cargo build --quiet --release --example sgd_throughput >&2
exec node scripts/bench.mjs
