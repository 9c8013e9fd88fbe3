"""The map as one standalone HTML file: its assets (geo/assets.py: Leaflet, jQuery, the atlas's
own scripts, their images) and the country shapes inlined, so that it opens from disk (file://)
with no network, with the same layers and popups.

Basemap tiles, if the map has any, still come from their server: offline they fail quietly and
the countries, places and theme layers draw as in the app.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import folium
from branca.element import Element

from geo.assets import ASSETS, STATIC_DIR, STATIC_PREFIX
from geo.atlas_map import elements
from geo.controls import Note
from geo.countries import REGENERATE, GeoDataError
from geo.layers import ShapesFromFile
from geo.script import html_text

NOTICE = ("Made with Leaflet 1.9.3 (BSD-2-Clause, (c) Vladimir Agafonkin, CloudMade) and jQuery 3.7.1 "
          "(MIT, (c) OpenJS Foundation); country shapes: Natural Earth (public domain).")


def _read(static_dir: Path, name: str) -> bytes:
    try:
        return (static_dir / name).read_bytes()
    except OSError as error:
        raise GeoDataError(f"Cannot read static/{name} for the export ({error.strerror}); "
                           f"re-vendor it with `make vendor` (shapes: `{REGENERATE}`).") from error


def _inline_script(code: str) -> str:
    # Neither library holds these sequences today; if a new version did, they would end the
    # <script> element early. In JS string literals the escaped forms mean the same.
    return "<script>" + code.replace("</script", "<\\/script").replace("<!--", "<\\!--") + "</script>"


def _inline_css(css: str, folder: Path) -> str:
    """The stylesheet with each image it names (url(images/…)) as a data: URI; one that is not
    vendored (Leaflet's default marker icon: the atlas draws its markers itself) becomes `none`."""

    def as_data(match: re.Match) -> str:
        target = match.group(1).strip("'\"")
        if target.startswith(("#", "data:")):
            return match.group(0)
        path = folder / target
        if not path.is_file():
            return "none"
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode('ascii')})"

    return "<style>" + re.sub(r"url\(([^)]*)\)", as_data, css).replace("</style", "<\\/style") + "</style>"


def _inline(static_dir: Path, name: str) -> str:
    text = _read(static_dir, name).decode("utf-8")
    return _inline_css(text, (static_dir / name).parent) if name.endswith(".css") else _inline_script(text)


def standalone_html(atlas: folium.Map, selection: folium.FeatureGroup | None = None, *, title: str,
                    note: str = "", static_dir: Path = STATIC_DIR) -> str:
    """The whole page for `atlas` with `selection` drawn over it, needing no file or server.

    `atlas`: a map from `geo.atlas_map.base_map`, not yet rendered (folium elements change when
    rendered: build a fresh one for the export). It is consumed: its links to `static/` are
    replaced by the files' contents and its shapes are carried in its script.
    `title`, `note`: plain text for the page title and a line on the map.
    Raises GeoDataError naming the file when a static file is missing."""
    if selection is not None:
        selection.add_to(atlas)
    for element in list(elements(atlas)):
        if isinstance(element, ShapesFromFile):
            name = element.url.removeprefix(STATIC_PREFIX)
            try:
                element.inline(json.loads(_read(static_dir, name)))
            except ValueError as error:
                raise GeoDataError(f"static/{name} is not valid GeoJSON ({error}); regenerate it with "
                                   f"`{REGENERATE}`.") from error
    if note:
        Note(note).add_to(atlas)
    atlas.default_js, atlas.default_css = [], []
    assets = [f"<title>{html_text(title)}</title>", f"<!-- {html_text(NOTICE)} -->"]
    assets += [_inline(static_dir, name) for name in ASSETS]
    figure = atlas.get_root()
    figure.header.add_child(Element("\n".join(assets)), name="atlas_inline_assets")
    return figure.render()
