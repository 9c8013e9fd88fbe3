"""Cooperation themes: the fixed slugs of PRODUCT.md, their labels and the terms articles use for them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.gazetteer import reading

THEMES_FILE = Path(__file__).parent / "data" / "themes.yaml"


@dataclass(frozen=True)
class Theme:
    slug: str
    label_en: str
    label_fr: str
    terms: tuple[str, ...]
    code: str = ""
    color: str = "#37474f"

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


def load_themes(path: Path | None = None) -> dict[str, Theme]:
    path = path or THEMES_FILE
    with reading(path):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return {slug: Theme(slug, entry["en"], entry["fr"], tuple(entry["terms"]), entry["code"], entry["color"])
                for slug, entry in data.items()}
