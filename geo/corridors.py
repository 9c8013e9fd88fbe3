"""The connectivity corridors (pipelines, highways, railways) the articles name in general
terms, as approximate lines kept by hand in geo/data/corridors.geojson (see geo/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geo.countries import DATA_DIR, GeoDataError

CORRIDORS_FILE = DATA_DIR / "corridors.geojson"


@dataclass(frozen=True)
class Corridor:
    id: str
    name: str
    kind: str
    opened: int | None  # year it entered service; None while under construction
    construction_start: int | None  # for one under construction: the year works began
    status: str
    source: str
    source_url: str
    coordinates: tuple[tuple[float, float], ...]  # (lon, lat)

    def drawn_by(self, until: int | None) -> bool:
        """On a map of year `until` (None: today): open, or under construction, by then."""
        began = self.construction_start if self.opened is None else self.opened
        return until is None or (began is not None and began <= until)


def load_corridors(lang: str, path: Path | None = None) -> list[Corridor]:
    path = path or CORRIDORS_FILE
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        return [Corridor(
            id=f["properties"]["id"], name=f["properties"][f"name_{lang}"], kind=f["properties"]["kind"],
            opened=f["properties"]["opened"], construction_start=f["properties"].get("construction_start"),
            status=f["properties"][f"status_{lang}"],
            source=f["properties"]["source"], source_url=f["properties"]["source_url"],
            coordinates=tuple(tuple(c) for c in f["geometry"]["coordinates"]),
        ) for f in features]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GeoDataError(f"Cannot read {path.name} ({error}). It is kept by hand (see geo/README.md): "
                           f"restore it with `git checkout -- geo/data/{path.name}`.") from error
