"""The map's furniture out of the reader's way (geo/map_layout.js): a legend that folds (folded
on a phone, folding by itself over a marker, badge, popup or tooltip), capital names on a
phone-sized map, and theme badges at one point laid out side by side when many layers are ticked."""

from __future__ import annotations

from pathlib import Path

import folium
from branca.element import MacroElement
from folium.template import Template

from geo.script import script_json
from geo.map_address import compact_script, theme_groups
from geo.layers import ThemeGroup

SCRIPT = Path(__file__).with_name("map_layout.js")
NARROW = 500  # px: a map narrower than this is a phone's (as geo/atlas_map.PhoneHeight has it)
BADGE = 18  # px, a theme badge's side (geo/atlas_map.py's .atlas-badge)
PER_ROW = 4  # badges side by side under one point
BELOW = 12  # px from the point down to the first row of badges

CSS = """
.atlas-legend-toggle { all: unset; cursor: pointer; display: block; }
.atlas-legend-toggle::after { content: " ▾"; font-size: 11px; }
.atlas-legend-toggle[aria-expanded="false"]::after { content: " ▸"; }
.atlas-legend-toggle:focus-visible { outline: 2px solid #1f3b57; outline-offset: 2px; }
/* On a phone-sized map the capitals keep their names, smaller (the wide map hides them when far out). */
.atlas-phone.atlas-small .atlas-capital + .atlas-name { display: block; font-size: 10px; margin-left: 2px; }
"""


class MapLayout(MacroElement):
    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.code }}
        atlasMapLayout({{ this._parent.get_name() }}, {
        {%- for slug, group in this.groups %}{{ slug|tojson }}: {{ group.get_name() }}, {% endfor -%}
        }, {{ this.spec_json }});
        {% endmacro %}
        """
    )

    def __init__(self, groups: dict[str, ThemeGroup], show: str, hide: str):
        super().__init__()
        self._name = "MapLayout"
        self._id = "layout"  # content-made, like the map's other ids
        self.css = CSS
        self.code = compact_script(SCRIPT.read_text(encoding="utf-8"))
        self.groups = list(groups.items())
        self.spec_json = script_json({"narrow": NARROW, "badge": BADGE, "perRow": PER_ROW, "below": BELOW,
                                      "show": show, "hide": hide})


def add_map_layout(atlas: folium.Map, slugs: list[str], show: str, hide: str) -> folium.Map:
    """`show`, `hide`: the legend button's titles in the reader's language."""
    MapLayout(theme_groups(atlas, slugs), show, hide).add_to(atlas)
    return atlas
