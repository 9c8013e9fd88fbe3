"""The map's zoom, centre and ticked theme layers in the page's address, kept by the map's own
script (geo/map_address.js): panning, zooming and ticking rerun nothing and send nothing to the
server; opening the address puts them back; a bad value is said on the map and dropped."""

from __future__ import annotations

from pathlib import Path

import folium
from branca.element import MacroElement
from folium.template import Template

from geo.script import script_json
from geo.layers import ThemeGroup

SCRIPT = Path(__file__).with_name("map_address.js")


def compact_script(text: str) -> str:
    """A script file as the map sends it on every rerun: without its whole-line comments,
    indentation and blank lines (about a third of its bytes); every line of code as written."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))
LAYERS_PARAM = "layers"
ZOOMS = (1, 12)  # a zoom the address may ask for: the region is lost from view outside these


class MapAddress(MacroElement):
    """Added last to a map whose theme groups are `groups` (slug → ThemeGroup)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        atlasMapAddress({{ this._parent.get_name() }}, {
        {%- for slug, group in this.groups %}{{ slug|tojson }}: {{ group.get_name() }}, {% endfor -%}
        }, {{ this.spec_json }});
        {% endmacro %}
        """
    )

    def __init__(self, groups: dict[str, ThemeGroup], min_zoom: float, max_zoom: float, bad_map: str,
                 bad_layers: str):
        super().__init__()
        self._name = "MapAddress"
        self._id = "address"  # content-made, like the map's other ids: the same map is not remounted
        self.code = compact_script(SCRIPT.read_text(encoding="utf-8"))
        self.groups = list(groups.items())
        self.spec_json = script_json({"minZoom": min_zoom, "maxZoom": max_zoom, "param": LAYERS_PARAM,
                                      "badMap": bad_map, "badLayers": bad_layers})


def theme_groups(atlas: folium.Map, slugs: list[str]) -> dict[str, ThemeGroup]:
    """The map's theme layers (those in its layer control), by slug, in the order they were added."""
    groups = [child for child in atlas._children.values() if isinstance(child, ThemeGroup) and child.control]
    return dict(zip(slugs, groups))


def add_map_address(atlas: folium.Map, slugs: list[str], bad_map: str, bad_layers: str) -> folium.Map:
    MapAddress(theme_groups(atlas, slugs), *ZOOMS, bad_map, bad_layers).add_to(atlas)
    return atlas
