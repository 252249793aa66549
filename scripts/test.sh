#!/usr/bin/env bash
# Runs every test: rustfmt and clippy, the Rust core natively (cargo test), then the page in
# headless Chromium.
# Installs what is missing first: Chromium and a CJK font from apt, the rest via setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from apt"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

bash scripts/setup.sh
# Hygiene first: formatting and lints (native, and the two wasm builds with only their feature).
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
for feature in page network gif; do
  cargo clippy --target wasm32-unknown-unknown --lib -p sigmoid-lab --no-default-features --features "$feature" -- -D warnings
done
cargo test --workspace
node --test --test-concurrency=1 tests/*.test.mjs
