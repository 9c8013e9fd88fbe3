"""Who and where: the six countries, the cities the atlas knows (GeoNames), the hubs, regions and natural
features the news names, and the summit venues."""

from __future__ import annotations

import csv
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
# The region as a whole: a mention of it is weaker evidence for each of the five than a direct one.
REGION_TERMS = ("Asie centrale", "Asie-Centrale", "Central Asia", "Central Asian", "Central Asians", "centrasiatique",
                "centrasiatiques", "centre-asiatique", "centre-asiatiques", "C5",
                # Russian (in its cases) and Chinese
                "Центральная Азия", "Центральной Азии", "Центральную Азию", "Центральной Азией", "ЦА",
                "центральноазиатский", "центральноазиатская", "центральноазиатские", "центральноазиатских",
                "центральноазиатского", "центральноазиатской", "центральноазиатским", "中亚", "中亚五国", "中亚国家",
                "中亚地区")


@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    name_fr: str
    capital: str  # place slug
    aliases: tuple[str, ...]  # names and adjectives, both languages
    adjectives: tuple[str, ...] = ()  # those of `aliases` that are adjectives or demonyms (kazakh, Chinese)
    names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # other languages: ru, zh

    def name(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.names.get(lang) or self.name_en


@dataclass(frozen=True)
class Summit:
    number: int
    dates: str
    name_en: str  # without its dates: the UI writes them in the reader's locale
    name_fr: str
    facts_en: str
    facts_fr: str
    names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # ru: labels_ru.yaml
    other_facts: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def name(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.names.get(lang) or self.name_en

    def facts(self, lang: str) -> str:
        return self.facts_fr if lang == "fr" else self.other_facts.get(lang) or self.facts_en


@dataclass(frozen=True)
class Place:
    slug: str
    name_en: str
    name_fr: str
    country: str  # iso3
    lat: float
    lon: float
    capital: bool
    geonameid: int
    aliases: tuple[str, ...]
    summit: Summit | None = None
    # Those of `aliases` that are also ordinary words or very short (Oral, Nice, Osh): found only
    # with evidence that the text means the place (see corpus.recognise).
    needs_evidence: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # other languages: ru, zh
    # "city"; "hub" (dry port, crossing, Caspian port, junction, mine); "region" (a province or
    # oblast); "feature" (a valley, sea, lake, desert, range, river, pass, gas field). Hubs without a
    # GeoNames entry, regions and features come from hand/features.csv: approximate, drawn as a
    # point (radius 0) or a circle of `radius_km` around their centre.
    kind: str = "city"
    radius_km: float = 0.0

    @property
    def approximate(self) -> bool:
        return self.geonameid == 0

    def name(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.names.get(lang) or self.name_en


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, Country]
    places: dict[str, Place]

    def place_at(self, lat: float, lon: float, tolerance: float = 1e-4) -> Place | None:
        """The place whose marker sits at (lat, lon): a marker click reports the marker's own position."""
        for place in self.places.values():
            if abs(place.lat - lat) <= tolerance and abs(place.lon - lon) <= tolerance:
                return place
        return None


class ReferenceDataError(RuntimeError):
    """A file of corpus/data is missing or unreadable; the message names it and how to restore it."""


@contextmanager
def reading(path: Path):
    """Any failure while reading `path` becomes a ReferenceDataError naming it."""
    try:
        yield path
    except (OSError, ValueError, KeyError, TypeError, AttributeError, csv.Error, yaml.YAMLError) as error:
        raise reference_error(path, f"{type(error).__name__}: {error}") from error


def reference_error(path: Path, problem: str) -> ReferenceDataError:
    problem = (problem.splitlines() or [""])[0][:200]
    return ReferenceDataError(f"Cannot read corpus/data/{path.name} ({problem}). See "
                              f"corpus/data/README.md: restore it with `git checkout -- corpus/data/{path.name}` "
                              f"(places.csv and countries.csv are also rebuilt by `make gazetteer`).")


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


OTHER_LANGUAGES = ("ru", "zh")  # names from names_ru_zh.csv (make names), labels from labels_ru.yaml


def load_other_names(data_dir: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(kind, key) → the row of names_ru_zh.csv: Russian and Chinese names, aliases, adjectives;
    none if the file is absent (the atlas then reads French and English only)."""
    path = data_dir / "names_ru_zh.csv"
    if not path.exists():
        return {}
    with reading(path), open(path, encoding="utf-8", newline="") as handle:
        return {(row["kind"], row["key"]): row for row in csv.DictReader(handle)}


def load_labels_ru(data_dir: Path) -> dict:
    path = data_dir / "labels_ru.yaml"
    if not path.exists():
        return {}
    with reading(path):
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _other(row: dict[str, str], column: str) -> tuple[str, ...]:
    return tuple(alias for lang in OTHER_LANGUAGES for alias in _split(row.get(f"{column}_{lang}") or ""))


def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    data_dir = data_dir or DATA_DIR
    other = load_other_names(data_dir)
    labels_ru = load_labels_ru(data_dir)

    def names(kind: str, key: str) -> dict[str, str]:
        row = other.get((kind, key), {})
        return {lang: row[f"name_{lang}"] for lang in OTHER_LANGUAGES if row.get(f"name_{lang}")}

    with reading(data_dir / "countries.csv") as path, open(path, encoding="utf-8", newline="") as handle:
        countries = {}
        for row in csv.DictReader(handle):
            extra = other.get(("country", row["iso3"]), {})
            adjectives = (*_split(row["adjectives"]), *_other(extra, "adjectives"))
            countries[row["iso3"]] = Country(
                row["iso3"], row["name_en"], row["name_fr"], row["capital"],
                tuple(dict.fromkeys((*_split(row["names"]), *_other(extra, "aliases"), *adjectives))), adjectives,
                names("country", row["iso3"]))
    if missing := set(CENTRAL_ASIA + ("CHN",)) - set(countries):
        raise reference_error(data_dir / "countries.csv", f"lacks {', '.join(sorted(missing))}")
    with reading(data_dir / "summits.yaml") as path:
        summits = {
            entry["place"]: Summit(int(entry["number"]), entry["dates"], entry["name_en"], entry["name_fr"],
                                   entry["facts_en"], entry["facts_fr"],
                                   {"ru": ru["name"]} if (ru := labels_ru.get("summits", {}).get(entry["place"])) else {},
                                   {"ru": ru["facts"]} if ru else {})
            for entry in yaml.safe_load(path.read_text(encoding="utf-8"))
        }
    with reading(data_dir / "places.csv") as path, open(path, encoding="utf-8", newline="") as handle:
        places = {
            row["slug"]: Place(
                slug=row["slug"], name_en=row["name_en"], name_fr=row["name_fr"], country=row["country"],
                lat=float(row["lat"]), lon=float(row["lon"]), capital=row["capital"] == "yes",
                geonameid=int(row["geonameid"]),
                aliases=tuple(dict.fromkeys((row["name_en"], row["name_fr"], *_split(row["aliases"]),
                                             *_other(other.get(("place", row["slug"]), {}), "aliases")))),
                summit=summits.get(row["slug"]),
                needs_evidence=_split(row.get("needs_evidence") or ""),
                kind=row.get("kind") or "city", radius_km=float(row.get("radius_km") or 0),
                names=names("place", row["slug"]),
            )
            for row in csv.DictReader(handle)
        }
    # What the panels look up by these references must be there.
    if missing := ({c.capital for c in countries.values()} | set(summits)) - set(places):
        raise reference_error(data_dir / "places.csv", f"lacks {', '.join(sorted(missing))}")
    if unknown := {p.country for p in places.values()} - set(countries):
        raise reference_error(data_dir / "places.csv", f"names unknown countries {', '.join(sorted(unknown))}")
    return Gazetteer(countries=countries, places=places)
