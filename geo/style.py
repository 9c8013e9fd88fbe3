"""How the map looks: its colours (named once: the CSS and the contrast tests, WCAG AA, read
them here), the Leaflet styles of its shapes and lines, the sizes of its pins and badges, and
its stylesheet."""

from __future__ import annotations

from string import Template as Template_

from branca.element import MacroElement
from folium.template import Template

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
}
COUNTRY_STYLE = {"fillColor": PALETTE["land"], "color": PALETTE["border"], "weight": 1.2, "fillOpacity": 0.75}
COUNTRY_HOVER = {"fillColor": "#f0c987", "weight": 2.5}
NEIGHBOUR_STYLE = {"fillColor": "#e4e4e4", "color": "#b5b5b5", "weight": 0.6, "fillOpacity": 1.0}
SELECTED_COLOR = PALETTE["summit"]
SELECTED_OUTLINE = {"fill": False, "color": SELECTED_COLOR, "weight": 4}
LEGEND_OPACITY = 0.92  # the legend's white background over the map


def theme_tint(color: str) -> dict:
    """The selected theme's countries: tinted in its colour, dashed."""
    return {"fillColor": color, "fillOpacity": 0.16, "color": color, "weight": 1.5, "dashArray": "4 3"}


MARKER_SIZE = {"summit": 30, "capital": 14, "city": 10}  # px
RING_SIZE = 44  # px, the selected place's ring
BADGE_SIZE = 18  # px
CORRIDOR_DASH = {"gas-pipeline": None, "oil-pipeline": "2 6", "highway": "10 4", "railway": "1 4 6 4"}

CSS = Template_("""
.leaflet-container { background: $sea; font: 13px/1.4 "Source Sans Pro", "DejaVu Sans", sans-serif; }
.atlas-pin { box-sizing: border-box; width: 100%; height: 100%; border-radius: 50%; }
.atlas-summit { background: $summit; color: $white; border: 2px solid $white; text-align: center;
  font-size: 17px; line-height: 25px; box-shadow: 0 1px 4px rgba(0,0,0,.5); }
.atlas-capital { background: $capital; border: 2px solid $white; box-shadow: 0 0 2px rgba(0,0,0,.6); }
.atlas-city { background: $city; border: 1.5px solid $white; }
.leaflet-interactive:focus { outline: none; }
@media (max-width: 500px) { .atlas-legend { font-size: 11px; line-height: 1.35; padding: 4px 6px; } }
.atlas-ring { box-sizing: border-box; width: ${ring}px; height: ${ring}px; border-radius: 50%;
  border: 3px solid $summit; box-shadow: 0 0 0 2px $white; }
.atlas-name { position: absolute; left: 100%; top: 50%; transform: translateY(-50%); margin-left: 4px;
  pointer-events: none; white-space: nowrap; font-weight: 600; color: $ink; text-shadow: 0 0 3px $white, 0 0 3px $white, 0 0 2px $white; }
.atlas-summit + .atlas-name { font-size: 14px; color: $summit_ink; }
.atlas-small .atlas-capital + .atlas-name { display: none; }
.atlas-small .atlas-country-name { font-size: 9px; letter-spacing: .04em; }
.atlas-small .atlas-summit + .atlas-name { font-size: 11px; }
.atlas-upcoming .atlas-summit { background: $white; color: $summit; border: 2px dashed $summit; }
.atlas-badge { width: ${badge}px; height: ${badge}px; border-radius: 4px; color: $white; font: 700 10px/${badge}px "DejaVu Sans", sans-serif;
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
.atlas-legend .atlas-key-summit { width: 18px; height: 18px; font-size: 11px; line-height: 14px; }
.atlas-legend .atlas-upcoming .atlas-key-summit { line-height: 12px; }
.atlas-legend .atlas-key-capital { width: 12px; height: 12px; }
.atlas-legend .atlas-key-city { width: 10px; height: 10px; }
.atlas-legend .atlas-swatch { display: inline-block; width: 14px; height: 10px; margin-right: 6px;
  background: $land; border: 1px solid $border; vertical-align: middle; }
.atlas-export-note { background: rgba(255,255,255,$legend_opacity); padding: 3px 8px; border-radius: 4px;
  font: 12px/1.4 "DejaVu Sans", sans-serif; color: $ink; max-width: 60vw; }
""").substitute(PALETTE, legend_opacity=LEGEND_OPACITY, ring=RING_SIZE, badge=BADGE_SIZE)


class Stylesheet(MacroElement):
    """CSS in the page's head."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        """
    )

    def __init__(self, css: str = CSS):
        super().__init__()
        self._name = "Stylesheet"
        self.css = css
