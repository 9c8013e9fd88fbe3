"""The six countries' shapes (Natural Earth via world-atlas) and which country a point falls in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point

DATA_DIR = Path(__file__).parent / "data"
COUNTRIES_FILE = DATA_DIR / "countries.geojson"
NEIGHBOURS_FILE = DATA_DIR / "neighbours.geojson"
REGENERATE = "make data"  # runs python -m geo.build_data

# ISO 3166-1 alpha-3 → the zero-padded numeric code world-atlas uses as feature id.
ISO_NUMERIC = {"CHN": "156", "KAZ": "398", "KGZ": "417", "TJK": "762", "TKM": "795", "UZB": "860"}


class GeoDataError(RuntimeError):
    """A geo data file is missing or unreadable; the message names it and how to rebuild it."""


@dataclass(frozen=True, eq=False)
class Shapes:
    countries: gpd.GeoDataFrame  # iso3, name, geometry; the six

    @cached_property
    def outlines_geojson(self) -> dict:
        """Coarser shapes for the selected country's outline: sent on every click, drawn over
        the real border at a thick stroke, where 0.05° does not show."""
        coarse = self.countries.reset_index(drop=True)[["iso3", "geometry"]].copy()
        coarse["geometry"] = coarse.geometry.simplify(0.05, preserve_topology=True)
        return coarse.__geo_interface__


def _read(path: Path) -> gpd.GeoDataFrame:
    try:
        frame = gpd.read_file(path)
    except Exception as error:  # pyogrio raises several types for missing/corrupt files
        raise GeoDataError(f"Cannot read {path.name} ({error}). Regenerate it with `{REGENERATE}`.") from error
    return frame.set_crs(4326, allow_override=True)


def load_shapes() -> Shapes:
    countries = _read(COUNTRIES_FILE)
    missing = set(ISO_NUMERIC) - set(countries.get("iso3", []))
    if missing:
        raise GeoDataError(
            f"{COUNTRIES_FILE.name} lacks {', '.join(sorted(missing))}. Regenerate it with `{REGENERATE}`."
        )
    return Shapes(countries=countries.set_index("iso3", drop=False))


def country_at(countries: gpd.GeoDataFrame, lat: float, lon: float) -> str | None:
    """ISO3 code of the country containing (lat, lon), or None outside the six."""
    point = Point(lon, lat)
    hits = countries[countries.geometry.covers(point)]
    return str(hits["iso3"].iloc[0]) if len(hits) else None
