"""Regions and natural features drawn as approximate areas: a dashed circle of the feature's
radius around its centre (corpus/data/hand/features.csv), under the markers and not clickable (a
click goes to the country or to the feature's own marker at the centre, which selects it).

The positions are hand-entered from public maps (see corpus/data/README.md), not surveyed
outlines: the circles are dashed and faint, and the legend and the panel say "approximate".
"""

from __future__ import annotations

import folium
from folium.template import Template

from geo.script import script_json
from geo.style import PALETTE

AREA_STYLE = {"color": PALETTE["region"], "weight": 1.2, "dashArray": "5 4", "fillColor": PALETTE["region"],
              "fillOpacity": 0.06, "interactive": False}


class AreaGroup(folium.FeatureGroup):
    """The approximate areas of `areas` ((lat, lon, radius in km) each) as one layer."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({{ this.options|tojavascript }});
            {{ this.areas_json }}.forEach(function (a) {
                L.circle([a[0], a[1]], Object.assign({radius: a[2] * 1000}, {{ this.style_json }}))
                  .addTo({{ this.get_name() }});
            });
        {% endmacro %}
        """
    )

    def __init__(self, areas: list[tuple[float, float, float]], name: str):
        super().__init__(name=name, control=False)
        self._name = "AreaGroup"
        self.areas_json = script_json([[lat, lon, radius] for lat, lon, radius in areas])
        self.style_json = script_json(AREA_STYLE)

    def _get_self_bounds(self):
        return [[None, None], [None, None]]
