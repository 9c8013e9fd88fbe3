#!/usr/bin/env bash
# Re-vendor the browser files the map needs, from the npm registry, into static/.
# The map must draw with no CDN: these are served by Streamlit at /app/static/.
set -euo pipefail
here=$(cd "$(dirname "$0")/../static" && pwd)  # this script lives in vendor/: static/ holds only what the browser loads
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent leaflet@1.9.3 jquery@3.7.1 >/dev/null
tar xzf leaflet-1.9.3.tgz && mv package leaflet
tar xzf jquery-3.7.1.tgz && mv package jquery
rm -rf "$here/leaflet" "$here/jquery"
mkdir -p "$here/leaflet/images" "$here/jquery"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE "$here/leaflet/"
cp leaflet/dist/images/layers.png leaflet/dist/images/layers-2x.png "$here/leaflet/images/"
cp jquery/dist/jquery.min.js jquery/LICENSE.txt "$here/jquery/"
echo "vendored into $here"
