"""The folium map, assembled: the six countries, summit venues and cities, theme layers,
legend and layer control (`base_map`), and what the view selects (`selection_layer`).

The base map is built once per language; what changes with the selection is a separate
feature group (`selection_layer`), so the map in the browser is never rebuilt on a click. Both
carry ids that depend only on their content (`stable_ids`). What each piece is and how it is
drawn lives in its own module: geo/assets.py (the files loaded), geo/style.py, geo/layers.py,
geo/controls.py; the JavaScript in static/atlas/.
"""

from __future__ import annotations

import folium

from geo.areas import AreaGroup
from geo.assets import SERVED_COUNTRIES, SERVED_NEIGHBOURS, STATIC_PREFIX, self_served
from geo.controls import ControlTitles, FitFrame, Legend, NoOpeningReport, PhoneHeight
from geo.corridors import Corridor
from geo.countries import Shapes
from geo.layers import CountryNames, MarkerGroup, ShapesFromFile, ThemeGroup
from geo.model import MapLabels, MarkerSpec, ThemeLayer
from geo.script import html_text
from geo.style import (COUNTRY_HOVER, COUNTRY_STYLE, NEIGHBOUR_STYLE, RING_SIZE, SELECTED_OUTLINE, Stylesheet,
                       theme_tint)
from geo.tiles import Tiles

CONNECTIVITY = "connectivity"  # the theme that also draws the corridors
# A centre and zoom that suit a desktop, until FitFrame fits the frame to the map's real size.
CENTRE, ZOOM = (42.5, 85.0), 3.75


def base_map(shapes: Shapes, markers: list[MarkerSpec], labels: MapLabels, tiles: Tiles | None,
             themes: tuple[ThemeLayer, ...] = (), corridors: tuple[Corridor, ...] = (),
             until: int | None = None) -> folium.Map:
    """The whole map but the selection. `tiles`: the basemap (geo.tiles), or None for none.
    `themes`: one layer each, off until the reader ticks it; connectivity also draws `corridors`.
    `until`: the year the map shows (corridors not yet open are left out)."""
    # keyboard=False: Leaflet's keyboard handler focuses the map on mousedown, which scrolls the
    # host page to fit the whole iframe, so a first click on a marker landed elsewhere and was lost.
    atlas = self_served(folium.Map(location=CENTRE, zoom_start=ZOOM, tiles=None, min_zoom=2, max_zoom=10,
                                   zoom_snap=0.25, control_scale=True, keyboard=False))
    Stylesheet().add_to(atlas)
    if tiles is not None:
        # An overlay, not a base layer, so a reader behind a blocking firewall can switch it off.
        folium.TileLayer(tiles.url, name=html_text(tiles.name), attr=tiles.attribution, max_zoom=tiles.max_zoom,
                         overlay=True).add_to(atlas)

    # Panes keep the order whatever arrives first: neighbours, countries, then (overlay pane)
    # the selection's outline and tint, then corridors.
    names = {iso3: labels.country_tooltips.get(iso3, iso3) for iso3 in shapes.countries["iso3"]}
    ShapesFromFile(STATIC_PREFIX + SERVED_NEIGHBOURS, NEIGHBOUR_STYLE, pane="atlasContext", z_index=350,
                   name="context", control=False).add_to(atlas)
    ShapesFromFile(STATIC_PREFIX + SERVED_COUNTRIES, COUNTRY_STYLE, pane="atlasCountries", z_index=380,
                   hover=COUNTRY_HOVER, name=labels.countries, labels=names).add_to(atlas)
    CountryNames(names).add_to(atlas)

    if any(m.radius_km for m in markers):
        AreaGroup([(m.lat, m.lon, m.radius_km) for m in markers if m.radius_km], name="areas").add_to(atlas)
    for kind, name in (("region", labels.regions), ("hub", labels.hubs), ("city", labels.cities),
                       ("capital", labels.capitals), ("summit", labels.summits)):
        of_kind = [m for m in markers if m.kind == kind]
        if of_kind or kind not in ("city", "hub", "region"):
            MarkerGroup(of_kind, name=name).add_to(atlas)
    for theme in themes:  # off until the reader ticks one in the layer control
        ThemeGroup(theme, name=f"{theme.code} · {theme.label}", show=False,
                   corridors=corridors if theme.slug == CONNECTIVITY else (),
                   approximate_note=labels.approximate, until=until).add_to(atlas)

    folium.LayerControl(collapsed=True, position="topright").add_to(atlas)
    ControlTitles(labels).add_to(atlas)
    Legend(labels, {m.kind for m in markers} | ({"upcoming"} if any(m.upcoming for m in markers) else set())
           ).add_to(atlas)
    PhoneHeight().add_to(atlas)  # before FitFrame, which fits the frame to the map's final size
    FitFrame().add_to(atlas)
    NoOpeningReport().add_to(atlas)  # one run per page open, not two
    return stable_ids(atlas)


def elements(root):
    """`root` and every element under it, depth first, in the order they render."""
    yield root
    for child in list(root._children.values()):
        yield from elements(child)


def stable_ids(atlas, prefix: str = ""):
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


def _ring(marker: MarkerSpec) -> folium.Marker:
    # A marker, not a CircleMarker: folium drops `interactive` from path options, and a
    # clickable ring would catch clicks meant for the place or the country under it.
    return folium.Marker([marker.lat, marker.lon], interactive=False, keyboard=False, icon=folium.DivIcon(
        html='<div class="atlas-ring"></div>', icon_size=(RING_SIZE, RING_SIZE),
        icon_anchor=(RING_SIZE // 2, RING_SIZE // 2), class_name="atlas-selected"))


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
            folium.GeoJson(_features(shapes, theme.countries), interactive=False,
                           style_function=lambda _: theme_tint(theme.color)).add_to(layer)
        ThemeGroup(theme, name="selected theme", corridors=corridors if theme.slug == CONNECTIVITY else (),
                   approximate_note=approximate, until=until, control=False).add_to(layer)
    if country is not None and country in shapes.countries.index:
        folium.GeoJson(_features(shapes, [country]), interactive=False,
                       style_function=lambda _: SELECTED_OUTLINE).add_to(layer)
    if marker is not None:
        _ring(marker).add_to(layer)
    # Same selection, same script: st_folium then leaves the layer (and any open popup) alone.
    return stable_ids(layer, prefix="s")
