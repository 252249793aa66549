#!/usr/bin/env bash
# Rust → wasm → wasm-bindgen glue → wasm-opt -Oz, into www/pkg (what the page loads): the lab
# (`sigmoid_lab`, loaded by every visit) and the GIF encoder (`sigmoid_lab_gif`, loaded on the
# first GIF export), each built from the crate with only its feature; then the page's JavaScript as
# one module (scripts/bundle.mjs) and the offline file (scripts/build-single.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
rm -rf www/pkg
for module in page:sigmoid_lab network:sigmoid_lab_network gif:sigmoid_lab_gif; do
  feature=${module%%:*}
  name=${module#*:}
  cargo build --release --target wasm32-unknown-unknown --lib -p sigmoid-lab --no-default-features --features "$feature"
  wasm-bindgen --target web --no-typescript --out-name "$name" --out-dir www/pkg target/wasm32-unknown-unknown/release/sigmoid_lab.wasm
  # npm's binaryen, not Debian's: wasm-opt 108 corrupts current rustc output.
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
    "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.opt.wasm"
  mv "www/pkg/${name}_bg.opt.wasm" "www/pkg/${name}_bg.wasm"
  echo "built www/pkg/${name}_bg.wasm: $(wc -c < "www/pkg/${name}_bg.wasm") bytes"
done
node scripts/bundle.mjs
node scripts/build-single.mjs
