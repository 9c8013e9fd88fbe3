"""The basemap setting: ATLAS_TILES names a provider, a URL template or none; a bad value is said, never raised."""

from __future__ import annotations

import pytest

from geo.tiles import Tiles, TilesError, tiles_from_setting
from tests.helpers import map_component, run_app

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TEMPLATE = "https://tiles.example.org/base/{z}/{x}/{y}.png"


@pytest.mark.parametrize("value", ["openstreetmap", "OpenStreetMap.Mapnik", " osm "])
def test_openstreetmap_by_any_name(value):
    tiles = tiles_from_setting(value)
    assert tiles.url == OSM and "OpenStreetMap" in tiles.attribution


def test_a_named_xyzservices_provider():
    tiles = tiles_from_setting("esri worldgraycanvas")
    assert tiles.name == "Esri.WorldGrayCanvas" and "arcgisonline.com" in tiles.url and "Esri" in tiles.attribution


def test_a_provider_that_needs_a_key_gets_it_or_is_refused():
    with pytest.raises(TilesError) as refused:
        tiles_from_setting("CartoDB.Positron")
    assert refused.value.reason == "tiles_token"
    assert tiles_from_setting("CartoDB.Positron", key="k3y").url.endswith("light_all/{z}/{x}/{y}.png?key=k3y")


def test_a_url_template_with_its_attribution_shown_as_text():
    tiles = tiles_from_setting(TEMPLATE, attribution="© <b>Example</b> tiles")
    assert tiles == Tiles("tiles.example.org", TEMPLATE, "© &lt;b&gt;Example&lt;/b&gt; tiles")


@pytest.mark.parametrize("value", ["", "none", "OFF"])
def test_none_means_no_basemap(value):
    assert tiles_from_setting(value) is None


@pytest.mark.parametrize("value, attribution, reason", [
    ("nowhere.tiles", None, "tiles_unknown"),
    ("https://tiles.example.org/base.png", "x", "tiles_unknown"),
    ("javascript:alert(1)//{z}/{x}/{y}", "x", "tiles_scheme"),
    ("ftp://tiles.example.org/{z}/{x}/{y}.png", "x", "tiles_scheme"),
    (TEMPLATE, None, "tiles_attribution"),
    (TEMPLATE, "  ", "tiles_attribution"),
])
def test_values_that_name_no_usable_tiles(value, attribution, reason):
    with pytest.raises(TilesError) as refused:
        tiles_from_setting(value, attribution)
    assert refused.value.reason == reason


def test_the_map_uses_the_deployments_tile_template(monkeypatch):
    monkeypatch.setenv("ATLAS_TILES", TEMPLATE)
    monkeypatch.setenv("ATLAS_TILES_ATTRIBUTION", "Example tiles")
    at = run_app()
    script = map_component(at)["script"]
    assert TEMPLATE in script and "Example tiles" in script and "tile.openstreetmap.org" not in script
    assert not at.warning


def test_the_map_uses_a_named_provider(monkeypatch):
    monkeypatch.setenv("ATLAS_TILES", "Esri.WorldGrayCanvas")
    script = map_component(run_app())["script"]
    assert "server.arcgisonline.com/ArcGIS/rest/services/Canvas/World_Light_Gray_Base" in script


def test_the_default_is_openstreetmap_and_none_asks_for_no_tiles(monkeypatch):
    monkeypatch.delenv("ATLAS_TILES", raising=False)
    assert OSM in map_component(run_app())["script"]
    monkeypatch.setenv("ATLAS_TILES", "none")
    at = run_app()
    assert "tileLayer" not in map_component(at)["script"] and not at.warning


def test_a_bad_setting_is_said_in_the_page_and_the_map_is_drawn_without_tiles(monkeypatch):
    monkeypatch.setenv("ATLAS_TILES", "<b>carto</b>")
    at = run_app({"place": "astana"})
    warning, = at.warning
    assert "ATLAS_TILES=&#60;b&#62;carto&#60;/b&#62; cannot be used" in warning.value
    assert "neither a tile provider name" in warning.value
    component = map_component(at)
    assert "tileLayer" not in component["script"] and "Kazakhstan" in component["script"]
    assert at.subheader[0].value == "★ Astana"  # the rest of the page is there
