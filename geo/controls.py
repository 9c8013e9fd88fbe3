"""The map's controls and its fit to the page, drawn by static/atlas/map-controls.js from JSON: the
legend, Leaflet's own buttons titled in the reader's language, the frame fitted to the map's
size, and a shorter map on a phone."""

from __future__ import annotations

from geo.model import MapLabels
from geo.script import Call

# Central Asia and western China, from the Caspian to Beijing; fitted to the map's real size
# once it is laid out (FitFrame).
FRAME = [[34.0, 47.0], [55.0, 121.0]]


class Legend(Call):
    """A Leaflet control holding the legend: a row for each kind of mark the map shows."""

    def __init__(self, labels: MapLabels, kinds: set[str]):
        rows = [(None, labels.legend_title), ("summit", labels.summits), ("capital", labels.capitals),
                ("city", labels.cities), ("hub", labels.hubs), ("region", labels.regions),
                ("country", labels.countries), ("upcoming", labels.upcoming)]
        super().__init__("legend", [{"key": key, "text": text} if key else {"text": text} for key, text in rows
                                    if key in (None, "country") or key in kinds])


class ControlTitles(Call):
    """Leaflet's zoom buttons, layer control and popup close button, titled (for the mouse) and
    labelled (for screen readers) in the reader's language: Leaflet writes them in English."""

    def __init__(self, labels: MapLabels):
        super().__init__("controlTitles", {"zoomIn": labels.zoom_in, "zoomOut": labels.zoom_out,
                                           "layers": labels.layers, "close": labels.close})


class FitFrame(Call):
    """Fit `frame` to the map's size once the page has laid it out (phone or desktop alike), and
    mark the map `atlas-small` when zoomed out so far that capital names would collide."""

    def __init__(self, frame: list[list[float]] = FRAME):
        super().__init__("fitFrame", frame)


class PhoneHeight(Call):
    """On a phone-sized map (narrower than `narrow` px), a shorter map: the frame is twice as wide
    as high, so a tall map on a narrow screen is mostly empty and leaves no room to scroll past it.
    The height is set from inside, as the width is only known there; st_folium's requests for
    the iframe's height are held to it (atlas.holdFrameHeight in static/atlas/patches.js)."""

    def __init__(self, narrow: int = 500, lowest: int = 320, highest: int = 460):
        super().__init__("phoneHeight", {"narrow": narrow, "lowest": lowest, "highest": highest})


class NoOpeningReport(Call):
    """st_folium does not report the map's opening state as a change: the page is not run a
    second time on every open (atlas.noOpeningReport in static/atlas/patches.js)."""

    def __init__(self):
        super().__init__("noOpeningReport", None)


class Note(Call):
    """A line of text at the map's foot (the standalone export says what it shows and when)."""

    def __init__(self, text: str):
        super().__init__("note", text)
