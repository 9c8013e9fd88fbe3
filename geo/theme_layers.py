"""Theme layers: a badge (two letters on the theme's colour) wherever the corpus ties a theme,
each with a popup citing its sentences; and the connectivity corridors as approximate lines.

The badges sit exactly on a country's label point or a place's position, drawn a few pixels
aside: a click on one reports that position, so it selects the country or place it stands for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

import folium
from branca.element import MacroElement
from folium.template import Template

from geo.countries import DATA_DIR, GeoDataError
from geo.js import script_json

CORRIDORS_FILE = DATA_DIR / "corridors.geojson"
BADGE = 18  # px
CORRIDOR_DASH = {"gas-pipeline": None, "oil-pipeline": "2 6", "highway": "10 4", "railway": "1 4 6 4"}


@dataclass(frozen=True)
class Citation:
    quote: str  # plain text, escaped here
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


@dataclass(frozen=True)
class Corridor:
    id: str
    name: str
    kind: str
    opened: int | None  # year it entered service; None while under construction
    construction_start: int | None  # for one under construction: the year works began
    status: str
    source: str
    source_url: str
    coordinates: tuple[tuple[float, float], ...]  # (lon, lat)


def load_corridors(lang: str, path: Path | None = None) -> list[Corridor]:
    path = path or CORRIDORS_FILE
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        return [Corridor(
            id=f["properties"]["id"], name=f["properties"][f"name_{lang}"], kind=f["properties"]["kind"],
            opened=f["properties"]["opened"], construction_start=f["properties"].get("construction_start"),
            status=f["properties"][f"status_{lang}"],
            source=f["properties"]["source"], source_url=f["properties"]["source_url"],
            coordinates=tuple(tuple(c) for c in f["geometry"]["coordinates"]),
        ) for f in features]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GeoDataError(f"Cannot read {path.name} ({error}). It is kept by hand (see geo/README.md): "
                           f"restore it with `git checkout -- geo/data/{path.name}`.") from error


class ThemeScript(MacroElement):
    """Defines `atlasTheme(group, data)` once for the page; every ThemeGroup calls it.

    Badges and corridors answer a click with their popup only. They are made deaf to other
    click handlers (st_folium binds one to every layer) and do not pass events to their group:
    a click that selected the country beneath would rerun the page and close the popup."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        // Corridors get a pane above the countries: hovering a country brings it to the front.
        {{ this._parent.get_name() }}.createPane("atlasLines").style.zIndex = 450;
        window.atlasTheme = function (group, data) {
            // Popups fit a phone-sized map and keep clear of the zoom buttons.
            var map = {{ this._parent.get_name() }};
            var popupOptions = {maxWidth: Math.max(160, Math.min(340, map.getSize().x - 90)),
                                autoPanPaddingTopLeft: L.point(56, 12)};
            function quiet(layer) {
                var on = layer.on;
                layer.on = function (type, fn, context) {
                    return type === "click" ? this : on.call(this, type, fn, context);
                };
                layer._propagateEvent = function () {};
                return layer;
            }
            data.badges.forEach(function (b) {
                var popup = "<b>" + b.heading + "</b><ul class='atlas-cites'>" + b.cites.map(function (i) {
                    var q = data.quotes[i];
                    return "<li>" + q[0] + "<br><small>" + data.sources[q[1]] + "</small></li>";
                }).join("") + "</ul>";
                quiet(L.marker([b.lat, b.lon], {title: b.title, icon: L.divIcon({html: data.html,
                    className: data.className, iconSize: [data.size, data.size], iconAnchor: data.anchor})})
                  .bindPopup(popup, popupOptions)
                  .bindTooltip(b.tooltip))
                  .addTo(group);
            });
            data.lines.forEach(function (line) {
                quiet(L.polyline(line.latlngs, {color: data.color, weight: line.weight, opacity: line.opacity,
                    dashArray: line.dash, className: line.className, pane: "atlasLines"})
                  .bindPopup(line.popup, popupOptions)
                  .bindTooltip(line.tooltip, {sticky: true}))
                  .addTo(group);
            });
        };
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "ThemeScript"


class ThemeGroup(folium.FeatureGroup):
    """A theme's badges as one layer, drawn by one script from JSON: eleven layers of folium
    markers (marker, icon, popup, tooltip each) made every rerun of the page slow to render."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({{ this.options|tojavascript }});
            atlasTheme({{ this.get_name() }}, {{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: ThemeLayer, name: str, show: bool = True, corridors: tuple[Corridor, ...] = (),
                 approximate_note: str = "", until: int | None = None):
        super().__init__(name=name, show=show)
        self._name = "ThemeGroup"
        # Just under its point, fanned out a little by theme so that two or three layers shown at
        # once stay apart while each badge stays next to what it marks.
        dx = (layer.index - 5) * 5
        # Every string below is escaped here; the script only joins them. Quotes are listed once:
        # the same sentences support a theme in several countries.
        quotes: dict[Citation, int] = {}
        sources: dict[str, int] = {}
        for badge in layer.badges:
            for citation in badge.citations:
                quotes.setdefault(citation, len(quotes))
                sources.setdefault(citation.source, len(sources))
        self.data_json = script_json({
            "color": layer.color,
            "lines": corridor_lines(corridors, approximate_note, until),
            "size": BADGE, "anchor": [BADGE // 2 - dx, -16],
            "html": f'<div class="atlas-badge" style="background:{escape(layer.color)}">{escape(layer.code)}</div>',
            "className": f"atlas-theme atlas-theme-{escape(layer.slug)}",
            "sources": [escape(source) for source in sources],
            "quotes": [[f'<span lang="{escape(c.language)}">« {escape(c.quote)} »</span>' if c.language
                        else f"« {escape(c.quote)} »", sources[c.source]] for c in quotes],
            "badges": [{
                "lat": badge.lat, "lon": badge.lon, "heading": escape(badge.heading),
                "title": f"{layer.code} · {badge.heading}",  # Leaflet sets it as an attribute, not HTML
                "tooltip": escape(f"{layer.label} — {badge.heading}"),
                "cites": [quotes[c] for c in badge.citations],
            } for badge in layer.badges],
        })


def corridor_lines(corridors: tuple[Corridor, ...], approximate_note: str, until: int | None = None) -> list[dict]:
    """Corridors as approximate lines, each popup naming its public source (all text escaped).
    With `until`, those not open (or, under construction, not begun) by then are left out; those
    under construction are faint."""
    lines = []
    for corridor in corridors:
        building = corridor.opened is None
        began = corridor.opened if not building else corridor.construction_start
        if until is not None and (began is None or began > until):
            continue
        lines.append({
            "latlngs": [(lat, lon) for lon, lat in corridor.coordinates],
            "weight": 3 if building else 4, "opacity": 0.5 if building else 0.9,
            "dash": CORRIDOR_DASH.get(corridor.kind),
            "className": f"atlas-corridor atlas-corridor-{escape(corridor.id)}",
            "tooltip": escape(f"{corridor.name} — {approximate_note}"),
            "popup": f"<b>{escape(corridor.name)}</b><br>{escape(corridor.status)}<br>"
                     f"<small>{escape(approximate_note)}</small><br>"
                     f'<a href="{escape(corridor.source_url)}" target="_blank" rel="noopener">{escape(corridor.source)}</a>',
        })
    return lines
