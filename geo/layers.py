"""The map's layers, each drawn in the browser by one function of static/atlas/map-layers.js from
JSON: country shapes fetched from static/, places as markers, country names, and the theme
layers (a badge, two letters on the theme's colour, wherever the corpus ties a theme, with a
popup citing its sentences; for connectivity, the corridors as approximate lines).

The badges sit exactly on a country's label point or a place's position, drawn a few pixels
aside: a click on one reports that position, so it selects the country or place it stands for.
"""

from __future__ import annotations

from geo.corridors import Corridor
from geo.model import Citation, MarkerSpec, ThemeLayer
from geo.script import Call, GroupCall
from geo.style import BADGE_SIZE, CORRIDOR_DASH, MARKER_SIZE

# Where each country's name is written: clear of the markers, inside the visible frame.
LABEL_POINTS = {"CHN": (36.5, 94.0), "KAZ": (48.3, 66.0), "KGZ": (41.4, 77.6), "TJK": (37.4, 71.8),
                "TKM": (39.7, 58.6), "UZB": (43.0, 62.2)}
# Places whose name is written left of the marker, clear of a neighbouring country's name.
NAME_ON_THE_LEFT = {"tashkent"}
NAMED_KINDS = {"summit", "capital"}  # a city's name shows in its tooltip only


class ShapesFromFile(GroupCall):
    """Polygons the browser fetches from the app's static files (and caches), so that their
    coordinates do not travel inside the map's script, which is sent again on every rerun.

    The polygons are added to this group, which is on the map when st_folium starts: it hears
    their clicks. A feature's tooltip is `labels[its iso3]`."""

    def __init__(self, url: str, style: dict, *, name: str, pane: str, z_index: int, hover: dict | None = None,
                 labels: dict[str, str] | None = None, control: bool = True):
        super().__init__("shapes", {"url": url, "style": style, "hover": hover, "pane": pane, "zIndex": z_index,
                                    "interactive": bool(labels), "labels": labels or {}}, name=name, control=control)
        self.url = url

    def inline(self, data: dict) -> None:
        """Carry the shapes in the script instead of fetching them from `url`."""
        self.data = {**self.data, "url": None, "data": data}


class MarkerGroup(GroupCall):
    """Places of one kind as one layer. Markers stay ordinary Leaflet markers in a group on the
    map: st_folium sees their clicks."""

    def __init__(self, markers: list[MarkerSpec], name: str):
        super().__init__("markers", [{
            "lat": m.lat, "lon": m.lon, "name": m.name, "kind": m.kind, "named": m.kind in NAMED_KINDS,
            "tooltip": m.tooltip, "size": MARKER_SIZE[m.kind], "z": 1000 if m.kind == "summit" else 0,
            "className": f"atlas-marker atlas-{m.slug}" + (" atlas-name-left" if m.slug in NAME_ON_THE_LEFT else "")
                         + (" atlas-upcoming" if m.upcoming else ""),
        } for m in markers], name=name)


class CountryNames(Call):
    """Country names written on the map, not interactive, so a click on a name reaches the
    country under it."""

    def __init__(self, names: dict[str, str]):
        super().__init__("countryNames", [{"name": name, "lat": LABEL_POINTS[iso3][0], "lon": LABEL_POINTS[iso3][1]}
                                          for iso3, name in names.items() if iso3 in LABEL_POINTS])


class ThemeGroup(GroupCall):
    """A theme's badges (and, given `corridors`, its lines) as one layer."""

    def __init__(self, layer: ThemeLayer, name: str, show: bool = True, corridors: tuple[Corridor, ...] = (),
                 approximate_note: str = "", until: int | None = None, control: bool = True):
        # Just under its point, fanned out a little by theme so that two or three layers shown at
        # once stay apart while each badge stays next to what it marks.
        dx = (layer.index - 5) * 5
        # Quotes and sources are listed once: the same sentences support a theme in several places.
        quotes: dict[Citation, int] = {}
        sources: dict[str, int] = {}
        for badge in layer.badges:
            for citation in badge.citations:
                quotes.setdefault(citation, len(quotes))
                sources.setdefault(citation.source, len(sources))
        super().__init__("theme", {
            "color": layer.color, "code": layer.code,
            "lines": corridor_lines(corridors, approximate_note, until),
            "size": BADGE_SIZE, "anchor": [BADGE_SIZE // 2 - dx, -16],
            "className": f"atlas-theme atlas-theme-{layer.slug}",
            "sources": list(sources),
            "quotes": [[c.quote, sources[c.source], c.language] for c in quotes],
            "badges": [{
                "lat": badge.lat, "lon": badge.lon, "heading": badge.heading,
                "title": f"{layer.code} · {badge.heading}",
                "tooltip": f"{layer.label} — {badge.heading}",
                "cites": [quotes[c] for c in badge.citations],
            } for badge in layer.badges],
        }, name=name, show=show, control=control)


def corridor_lines(corridors: tuple[Corridor, ...], approximate_note: str, until: int | None = None) -> list[dict]:
    """Corridors as approximate lines, each popup naming its public source. With `until`, those
    not open (or, under construction, not begun) by then are left out; those under construction
    are faint."""
    return [{
        "latlngs": [(lat, lon) for lon, lat in corridor.coordinates],
        "weight": 3 if corridor.opened is None else 4, "opacity": 0.5 if corridor.opened is None else 0.9,
        "dash": CORRIDOR_DASH.get(corridor.kind),
        "className": f"atlas-corridor atlas-corridor-{corridor.id}",
        "tooltip": f"{corridor.name} — {approximate_note}",
        "name": corridor.name, "status": corridor.status, "note": approximate_note,
        "source": corridor.source, "sourceUrl": corridor.source_url,
    } for corridor in corridors if corridor.drawn_by(until)]
