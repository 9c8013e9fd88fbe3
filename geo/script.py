"""How Python hands the map's JavaScript (static/atlas/*.js) its data: a named `atlas.` function
called with JSON, and nothing else. No HTML is built here from article text.

One escaping rule for the map: text from articles (and every other label) travels as JSON and
is set in the browser with textContent (static/atlas/atlas.js). `html_text` is the one escape in
geo/, for the few strings that folium or Leaflet themselves write as HTML (layer-control names,
a tile attribution, the export's title): they are labels from the app's own files, never article
text, and a test checks no other module of geo/ escapes anything.
"""

from __future__ import annotations

import json
from html import escape

import folium
from branca.element import MacroElement
from folium.template import Template


def script_json(value: object) -> str:
    """JSON safe inside an inline <script>: no '<' can close the tag, whatever the strings hold."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace(
        "\u2029", "\\u2029")


def html_text(text: str) -> str:
    """`text` escaped for a place that folium or Leaflet writes as HTML (see the module's note)."""
    return escape(text)


def map_of(element) -> folium.Map:
    """The map `element` is drawn on (its parent, or its group's parent)."""
    while not isinstance(element, folium.Map):
        element = element._parent
    return element


class _Named:
    """What both kinds of call share: the function, its data as JSON, and the map it draws on."""

    function: str
    data: object

    @property
    def data_json(self) -> str:
        return script_json(self.data)

    def map_name(self) -> str:
        return map_of(self).get_name()


class Call(_Named, MacroElement):
    """`atlas.<function>(map, data)` in the map's script; `data` goes as JSON."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.{{ this.function }}({{ this.map_name() }}, {{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, data: object):
        super().__init__()
        self._name = type(self).__name__
        self.function, self.data = function, data


class GroupCall(_Named, folium.FeatureGroup):
    """A layer filled by `atlas.<function>(group, map, data)`: drawn in the browser from JSON by
    one script. As folium elements (marker, icon, popup, tooltip and their glue each) the same
    layers made up most of the map's rendering time, on every rerun."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({{ this.options|tojavascript }});
            atlas.{{ this.function }}({{ this.get_name() }}, {{ this.map_name() }}, {{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, data: object, *, name: str, show: bool = True, control: bool = True):
        super().__init__(name=html_text(name), show=show, control=control)
        self._name = type(self).__name__
        self.function, self.data = function, data
