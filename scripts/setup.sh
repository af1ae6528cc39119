#!/usr/bin/env bash
# Installs everything the build and the tests need, from the package registries only (crates.io,
# npm, Debian). Idempotent: each step checks first and takes well under a second when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, at the newest version that builds with this machine's rustc.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 18 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version, which Trunk.toml must pin too.
lock_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
toml_version=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
if [ "$lock_version" != "$toml_version" ]; then
  echo "setup: Cargo.lock has wasm-bindgen $lock_version but Trunk.toml pins $toml_version; make them equal" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $lock_version" ]; then
  say "installing wasm-bindgen-cli $lock_version (several minutes, once)"
  # Not --locked: its lockfile names a webpki-roots release that crates.io does not have.
  cargo install wasm-bindgen-cli --version "$lock_version"
fi

# 4. npm packages: wasm-opt (binaryen), playwright-core, axe-core, ajv. Never a downloaded browser.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
wasm_opt_pin=$(sed -n 's/^wasm_opt = "\(.*\)"/\1/p' Trunk.toml)
wasm_opt_have="version_$(wasm-opt --version | awk '{print $3}')"
if [ "$wasm_opt_have" != "$wasm_opt_pin" ]; then
  echo "setup: wasm-opt on PATH is $wasm_opt_have, Trunk.toml pins $wasm_opt_pin" >&2
  exit 1
fi

# 5. Chromium and its driver, from Debian, for the in-browser tests.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi
