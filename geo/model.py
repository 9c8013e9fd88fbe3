"""What the map is told to draw, as plain data: places, the words of its controls, theme
layers and their citations. The presentation layer builds these from the corpus; geo/layers.py
and geo/controls.py send them to the browser as JSON. Every text field is plain text: it is
set as text in the browser, never read as HTML (geo/script.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkerSpec:
    slug: str
    name: str
    lat: float
    lon: float
    kind: str  # "summit", "capital" or "city"
    tooltip: str  # plain text
    upcoming: bool = False  # a summit not yet held at the map's date


@dataclass(frozen=True)
class MapLabels:
    countries: str
    summits: str
    capitals: str
    cities: str
    legend_title: str
    country_tooltips: dict[str, str]  # iso3 → plain text
    approximate: str = "approximate route"
    upcoming: str = "summit not yet held"
    zoom_in: str = "Zoom in"  # Leaflet's own controls, titled in the reader's language
    zoom_out: str = "Zoom out"
    layers: str = "Layers"
    close: str = "Close"


@dataclass(frozen=True)
class Citation:
    quote: str  # plain text
    source: str  # "title · source · date", plain text
    language: str = ""  # the quote's own language (en, fr), marked on it for screen readers


@dataclass(frozen=True)
class Badge:
    lat: float
    lon: float
    heading: str  # plain text
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class ThemeLayer:
    slug: str
    index: int  # position among the themes: where its badge sits around a point
    label: str
    code: str
    color: str
    badges: tuple[Badge, ...]
    countries: tuple[str, ...] = ()  # ISO3 of the countries it is tied to (tinted when it is selected)
