"""The folium map: the six countries, summit venues and cities, legend and layer control.

The base map is built once per language; what changes with the selection is a separate
feature group (`selection_layer`), so the map in the browser is never rebuilt on a click.
Every JS/CSS file comes from the app's own `static/` folder: folium's CDN defaults leave the
map blank offline, and those CDNs are blocked for many readers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import Template as Template_

import folium
from branca.element import MacroElement
from folium.template import Template

from geo import areas
from geo.countries import REGENERATE, GeoDataError, Shapes
from geo.js import script_json
from geo.theme_layers import Corridor, ThemeGroup, ThemeLayer, ThemeScript
from geo.tiles import Tiles

CONNECTIVITY = "connectivity"

# Relative to the component's iframe; works with and without server.baseUrlPath.
STATIC_PREFIX = "../../app/static/"
MAP_JS = [
    ("leaflet", STATIC_PREFIX + "leaflet/leaflet.js"),
    ("jquery", STATIC_PREFIX + "jquery/jquery.min.js"),  # folium's Popup uses $
]
MAP_CSS = [("leaflet_css", STATIC_PREFIX + "leaflet/leaflet.css")]
# Served copies of geo/data/*.geojson (geo.build_data writes both; a test checks they match).
SERVED_COUNTRIES = "geo/countries.geojson"
SERVED_NEIGHBOURS = "geo/neighbours.geojson"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"



def check_static_files(static_dir: Path | None = None) -> None:
    """The browser fetches the shapes and Leaflet from static/: a missing or broken file there leaves
    the map blank or without its countries, and no error shows anywhere. So it is checked at start-up."""
    static_dir = static_dir or STATIC_DIR
    for name in (SERVED_COUNTRIES, SERVED_NEIGHBOURS):
        try:
            features = json.loads((static_dir / name).read_bytes())["features"]
            if not isinstance(features, list) or not features:
                raise ValueError("no features")
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GeoDataError(f"Cannot read static/{name} ({error}). Regenerate it with `{REGENERATE}`.") from error
    for _, url in MAP_JS + MAP_CSS:
        name = url.removeprefix(STATIC_PREFIX)
        if not (static_dir / name).is_file() or not (static_dir / name).stat().st_size:
            raise GeoDataError(f"static/{name} is missing or empty. Restore it with `make vendor`.")


# Central Asia and western China, from the Caspian to Beijing; fitted to the map's real size
# once it is laid out (FitFrame), starting from a centre and zoom that suit a desktop.
CENTRE, ZOOM = (42.5, 85.0), 3.75
FRAME = [[34.0, 47.0], [55.0, 121.0]]
# The map's colours, named once: the CSS below and the contrast tests (WCAG AA) read them here.
PALETTE = {
    "sea": "#cfe3ee",  # the map's background where no tiles are drawn
    "land": "#f4e3c1",  # the six countries, at COUNTRY_STYLE's fillOpacity
    "border": "#8a6d3b",
    "ink": "#1f2d3a",  # place names, legend text
    "summit": "#c0392b",  # summit pins, the selection's outline and ring
    "summit_ink": "#7b1d13",  # summit names
    "country_ink": "#6b5430",  # country names
    "capital": "#1f3b57",
    "city": "#5d7a92",
    "white": "#ffffff",
    "hub": areas.HUB_COLOR,  # hubs, crossings and ports (geo.areas)
    "region": areas.REGION_COLOR,  # regions and natural features, their approximate areas
}
COUNTRY_STYLE = {"fillColor": PALETTE["land"], "color": PALETTE["border"], "weight": 1.2, "fillOpacity": 0.75}
COUNTRY_HOVER = {"fillColor": "#f0c987", "weight": 2.5}
NEIGHBOUR_STYLE = {"fillColor": "#e4e4e4", "color": "#b5b5b5", "weight": 0.6, "fillOpacity": 1.0}
SELECTED_COLOR = PALETTE["summit"]
LEGEND_OPACITY = 0.92  # the legend's white background over the map
# Where each country's name is written: clear of the markers, inside the visible frame.
# Places whose name is written left of the marker, clear of a neighbouring country's name.
NAME_ON_THE_LEFT = {"tashkent"}
LABEL_POINTS = {"CHN": (36.5, 94.0), "KAZ": (48.3, 66.0), "KGZ": (41.4, 77.6), "TJK": (37.4, 71.8),
                "TKM": (39.7, 58.6), "UZB": (43.0, 62.2)}


@dataclass(frozen=True)
class MarkerSpec:
    slug: str
    name: str
    lat: float
    lon: float
    kind: str  # "summit", "capital", "city", "hub" or "region" (a region or natural feature)
    tooltip: str  # plain text; escaped here
    upcoming: bool = False  # a summit not yet held at the map's date
    radius_km: float = 0.0  # a region's approximate area (geo.areas), 0 for a point


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
    hubs: str = "Hubs and crossings"
    regions: str = "Regions and features (approximate)"


_MARKER_HTML = {
    "summit": '<div class="atlas-pin atlas-summit" aria-hidden="true">★</div><span class="atlas-name">{name}</span>',
    "capital": '<div class="atlas-pin atlas-capital" aria-hidden="true"></div><span class="atlas-name">{name}</span>',
    "city": '<div class="atlas-pin atlas-city" aria-hidden="true"></div>',
    **areas.MARKER_HTML,
}
_MARKER_SIZE = {"summit": 30, "capital": 14, "city": 10, **areas.MARKER_SIZE}

_CSS = Template_("""
.leaflet-container { background: $sea; font: 13px/1.4 "Source Sans Pro", "DejaVu Sans", sans-serif; }
.atlas-pin { box-sizing: border-box; width: 100%; height: 100%; border-radius: 50%; }
.atlas-summit { background: $summit; color: $white; border: 2px solid $white; text-align: center;
  font-size: 17px; line-height: 25px; box-shadow: 0 1px 4px rgba(0,0,0,.5); }
.atlas-capital { background: $capital; border: 2px solid $white; box-shadow: 0 0 2px rgba(0,0,0,.6); }
.atlas-city { background: $city; border: 1.5px solid $white; }
.leaflet-interactive:focus { outline: none; }
@media (max-width: 500px) { .atlas-legend { font-size: 11px; line-height: 1.35; padding: 4px 6px; } }
.atlas-ring { box-sizing: border-box; width: 44px; height: 44px; border-radius: 50%;
  border: 3px solid $summit; box-shadow: 0 0 0 2px $white; }
.atlas-name { position: absolute; left: 100%; top: 50%; transform: translateY(-50%); margin-left: 4px;
  pointer-events: none; white-space: nowrap; font-weight: 600; color: $ink; text-shadow: 0 0 3px $white, 0 0 3px $white, 0 0 2px $white; }
.atlas-summit + .atlas-name { font-size: 14px; color: $summit_ink; }
.atlas-small .atlas-capital + .atlas-name { display: none; }
.atlas-small .atlas-country-name { font-size: 9px; letter-spacing: .04em; }
.atlas-small .atlas-summit + .atlas-name { font-size: 11px; }
.atlas-upcoming .atlas-summit { background: $white; color: $summit; border: 2px dashed $summit; }
.atlas-badge { width: 18px; height: 18px; border-radius: 4px; color: $white; font: 700 10px/18px "DejaVu Sans", sans-serif;
  text-align: center; box-shadow: 0 0 0 1.5px $white, 0 1px 3px rgba(0,0,0,.4); }
.atlas-cites { padding-left: 16px; margin: 4px 0 0; }
.atlas-cites li { margin-bottom: 4px; }
.atlas-name-left .atlas-name { left: auto; right: 100%; margin: 0 4px 0 0; }
.atlas-country-name { white-space: nowrap; font: 600 12px/1 "DejaVu Sans", sans-serif; letter-spacing: .12em;
  text-transform: uppercase; color: $country_ink; text-shadow: 0 0 3px $land, 0 0 3px $land;
  transform: translate(-50%, -50%); display: inline-block; }
.atlas-legend { background: rgba(255,255,255,$legend_opacity); padding: 6px 9px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); line-height: 1.6; color: $ink; }
.atlas-legend .atlas-pin { display: inline-block; vertical-align: middle; margin-right: 6px; }
.atlas-legend .atlas-swatch { display: inline-block; width: 14px; height: 10px; margin-right: 6px;
  background: $land; border: 1px solid $border; vertical-align: middle; }
""").substitute(PALETTE, legend_opacity=LEGEND_OPACITY) + areas.CSS


class Legend(MacroElement):
    """A Leaflet control holding the legend; its HTML is built here from escaped labels."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            // On a phone-sized map the top left corner, under the zoom buttons, is Kazakhstan.
            var legend = L.control({position: map.getContainer().clientWidth < 500 ? "topright" : "topleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "atlas-legend");
                div.innerHTML = {{ this.html_json }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, labels: MapLabels, kinds: set[str]):
        super().__init__()
        self._name = "Legend"
        self.css = _CSS
        rows = [
            f'<strong>{escape(labels.legend_title)}</strong>',
            f'<span class="atlas-pin atlas-summit" style="width:18px;height:18px;font-size:11px;line-height:14px">★</span>'
            f'{escape(labels.summits)}',
            f'<span class="atlas-pin atlas-capital" style="width:12px;height:12px"></span>{escape(labels.capitals)}',
            f'<span class="atlas-pin atlas-city" style="width:10px;height:10px"></span>{escape(labels.cities)}',
            f'<span class="atlas-pin atlas-hub" style="width:9px;height:9px"></span>{escape(labels.hubs)}',
            f'<span class="atlas-pin atlas-region" style="width:10px;height:10px"></span>{escape(labels.regions)}',
            f'<span class="atlas-swatch"></span>{escape(labels.countries)}',
            f'<span class="atlas-upcoming"><span class="atlas-pin atlas-summit" style="width:18px;height:18px;'
            f'font-size:11px;line-height:12px">★</span></span>{escape(labels.upcoming)}',
        ]
        rows = [row for row, kind in zip(rows, (None, "summit", "capital", "city", "hub", "region", None, "upcoming"))
                if kind is None or kind in kinds]
        self.html_json = script_json("<br>".join(rows))


class ControlTitles(MacroElement):
    """Leaflet's zoom buttons, layer control and popup close button, titled (for the mouse) and
    labelled (for screen readers) in the reader's language: Leaflet writes them in English."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, words) {
            function name(element, text) {
                if (element) { element.title = text; element.setAttribute("aria-label", text); }
            }
            if (map.zoomControl) {
                name(map.zoomControl._zoomInButton, words.zoomIn);
                name(map.zoomControl._zoomOutButton, words.zoomOut);
            }
            name(map.getContainer().querySelector(".leaflet-control-layers-toggle"), words.layers);
            map.on("popupopen", function (event) { name(event.popup._closeButton, words.close); });
        })({{ this._parent.get_name() }}, {{ this.words_json }});
        {% endmacro %}
        """
    )

    def __init__(self, labels: MapLabels):
        super().__init__()
        self._name = "ControlTitles"
        self.words_json = script_json({"zoomIn": labels.zoom_in, "zoomOut": labels.zoom_out, "layers": labels.layers,
                                       "close": labels.close})


class ShapesFromFile(folium.FeatureGroup):
    """Polygons the browser fetches from the app's static files (and caches), so that their
    coordinates do not travel inside the map's script, which is sent again on every rerun.

    The polygons are added to this group, which is on the map when st_folium starts: it hears
    their clicks. Labels are escaped here; a feature's tooltip is looked up by its `iso3`."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({{ this.options|tojavascript }});
            (function (group, spec) {
                var map = {{ this._parent.get_name() }};
                if (!map.getPane(spec.pane)) { map.createPane(spec.pane).style.zIndex = spec.zIndex; }
                // A standalone file (geo/export.py) carries its shapes: it cannot fetch them from disk.
                var shapes = spec.data ? Promise.resolve(spec.data)
                    : fetch(spec.url).then(function (answer) { return answer.json(); });
                shapes.then(function (data) {
                    L.geoJSON(data, {
                        pane: spec.pane, interactive: spec.interactive,
                        style: function () { return spec.style; },
                        onEachFeature: function (feature, layer) {
                            var label = spec.labels[feature.properties.iso3];
                            if (label) { layer.bindTooltip(label, {sticky: true}); }
                            if (spec.hover) {
                                layer.on("mouseover", function () { layer.setStyle(spec.hover); });
                                layer.on("mouseout", function () { layer.setStyle(spec.style); });
                            }
                        }
                    }).eachLayer(function (layer) { group.addLayer(layer); });
                });
            })({{ this.get_name() }}, {{ this.spec_json }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, style: dict, *, name: str, pane: str, z_index: int, hover: dict | None = None,
                 labels: dict[str, str] | None = None, control: bool = True):
        super().__init__(name=name, control=control)
        self._name = "ShapesFromFile"
        self.url = url
        self.spec = {"url": url, "style": style, "hover": hover, "pane": pane, "zIndex": z_index,
                     "interactive": bool(labels), "labels": labels or {}}
        self.spec_json = script_json(self.spec)

    def inline(self, data: dict) -> None:
        """Carry the shapes in the script instead of fetching them from `url`."""
        self.spec = {**self.spec, "url": None, "data": data}
        self.spec_json = script_json(self.spec)


class MarkerGroup(folium.FeatureGroup):
    """Places of one kind as one layer, drawn by one script from JSON. As folium markers (marker,
    icon, tooltip and their glue each) they made up most of the map's rendering time, on every run.
    Markers stay ordinary Leaflet markers in a group on the map: st_folium sees their clicks."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({{ this.options|tojavascript }});
            {{ this.markers_json }}.forEach(function (m) {
                L.marker([m.lat, m.lon], {title: m.title, alt: m.title, keyboard: true, riseOnHover: true,
                    zIndexOffset: m.z, icon: L.divIcon({html: m.html, className: m.className,
                    iconSize: [m.size, m.size], iconAnchor: [m.size / 2, m.size / 2]})})
                  .bindTooltip(m.tooltip)
                  .addTo({{ this.get_name() }});
            });
        {% endmacro %}
        """
    )

    def __init__(self, markers: list[MarkerSpec], name: str):
        super().__init__(name=name)
        self._name = "MarkerGroup"
        self.markers_json = script_json([{
            "lat": m.lat, "lon": m.lon, "title": m.name,  # Leaflet sets title and alt as attributes
            "size": _MARKER_SIZE[m.kind], "z": 1000 if m.kind == "summit" else 0,
            "html": _MARKER_HTML[m.kind].format(name=escape(m.name)),
            "className": f"atlas-marker atlas-{escape(m.slug)}" + (" atlas-name-left" if m.slug in NAME_ON_THE_LEFT else "")
                         + (" atlas-upcoming" if m.upcoming else ""),
            "tooltip": escape(m.tooltip),
        } for m in markers])

    def _get_self_bounds(self):
        return [[None, None], [None, None]]


class FitFrame(MacroElement):
    """Fit FRAME to the map's size once the page has laid it out (phone or desktop alike), and
    mark the map `atlas-small` when zoomed out so far that capital names would collide."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var touched = false;
            function fit() {
                if (touched) { return; }
                map.invalidateSize(false);
                map.fitBounds({{ this.frame }}, {animate: false});
            }
            function mark() { map.getContainer().classList.toggle("atlas-small", map.getZoom() < 3.5); }
            map.on("zoomend", mark);
            // Refit while the page is still sizing the frame, never after the reader moved the map.
            ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
                map.getContainer().addEventListener(name, function () { touched = true; }, {passive: true});
            });
            if (window.ResizeObserver) { new ResizeObserver(fit).observe(map.getContainer()); }
            fit();
            mark();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, frame: list[list[float]]):
        super().__init__()
        self._name = "FitFrame"
        self.frame = script_json(frame)


class PhoneHeight(MacroElement):
    """On a phone-sized map (narrower than `narrow` px), a shorter map: the frame is twice as wide
    as high, so a tall map on a narrow screen is mostly empty and leaves no room to scroll past it.
    The height is set from inside, as the width is only known there; st_folium's requests for
    the iframe's height (on start and on every rerun) are held to it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var container = map.getContainer();
            if (container.clientWidth >= {{ this.narrow }}) { return; }
            var height = Math.round(Math.max({{ this.lowest }}, Math.min({{ this.highest }},
                                                                          container.clientWidth * 1.1)));
            container.style.height = height + "px";
            container.classList.add("atlas-phone");
            map.invalidateSize(false);
            var lib = window.Streamlit;
            if (lib && lib.setFrameHeight && !lib.atlasHeld) {
                var ask = lib.setFrameHeight;
                lib.setFrameHeight = function () { return ask.call(lib, height); };
                lib.atlasHeld = true;
                lib.setFrameHeight();
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, narrow: int = 500, lowest: int = 320, highest: int = 460):
        super().__init__()
        self._name = "PhoneHeight"
        self.narrow, self.lowest, self.highest = narrow, lowest, highest


class CountryNames(MacroElement):
    """Country names written on the map, in one element: non-interactive, so a click on a name
    reaches the country under it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.names_json }}.forEach(function (entry) {
            L.marker([entry[1], entry[2]], {interactive: false, keyboard: false, icon: L.divIcon({
                className: "atlas-country-label", iconSize: [0, 0], html: entry[0]})
            }).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, names: dict[str, str]):
        super().__init__()
        self._name = "CountryNames"
        self.names_json = script_json([
            (f'<span class="atlas-country-name">{escape(name)}</span>', *LABEL_POINTS[iso3])
            for iso3, name in names.items() if iso3 in LABEL_POINTS
        ])


def _self_served(element: folium.Map) -> folium.Map:
    element.default_js = MAP_JS
    element.default_css = MAP_CSS
    return element


def base_map(shapes: Shapes, markers: list[MarkerSpec], labels: MapLabels, tiles: Tiles | None,
             themes: tuple[ThemeLayer, ...] = (), corridors: tuple[Corridor, ...] = (),
             until: int | None = None) -> folium.Map:
    """The whole map but the selection. `tiles`: the basemap (geo.tiles), or None for none.
    `themes`: one layer each, off until the reader ticks it; connectivity also draws `corridors`.
    `until`: the year the map shows (corridors not yet open are left out)."""
    # keyboard=False: Leaflet's keyboard handler focuses the map on mousedown, which scrolls the
    # host page to fit the whole iframe, so a first click on a marker landed elsewhere and was lost.
    atlas = _self_served(folium.Map(location=CENTRE, zoom_start=ZOOM, tiles=None, min_zoom=2, max_zoom=10,
                                    zoom_snap=0.25, control_scale=True, keyboard=False))
    if tiles is not None:
        # An overlay, not a base layer, so a reader behind a blocking firewall can switch it off.
        folium.TileLayer(tiles.url, name=escape(tiles.name), attr=tiles.attribution, max_zoom=tiles.max_zoom,
                         overlay=True).add_to(atlas)

    # Panes keep the order whatever arrives first: neighbours, countries, then (overlay pane)
    # the selection's outline and tint, then corridors.
    ShapesFromFile(STATIC_PREFIX + SERVED_NEIGHBOURS, NEIGHBOUR_STYLE, pane="atlasContext", z_index=350,
                   name="context", control=False).add_to(atlas)
    ShapesFromFile(STATIC_PREFIX + SERVED_COUNTRIES, COUNTRY_STYLE, pane="atlasCountries", z_index=380,
                   hover=COUNTRY_HOVER, name=escape(labels.countries),
                   labels={iso3: escape(labels.country_tooltips.get(iso3, iso3)) for iso3 in shapes.countries["iso3"]},
                   ).add_to(atlas)
    CountryNames({iso3: labels.country_tooltips.get(iso3, iso3) for iso3 in shapes.countries["iso3"]}).add_to(atlas)

    if any(m.radius_km for m in markers):
        areas.AreaGroup([(m.lat, m.lon, m.radius_km) for m in markers if m.radius_km], name="areas").add_to(atlas)
    for kind, name in (("region", labels.regions), ("hub", labels.hubs), ("city", labels.cities),
                       ("capital", labels.capitals), ("summit", labels.summits)):
        of_kind = [m for m in markers if m.kind == kind]
        if of_kind or kind not in ("city", "hub", "region"):
            MarkerGroup(of_kind, name=escape(name)).add_to(atlas)
    ThemeScript().add_to(atlas)  # also used by the selection layer's theme
    for theme in themes:  # off until the reader ticks one in the layer control
        ThemeGroup(theme, name=escape(f"{theme.code} · {theme.label}"), show=False,
                   corridors=corridors if theme.slug == CONNECTIVITY else (),
                   approximate_note=labels.approximate, until=until).add_to(atlas)

    folium.LayerControl(collapsed=True, position="topright").add_to(atlas)
    ControlTitles(labels).add_to(atlas)
    Legend(labels, {m.kind for m in markers} | ({"upcoming"} if any(m.upcoming for m in markers) else set())
           ).add_to(atlas)
    PhoneHeight().add_to(atlas)  # before FitFrame, which fits the frame to the map's final size
    FitFrame(FRAME).add_to(atlas)
    return _stable_ids(atlas)


def elements(root):
    """`root` and every element under it, depth first, in the order they render."""
    yield root
    for child in list(root._children.values()):
        yield from elements(child)


def _stable_ids(atlas, prefix: str = ""):
    """Replace folium's random element ids with ones that depend only on the map's content.

    st_folium keys the browser component by a hash of the generated script: with the same ids,
    an identical map rebuilt on the next rerun is recognised as the same one, so it is not
    remounted (no flicker, view and click state kept)."""
    for number, element in enumerate(elements(atlas)):
        element._id = f"{prefix}{number:04d}"
    return atlas


def _features(shapes: Shapes, iso3s) -> dict:
    wanted = set(iso3s)
    return {"type": "FeatureCollection",
            "features": [f for f in shapes.outlines_geojson["features"] if f["properties"]["iso3"] in wanted]}


def _ring(lat: float, lon: float, css_class: str, size: int) -> folium.Marker:
    # A marker, not a CircleMarker: folium drops `interactive` from path options, and a
    # clickable ring would catch clicks meant for the place or the country under it.
    return folium.Marker([lat, lon], interactive=False, keyboard=False, icon=folium.DivIcon(
        html=f'<div class="{css_class}"></div>', icon_size=(size, size), icon_anchor=(size // 2, size // 2),
        class_name="atlas-selected"))


def selection_layer(shapes: Shapes, country: str | None = None, marker: MarkerSpec | None = None,
                    theme: ThemeLayer | None = None,
                    corridors: tuple[Corridor, ...] = (), approximate: str = "", until: int | None = None,
                    ) -> folium.FeatureGroup:
    """What the view selects, drawn over the base map: the selected theme's countries tinted (not
    clickable), its badges and, for connectivity, its corridors; then the selected country
    outlined or the selected place ringed (not clickable)."""
    layer = folium.FeatureGroup(name="selection", control=False)
    if theme is not None:
        if theme.countries:
            folium.GeoJson(
                _features(shapes, theme.countries), interactive=False,
                style_function=lambda _: {"fillColor": theme.color, "fillOpacity": 0.16, "color": theme.color,
                                          "weight": 1.5, "dashArray": "4 3"},
            ).add_to(layer)
        group = ThemeGroup(theme, name="selected theme", corridors=corridors if theme.slug == CONNECTIVITY else (),
                           approximate_note=approximate, until=until)
        group.control = False
        group.add_to(layer)
    if country is not None and country in shapes.countries.index:
        folium.GeoJson(
            _features(shapes, [country]), interactive=False,
            style_function=lambda _: {"fill": False, "color": SELECTED_COLOR, "weight": 4},
        ).add_to(layer)
    if marker is not None:
        _ring(marker.lat, marker.lon, "atlas-ring", 44).add_to(layer)
    # Same selection, same script: st_folium then leaves the layer (and any open popup) alone.
    return _stable_ids(layer, prefix="s")
