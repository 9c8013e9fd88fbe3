"""A still picture of a view for link previews (`og:image`): the six countries from the same
shapes as the map, the selection outlined or ringed, the theme's countries tinted, drawn with
Pillow on the server (no browser, no tiles). Plain Python: `present.preview` says what to draw."""

from __future__ import annotations

import io
import math
import threading
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
from PIL import Image, ImageDraw, ImageFont
from shapely.geometry.base import BaseGeometry

from geo.layers import LABEL_POINTS
from geo.style import PALETTE
from geo.countries import NEIGHBOURS_FILE, Shapes

WIDTH, HEIGHT = 1200, 630  # what Open Graph and Twitter's large card show without cropping
BAND = 96  # the caption band under the map, in pixels
SCALE = 2  # drawn at twice the size and reduced: smooth edges without an antialiasing renderer
MARGIN = 0.06  # of the map's width, around the six countries
_DRAWING = threading.Lock()


@dataclass(frozen=True)
class PictureSpec:
    """What one view's picture shows. All text is plain (it is drawn, never parsed)."""
    caption: str  # the view's name, the band's first line
    credit: str  # the atlas's name, the band's second line
    country_names: dict[str, str]  # iso3 → name in the view's language
    selected_country: str | None = None
    tint: str | None = None  # "#rrggbb" of the selected theme
    tinted: tuple[str, ...] = ()  # iso3 of the countries the theme ties
    points: tuple[tuple[float, float, str], ...] = ()  # (lat, lon, kind): "summit" or "capital"
    ring: tuple[float, float] | None = None  # the selected place


@lru_cache(maxsize=1)
def _neighbours() -> gpd.GeoDataFrame:
    return gpd.read_file(NEIGHBOURS_FILE).set_crs(4326, allow_override=True)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


class _Projection:
    """Web Mercator (as the map draws it), fitted to the six countries inside `width × height`."""

    def __init__(self, bounds, width: int, height: int):
        west, south, east, north = bounds
        x0, x1 = math.radians(west), math.radians(east)
        y0, y1 = _mercator_y(south), _mercator_y(north)
        pad = (x1 - x0) * MARGIN
        x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
        self.scale = min(width / (x1 - x0), height / (y1 - y0))
        self.x_off = (width - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.y_off = (height - (y1 - y0) * self.scale) / 2 + y1 * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        lat = max(-85.0, min(85.0, lat))
        return math.radians(lon) * self.scale + self.x_off, self.y_off - _mercator_y(lat) * self.scale


def _rings(geometry: BaseGeometry):
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon":
            continue
        yield polygon.exterior, [ring for ring in polygon.interiors]


def _polygon(draw: ImageDraw.ImageDraw, project, geometry, fill, outline, width: int) -> None:
    for exterior, holes in _rings(geometry):
        points = [project(x, y) for x, y in exterior.coords]
        draw.polygon(points, fill=fill, outline=outline, width=width)
        for hole in holes:
            draw.polygon([project(x, y) for x, y in hole.coords], fill=PALETTE["sea"])


def _outline(draw: ImageDraw.ImageDraw, project, geometry, colour, width: int) -> None:
    for exterior, _ in _rings(geometry):
        draw.line([project(x, y) for x, y in exterior.coords], fill=colour, width=width, joint="curve")


def _blend(colour: str, over: str, alpha: float) -> str:
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(over[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(alpha * x + (1 - alpha) * y):02x}" for x, y in zip(a, b))


@lru_cache(maxsize=32)
def _font(size: int, weight: str = "Regular", file: str | None = None) -> ImageFont.FreeTypeFont:
    if file is None:  # Pillow's own (no en dash, no Cyrillic), rather than no picture
        return ImageFont.load_default(size=size * SCALE)
    font = ImageFont.truetype(file, size * SCALE)
    if weight in [name.decode() for name in font.get_variation_names()]:
        font.set_variation_by_name(weight)
    return font


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: float, font_file: str | None,
         weight: str = "Regular") -> tuple[str, ImageFont.FreeTypeFont]:
    """`text` on one line at `size` (smaller, then cut with …, if it is wider than `width`). A line
    break in it (a search typed with one, from a link) is a space: Pillow measures no multiline text."""
    text = " ".join(text.split())
    for step in (size, size * 0.85, size * 0.72):
        font = _font(round(step), weight, font_file)
        if draw.textlength(text, font=font) <= width:
            return text, font
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…", font


def view_picture(shapes: Shapes, spec: PictureSpec, font_file: str | None = None) -> bytes:
    """The view as a WIDTH × HEIGHT PNG. `font_file`: a variable font with Semibold (the page's
    Source Sans, found by the server in Streamlit's package); None: Pillow's own."""
    with _DRAWING:  # one picture at a time: the cached FreeType faces are not thread-safe
        return _draw(shapes, spec, font_file)


def _draw(shapes: Shapes, spec: PictureSpec, font_file: str | None) -> bytes:
    w, h, band = WIDTH * SCALE, HEIGHT * SCALE, BAND * SCALE
    image = Image.new("RGB", (w, h), PALETTE["sea"])
    draw = ImageDraw.Draw(image)
    countries = shapes.countries
    project = _Projection(countries.total_bounds, w, h - band)

    for geometry in _neighbours().geometry:
        _polygon(draw, project, geometry, "#e4e4e4", "#b5b5b5", SCALE)
    land = _blend(PALETTE["land"], PALETTE["sea"], 0.85)
    for iso3, geometry in zip(countries["iso3"], countries.geometry):
        fill = _blend(spec.tint, land, 0.22) if spec.tint and iso3 in spec.tinted else land
        _polygon(draw, project, geometry, fill, PALETTE["border"], round(1.2 * SCALE))
    if spec.tint:
        for iso3 in spec.tinted:
            if iso3 in countries.index:
                _outline(draw, project, countries.loc[iso3].geometry, spec.tint, 2 * SCALE)
    if spec.selected_country in countries.index:
        _outline(draw, project, countries.loc[spec.selected_country].geometry, PALETTE["summit"], 6 * SCALE)

    names = _font(17, "Semibold", font_file)
    for iso3, name in spec.country_names.items():
        if iso3 in LABEL_POINTS:
            lat, lon = LABEL_POINTS[iso3]
            draw.text(project(lon, lat), name.upper(), font=names, fill=PALETTE["country_ink"], anchor="mm",
                      stroke_width=2 * SCALE, stroke_fill=land)
    for lat, lon, kind in spec.points:
        x, y = project(lon, lat)
        r = (9 if kind == "summit" else 6) * SCALE
        draw.ellipse((x - r, y - r, x + r, y + r), fill=PALETTE["summit" if kind == "summit" else "capital"],
                     outline=PALETTE["white"], width=2 * SCALE)
    if spec.ring:
        x, y = project(spec.ring[1], spec.ring[0])
        r = 22 * SCALE
        draw.ellipse((x - r - 2 * SCALE, y - r - 2 * SCALE, x + r + 2 * SCALE, y + r + 2 * SCALE),
                     outline=PALETTE["white"], width=3 * SCALE)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=PALETTE["summit"], width=5 * SCALE)

    draw.rectangle((0, h - band, w, h), fill=PALETTE["white"])
    if spec.tint:
        draw.rectangle((0, h - band, 14 * SCALE, h), fill=spec.tint)
    text_width = w - 80 * SCALE
    caption, font = _fit(draw, spec.caption, 36, text_width, font_file, "Semibold")
    draw.text((36 * SCALE, h - band + 14 * SCALE), caption, font=font, fill=PALETTE["ink"])
    credit, font = _fit(draw, spec.credit, 22, text_width, font_file)
    draw.text((36 * SCALE, h - band + 60 * SCALE), credit, font=font, fill="#4a5968")

    out = io.BytesIO()
    image.resize((WIDTH, HEIGHT), Image.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()
