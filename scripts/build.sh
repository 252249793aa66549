#!/usr/bin/env bash
# Rust → wasm → wasm-bindgen glue → wasm-opt -Oz, into www/pkg (what the page loads).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --target wasm32-unknown-unknown --lib -p sigmoid-lab
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg target/wasm32-unknown-unknown/release/sigmoid_lab.wasm
# npm's binaryen, not Debian's: wasm-opt 108 corrupts current rustc output.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  www/pkg/sigmoid_lab_bg.wasm -o www/pkg/sigmoid_lab_bg.opt.wasm
mv www/pkg/sigmoid_lab_bg.opt.wasm www/pkg/sigmoid_lab_bg.wasm
echo "built www/pkg: $(wc -c < www/pkg/sigmoid_lab_bg.wasm) bytes of wasm"
node scripts/build-single.mjs
