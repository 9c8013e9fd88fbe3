"""Country shapes, point-in-country lookup, and the folium map: self-served, escaped, stable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import geo.countries as countries_module
from corpus.gazetteer import load_gazetteer
from geo.atlas_map import MAP_CSS, MAP_JS, MapLabels, MarkerSpec, base_map, selection_layer
from geo.countries import GeoDataError, country_at, load_shapes
from geo.tiles import tiles_from_setting

ROOT = Path(__file__).resolve().parent.parent
LABELS = MapLabels("Countries", "Summit venues", "Capitals", "Cities", "Legend",
                   {"KAZ": "Kazakhstan", "CHN": "China"})


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


def test_six_valid_countries_small_enough_to_send(shapes):
    assert sorted(shapes.countries["iso3"]) == ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert shapes.countries.geometry.is_valid.all()
    assert countries_module.COUNTRIES_FILE.stat().st_size < 100_000


def test_every_capital_and_venue_lies_in_its_own_country(shapes):
    for place in load_gazetteer().places.values():
        if place.capital or place.summit:
            assert country_at(shapes.countries, place.lat, place.lon) == place.country, place.slug


def test_every_other_place_lies_in_or_just_off_its_own_country(shapes):
    """Coastal cities (Qingdao, Zhuhai) can fall a few hundredths of a degree outside the simplified coast."""
    from shapely.geometry import Point

    for place in load_gazetteer().places.values():
        outline = shapes.countries.loc[place.country].geometry
        assert outline.distance(Point(place.lon, place.lat)) < 0.05, place.slug
        assert country_at(shapes.countries, place.lat, place.lon) in (place.country, None), place.slug


def test_points_outside_the_six_belong_to_none(shapes):
    assert country_at(shapes.countries, 55.75, 37.62) is None  # Moscow
    assert country_at(shapes.countries, 34.53, 69.17) is None  # Kabul


def test_missing_geo_file_names_itself_and_the_command_that_rebuilds_it(monkeypatch, tmp_path):
    monkeypatch.setattr(countries_module, "COUNTRIES_FILE", tmp_path / "countries.geojson")
    with pytest.raises(GeoDataError, match=r"countries\.geojson.*make data"):
        load_shapes()


def test_corrupt_geo_file_is_reported(monkeypatch, tmp_path):
    broken = tmp_path / "countries.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [')
    monkeypatch.setattr(countries_module, "COUNTRIES_FILE", broken)
    with pytest.raises(GeoDataError, match="Regenerate it"):
        load_shapes()


def render(atlas) -> str:
    return atlas.get_root().render()


def test_map_loads_nothing_from_a_cdn(shapes):
    html = render(base_map(shapes, [], LABELS, tiles=None))
    for _, url in MAP_JS + MAP_CSS:
        assert url in html
        assert (ROOT / "static" / url.removeprefix("../../app/static/")).is_file()
    loaded = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert loaded and not [u for u in loaded if u.startswith(("http:", "https:", "//"))]


def test_without_tiles_no_tile_server_is_named(shapes):
    assert "tile.openstreetmap.org" not in render(base_map(shapes, [], LABELS, tiles=None))
    assert "tile.openstreetmap.org" in render(base_map(shapes, [], LABELS, tiles=tiles_from_setting("openstreetmap")))


def test_marker_names_and_tooltips_are_escaped(shapes):
    hostile = MarkerSpec("x", "<img src=x onerror=alert(1)>", 43.0, 76.0, "capital", "<script>alert(1)</script>")
    html = render(base_map(shapes, [hostile], LABELS, tiles=None))
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_same_map_built_twice_renders_identically(shapes):
    marker = MarkerSpec("astana", "Astana", 51.18, 71.45, "summit", "Astana")
    assert render(base_map(shapes, [marker], LABELS, None)) == render(base_map(shapes, [marker], LABELS, None))


def test_selection_layer_outlines_the_country_and_is_not_clickable(shapes):
    import folium

    atlas = folium.Map(tiles=None)
    selection_layer(shapes, country="KAZ").add_to(atlas)
    script = render(atlas)
    assert '"iso3": "KAZ"' in script and '"iso3": "CHN"' not in script
    assert '"interactive": false' in script


def test_selection_ring_sits_on_the_place():
    import folium

    atlas = folium.Map(tiles=None)
    selection_layer(None, marker=MarkerSpec("xian", "Xi'an", 34.2583, 108.9286, "summit", "")).add_to(atlas)
    script = render(atlas)
    ring = script[script.index("[34.2583, 108.9286]"):]
    assert '"interactive": false' in ring[:300] and "atlas-ring" in ring


def test_a_first_click_on_the_map_does_not_scroll_the_page(shapes):
    """Regression: Leaflet's keyboard handler focused the map on mousedown; the host page then
    scrolled to fit the iframe and the click landed off the marker."""
    assert '"keyboard": false' in render(base_map(shapes, [], LABELS, tiles=None))


def test_a_map_in_one_language_carries_nothing_of_another(shapes):
    french = MapLabels("Pays", "Sommets", "Capitales", "Villes", "Légende", {"KAZ": "Kazakhstan (fr)"})
    assert "Kazakhstan (fr)" in render(base_map(shapes, [], french, None))
    assert "Kazakhstan (fr)" not in render(base_map(shapes, [], LABELS, None))


def test_the_map_needs_no_whole_page_render(shapes):
    """app.py calls st_folium(render=False). That holds while the map has no folium icons (their
    SetIcon glue is only written by a whole-page render): rendering the map alone must give the
    same script as rendering the page first."""
    from streamlit_folium import _get_map_string  # what st_folium sends to the browser

    from present.map_model import map_places, marker_spec
    from tests.conftest import build_index, SEEDS

    index = build_index(SEEDS)
    markers = [marker_spec(p, index, "en") for p in map_places(index)]

    def script(whole_page: bool) -> str:
        atlas = base_map(shapes, markers, LABELS, None)
        if whole_page:
            atlas.get_root().render()
        atlas.render()
        return _get_map_string(atlas)

    assert script(True) == script(False)


def test_the_shapes_the_browser_fetches_are_the_shapes_python_reads():
    """The map fetches static/geo/*.geojson; country_at() reads geo/data/. geo.build_data writes both."""
    for name in ("countries.geojson", "neighbours.geojson"):
        assert (ROOT / "static" / "geo" / name).read_bytes() == (ROOT / "geo" / "data" / name).read_bytes()
