"""The basemap a deployment asks for: a named xyzservices provider, a URL template, or none.

Readers behind some firewalls cannot reach OpenStreetMap; a deployment picks a tile server its
readers can reach. The map never depends on tiles: the countries draw on a plain background.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import xyzservices.providers as xyz

from geo.script import html_text

OFF = ("", "none", "off", "false", "0")
ALIASES = {"openstreetmap": "OpenStreetMap.Mapnik", "osm": "OpenStreetMap.Mapnik"}
PLACEHOLDERS = ("{z}", "{x}", "{y}")
TOKEN_PLACEHOLDER = "<insert your"  # how xyzservices marks a key a provider needs


@dataclass(frozen=True)
class Tiles:
    name: str  # shown in the map's layer control
    url: str  # a Leaflet URL template
    attribution: str  # HTML for Leaflet's attribution control
    max_zoom: int = 10


class TilesError(ValueError):
    """A setting that names no usable tiles; `reason` is a UI string key."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@lru_cache(maxsize=16)
def tiles_from_setting(value: str | None, attribution: str | None = None, key: str | None = None) -> Tiles | None:
    """`value`: a provider name (`OpenStreetMap.Mapnik`, `Esri.WorldGrayCanvas`, any case or
    punctuation), `openstreetmap`, a template `https://…/{z}/{x}/{y}.png`, or none/off.
    A template needs `attribution` (plain text, escaped here); a provider that needs an API key
    gets `key`. None: no basemap. Raises TilesError for anything else."""
    value = (value or "").strip()
    if value.lower() in OFF:
        return None
    if "://" in value or "{" in value:
        if urlsplit(value).scheme.lower() not in ("https", "http") or not urlsplit(value).netloc:
            raise TilesError("tiles_scheme")
        if not all(placeholder in value for placeholder in PLACEHOLDERS):
            raise TilesError("tiles_unknown")
        if not (attribution or "").strip():
            raise TilesError("tiles_attribution")
        return Tiles(urlsplit(value).netloc, value, html_text(attribution.strip()))
    try:
        provider = xyz.query_name(ALIASES.get(value.lower(), value))
    except ValueError:
        raise TilesError("tiles_unknown") from None
    if provider.requires_token():
        if not (key or "").strip():
            raise TilesError("tiles_token")
        provider = provider(**{name: key.strip() for name, field in provider.items()
                             if isinstance(field, str) and field.startswith(TOKEN_PLACEHOLDER)})
    with warnings.catch_warnings():  # xyzservices warns about keys it has just been given
        warnings.simplefilter("ignore")
        url = provider.build_url(fill_subdomain=True)
    attribution_html = provider.get("html_attribution") or html_text(provider.get("attribution", provider.name))
    return Tiles(provider.name, url, attribution_html, min(10, int(provider.get("max_zoom", 10))))
