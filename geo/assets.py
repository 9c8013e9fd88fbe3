"""The files the browser loads for the map, all from the app's own `static/` folder: one list,
ASSETS, that the app's map links (geo/atlas_map.py) and the standalone export inlines
(geo/export.py), in the same order; and the start-up check that they are there.

folium's defaults load Leaflet and the rest from public CDNs: offline, or for readers whose
network blocks them, the map stays blank with no error anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import folium

from geo.countries import REGENERATE, GeoDataError

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
# Relative to the component's iframe; works with and without server.baseUrlPath.
STATIC_PREFIX = "../../app/static/"

# Vendored by `make vendor` (static/vendor.sh), in load order.
LIBRARIES = ("leaflet/leaflet.css", "leaflet/leaflet.js",
             "jquery/jquery.min.js")  # folium's Popup uses $
# The atlas's own scripts: atlas.js first (the namespace and its text helpers), then the
# patches the others call.
ATLAS_SCRIPTS = ("atlas/atlas.js", "atlas/patches.js", "atlas/map-controls.js", "atlas/map-layers.js")
ASSETS = LIBRARIES + ATLAS_SCRIPTS
# Served copies of geo/data/*.geojson (geo.build_data writes both; a test checks they match).
SERVED_COUNTRIES = "geo/countries.geojson"
SERVED_NEIGHBOURS = "geo/neighbours.geojson"


def links(assets: tuple[str, ...], suffix: str) -> list[tuple[str, str]]:
    """(name, url) for folium's `default_js` / `default_css`: the assets ending in `suffix`."""
    return [(path.replace("/", "_").replace(".", "_"), STATIC_PREFIX + path) for path in assets if path.endswith(suffix)]


MAP_JS = links(ASSETS, ".js")
MAP_CSS = links(ASSETS, ".css")


def self_served(atlas: folium.Map) -> folium.Map:
    """`atlas` loading ASSETS from static/ instead of folium's CDNs."""
    atlas.default_js, atlas.default_css = MAP_JS, MAP_CSS
    return atlas


def check_static_files(static_dir: Path | None = None) -> None:
    """The browser fetches the shapes and scripts from static/: a missing or broken file there
    leaves the map blank or without its countries, and no error shows anywhere. So it is checked
    at start-up."""
    static_dir = static_dir or STATIC_DIR
    for name in (SERVED_COUNTRIES, SERVED_NEIGHBOURS):
        try:
            features = json.loads((static_dir / name).read_bytes())["features"]
            if not isinstance(features, list) or not features:
                raise ValueError("no features")
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GeoDataError(f"Cannot read static/{name} ({error}). Regenerate it with `{REGENERATE}`.") from error
    for name in ASSETS:
        if not (static_dir / name).is_file() or not (static_dir / name).stat().st_size:
            remedy = "make vendor" if name in LIBRARIES else f"git checkout -- static/{name}"
            raise GeoDataError(f"static/{name} is missing or empty. Restore it with `{remedy}`.")
