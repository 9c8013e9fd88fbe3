"""The deployment's settings, read from the environment (DEPLOY.md, *Settings*)."""

from __future__ import annotations

import os
from pathlib import Path

from geo.tiles import Tiles, TilesError, tiles_from_setting

ROOT = Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    """The articles' folder: ATLAS_SEEDS_DIR, else the project's seeds/."""
    return Path(os.environ.get("ATLAS_SEEDS_DIR", ROOT / "seeds"))


def tiles_setting() -> tuple[Tiles | None, str | None]:
    """The basemap the deployment asks for: ATLAS_TILES, a provider name (default openstreetmap),
    a URL template with ATLAS_TILES_ATTRIBUTION, or none; ATLAS_TILES_KEY for a provider that
    needs one. With it, the key of the reason a value cannot be used (then no tiles)."""
    try:
        return tiles_from_setting(os.environ.get("ATLAS_TILES", "openstreetmap"),
                                  os.environ.get("ATLAS_TILES_ATTRIBUTION"), os.environ.get("ATLAS_TILES_KEY")), None
    except TilesError as error:
        return None, error.reason
