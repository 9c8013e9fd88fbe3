"""Regenerate geo/data/*.geojson from Natural Earth, as shipped by the npm package world-atlas.

Run: python -m geo.build_data            (downloads world-atlas@2.0.2 with `npm pack`)
     python -m geo.build_data PACKAGE_DIR (an already unpacked world-atlas package)

Writes the six countries (50m, simplified) and the neighbouring land drawn as grey
context around them (110m, clipped to the map's frame). See geo/README.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box, mapping

from geo.countries import COUNTRIES_FILE, NEIGHBOURS_FILE, ISO_NUMERIC

WORLD_ATLAS = "world-atlas@2.0.2"
SERVED_DIR = Path(__file__).resolve().parent.parent / "static" / "geo"
SIMPLIFY_DEGREES = 0.02
DECIMALS = 4
# Frame of the context layer: Central Asia, western China and their neighbours.
CONTEXT_BOX = box(25.0, 12.0, 140.0, 68.0)


def unpack_world_atlas(into: Path) -> Path:
    subprocess.run(["npm", "pack", "--silent", WORLD_ATLAS], cwd=into, check=True, capture_output=True)
    tgz = next(into.glob("world-atlas-*.tgz"))
    with tarfile.open(tgz) as archive:
        archive.extractall(into, filter="data")
    return into / "package"


def rounded(geometry, decimals: int = DECIMALS):
    from shapely import set_precision

    return set_precision(geometry, 10**-decimals)


def six_countries(package: Path) -> gpd.GeoDataFrame:
    world = gpd.read_file(package / "countries-50m.json", layer="countries").set_crs(4326)
    by_numeric = {numeric: iso3 for iso3, numeric in ISO_NUMERIC.items()}
    six = world[world["id"].isin(by_numeric)].copy()
    six["iso3"] = six["id"].map(by_numeric)
    six["geometry"] = six.geometry.make_valid().simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    six["geometry"] = six.geometry.apply(rounded)
    return six[["iso3", "name", "geometry"]].sort_values("iso3").reset_index(drop=True)


def neighbours(package: Path) -> gpd.GeoDataFrame:
    world = gpd.read_file(package / "countries-110m.json", layer="countries").set_crs(4326)
    others = world[~world["id"].isin(ISO_NUMERIC.values())].copy()
    others["geometry"] = others.geometry.make_valid().intersection(CONTEXT_BOX)
    others = others[~others.geometry.is_empty]
    others["geometry"] = others.geometry.simplify(0.12, preserve_topology=True).apply(lambda g: rounded(g, 2))
    return others[["name", "geometry"]].sort_values("name").reset_index(drop=True)


def write_compact(frame: gpd.GeoDataFrame, path: Path) -> None:
    import json

    features = [
        {"type": "Feature", "properties": {k: row[k] for k in frame.columns if k != "geometry"},
         "geometry": mapping(row.geometry)}
        for _, row in frame.iterrows()
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(argv[0]) if argv else unpack_world_atlas(Path(tmp))
        write_compact(six_countries(package), COUNTRIES_FILE)
        write_compact(neighbours(package), NEIGHBOURS_FILE)
    SERVED_DIR.mkdir(exist_ok=True)
    for path in (COUNTRIES_FILE, NEIGHBOURS_FILE):
        shutil.copyfile(path, SERVED_DIR / path.name)  # what the browser fetches: static/geo/
        print(f"{path} (and {SERVED_DIR / path.name}): {path.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
