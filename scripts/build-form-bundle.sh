#!/usr/bin/env bash
# The question form's bundle (bin `formularz`, src/bin/formularz.rs) next to the reading pages'
# one that Trunk builds from index.html (bin `poradnik`). Trunk builds one app per page, so this
# does for `formularz` what Trunk does for `poradnik`: cargo build, wasm-bindgen, in release
# wasm-opt with index.html's level and flags, and content-hashed names in Trunk's staging dir
# (formularz-<hash>.js, formularz-<hash>_bg.wasm). scripts/finish-dist.mjs then minifies the glue
# and writes the loader that picks the bundle by the address.
# Run by Trunk as a post_build hook (Trunk.toml), which sets TRUNK_PROFILE (release | debug),
# TRUNK_STAGING_DIR and TRUNK_HTML_FILE; the tools are the pinned ones of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

bin=formularz
profile=${TRUNK_PROFILE:?run by Trunk (TRUNK_PROFILE is not set)}
staging=${TRUNK_STAGING_DIR:?run by Trunk (TRUNK_STAGING_DIR is not set)}
html=${TRUNK_HTML_FILE:-index.html}

# The same wasm-bindgen as Trunk's (Trunk.toml pins it; a different one would write other glue).
pinned=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $pinned" ]; then
  echo "build-form-bundle: wasm-bindgen $pinned is needed on PATH (make setup installs it)" >&2
  exit 1
fi

cargo_args=(build --target wasm32-unknown-unknown --bin "$bin" --locked)
[ "$profile" = release ] && cargo_args+=(--release)
cargo "${cargo_args[@]}"

target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
out="$target_dir/$bin-bundle/$profile"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$bin" \
  "$target_dir/wasm32-unknown-unknown/$profile/$bin.wasm"

if [ "$profile" = release ]; then
  # wasm-opt exactly as Trunk runs it for the reading bundle: the level and the flags of the
  # <link data-trunk rel="rust"> in index.html, the one place where they are written.
  opt=$(node -e '
    const html = require("fs").readFileSync(process.argv[1], "utf8");
    const link = html.match(/<link\b[^>]*\brel="rust"[^>]*>/);
    if (!link) throw new Error("no <link data-trunk rel=\"rust\"> in " + process.argv[1]);
    const attr = (name) => (link[0].match(new RegExp(`\\s${name}="([^"]*)"`)) ?? [])[1];
    console.log(attr("data-wasm-opt") ?? "0", (attr("data-wasm-opt-params") ?? "").replace(/\s+/g, " ").trim());
  ' "$html")
  read -r level params <<<"$opt"
  if [ "$level" != 0 ]; then
    # shellcheck disable=SC2086 # the flags are separate words
    wasm-opt "--output=$out/opt.wasm" "-O$level" "$out/${bin}_bg.wasm" $params
    mv "$out/opt.wasm" "$out/${bin}_bg.wasm"
  fi
fi

# A content hash in the names, like Trunk's: a changed bundle is a new URL, so it can be cached
# for a year (dist/_headers). The loader passes the wasm's URL to the glue, so names are free.
hash=$(cat "$out/${bin}_bg.wasm" "$out/$bin.js" | sha256sum | cut -c1-16)
cp "$out/$bin.js" "$staging/$bin-$hash.js"
cp "$out/${bin}_bg.wasm" "$staging/$bin-${hash}_bg.wasm"
# JS snippets (#[wasm_bindgen(inline_js)]), should the crate ever have any: Trunk copies the
# reading bundle's to the same place.
if [ -d "$out/snippets" ]; then cp -r "$out/snippets" "$staging/"; fi
echo "build-form-bundle: $bin-$hash.js, $bin-${hash}_bg.wasm ($profile)"
