#!/usr/bin/env bash
# Fetches plotly.js-dist-min VERSION from the npm registry into OUT/package/plotly.min.js so the kernel
# can inline it into figure outputs (plots then render without network). Never fails the build:
# without npm, or offline, figures fall back to the CDN URL and say so in their output.
set -uo pipefail
version="$1"; out="$2"
js="$out/package/plotly.min.js"
if [[ -s "$js" && -f "$out/.version-$version" ]]; then exit 0; fi
rm -rf "$out"; mkdir -p "$out"
if ! command -v npm >/dev/null 2>&1; then
  echo "plotly.js: npm not found; figures will load plotly.js $version from the CDN (needs network)"
  exit 0
fi
if ! tgz=$(cd "$out" && npm pack --silent --fetch-retries=1 --fetch-timeout=30000 "plotly.js-dist-min@$version" 2>"$out/npm.log" | tail -n 1) \
    || [[ ! -s "$out/$tgz" ]]; then
  echo "plotly.js: npm pack plotly.js-dist-min@$version failed (see $out/npm.log); figures will load plotly.js from the CDN"
  exit 0
fi
tar -xzf "$out/$tgz" -C "$out" package/plotly.min.js && touch "$out/.version-$version"
echo "plotly.js: inlining plotly.js-dist-min $version ($(wc -c <"$js") bytes) from npm"
