"""Recognise what a sentence names: countries (names and adjectives), places of the gazetteer,
the region as a whole, and cooperation themes. One `Recogniser` per gazetteer and lexicon.

Names are looked up word by word (accent-, case- and apostrophe-folded word sequences), so
"d’Astana", "PÉKIN", "Xi'an" and "Xi’an" all match, and "Chine" is never found inside "machine".
A place is found only where its name is capitalised ("Oral", not "oral"). A place alias that is also an ordinary word or very short (`Place.needs_evidence`: "Oral",
"Osh") counts only with evidence that the sentence means the place: written with a capital,
not as the sentence's first word, and either after a word of location ("à", "in", "near"…) or
in a sentence that also names the place's country; or as an upper-case dateline ("ORAL, 3 mai").
What journalists mean without naming is found too: "la capitale du Kazakhstan", "the Kazakh
capital" → Astana; "le président kazakh" → Kazakhstan (an adjective is a country mention).
Themes are found by word stems in the sentence's language (`corpus.themes.ThemeLexicon`) and, in
`analyse`, by meaning too (`corpus.meaning.ThemeModel`: a sentence close to labelled examples of a
theme); a theme found by meaning only is a mention with an empty span (nothing to highlight).
An article is read as a whole (`article`): where it never names both sides of the cooperation,
China and Central Asia (`names_both_sides`), it gets no theme (a sentence read alone keeps its
theme terms, not the model's guesses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.gazetteer import CENTRAL_ASIA, REGION_TERMS, Gazetteer
from corpus.meaning import MODEL_LANGUAGES, ThemeModel, VectorCache
from corpus.text import fold_word, words
from corpus.themes import Theme, ThemeLexicon

REGION = "central-asia"
# Words after which a capitalised ambiguous alias is taken for a place ("à Oral", "in Osh").
LOCATIVES = frozenset({"a", "au", "de", "d", "vers", "pres", "depuis", "jusqu", "in", "at", "near", "from", "to",
                       "via", "outside", "around"})
# Gaps allowed inside a multi-word name: spaces, apostrophes, hyphens ("Xi’an", "Nour-Soultan").
_JOINERS = set(" \t\n'’ʼ-‐‑\u00a0\u202f")
# Sentences of one article that go through the sentence encoder (the rest: theme terms alone).
MEANING_PER_ARTICLE = 2_000


@dataclass(frozen=True)
class Mention:
    kind: str  # "country", "place", "region" or "theme"
    key: str  # ISO3, place slug, "central-asia" or theme slug
    start: int  # offsets in the sentence text
    end: int


@dataclass(frozen=True)
class _Entry:
    kind: str
    key: str  # "" for a phrase that names no place although it holds a place's name
    weak: bool = False  # needs evidence
    phrase: bool = False  # "capitale du Kazakhstan": no capital letter needed
    capital_at: int = 0  # the word that must be capitalised: "mer d'Aral" → 2 (Aral)
    name: bool = False  # a country's name, not an adjective: capitalised ("china" is porcelain)


# Phrases that hold a place's name but name no place (an organisation named after a city).
NOT_PLACES = ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "Organisation de coopération de Shanghai",
              "Organisation de Shanghai", "Shanghai Five", "Groupe de Shanghai", "Manas airport", "Manas International Airport")
# "в Костанайской и Акмолинской областях", "Бухарской и Самаркандской областей"
RUSSIAN_REGIONS = re.compile(
    r"(?P<first>(?P<firststem>[А-ЯЁ][\w-]+?)(?:ой|ая|ую|ою))\s+и\s+(?P<second>(?P<secondstem>[А-ЯЁ][\w-]+?)(?:ой|ая|ую|ою))"
    r"\s+област(?:ях|ей|ям|ями|и)\b")
# A city's name next to one of these words names the region, valley or range, not the city:
# "the Zhambyl region", "la région de Djizak", "the Fergana range" (known ones are places of their own).
AREA_AFTER = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces", "valley", "range", "mountains",
                        "desert", "pass", "basin", "river", "county", "prefecture", "field", "lake"})
AREA_BEFORE = frozenset({"region", "regions", "oblast", "province", "vallee", "desert", "col", "bassin", "fleuve", "lac",
                         "prefecture", "gisement", "monts", "chaine"})
AREA_LINKS = frozenset({"de", "du", "d", "des", "la", "l"})
# A name right after a title or a common Chinese surname is a person's: "Sun Zhongshan", "Wang Jinhua".
TITLES = frozenset({"president", "presidente", "minister", "ministre", "mr", "mrs", "ms", "m", "mme", "dr", "general",
                    "ambassador", "ambassadeur", "premier", "mayor", "maire", "professor", "professeur"})
SURNAMES = frozenset({"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
                      "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng",
                      "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du",
                      "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "cui", "qin", "fan", "fu", "xi"})


def _key(term: str) -> tuple[str, ...]:
    return tuple(fold_word(term[s:e]) for s, e in words(term))


def capital_phrases(names: tuple[str, ...], adjectives: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Word sequences naming a country's capital without naming it: "capitale du Kazakhstan",
    "la capitale kazakhe", "capital of Kazakhstan", "the Kazakh capital"."""
    phrases = []
    for name in map(_key, names):
        for lead in (("capitale", "du"), ("capitale", "de", "la"), ("capitale", "de", "l"), ("capitale", "de"),
                     ("capitale", "d"), ("capital", "of"), ("capital", "of", "the")):
            phrases.append((*lead, *name))
        phrases.append(("the", *name, "capital"))
        phrases += [(lead, *name) for lead in RUSSIAN_CAPITAL] + [(*name, "首都")]  # столица Казахстана, 哈萨克斯坦首都
    for adjective in map(_key, adjectives):
        phrases += [("capitale", *adjective), ("the", *adjective, "capital")]
    return phrases


# "столица Казахстана" in its cases (the country's genitive is among its aliases: names_ru_zh.csv).
RUSSIAN_CAPITAL = ("столица", "столицы", "столице", "столицу", "столицеи", "столицею")


class Recogniser:
    def __init__(self, gazetteer: Gazetteer, themes: dict[str, Theme], model: ThemeModel | None = None):
        """`model`: themes by meaning as well as by terms (in `analyse`); None: terms only."""
        self.gazetteer = gazetteer
        self.model = model
        self._names: dict[tuple[str, ...], list[_Entry]] = {}
        for country in gazetteer.countries.values():
            for alias in country.aliases:
                self._add(_key(alias), _Entry("country", country.iso3, name=alias not in country.adjectives))
            names = tuple(a for a in country.aliases if a not in country.adjectives)
            for phrase in capital_phrases(names, country.adjectives):
                self._add(phrase, _Entry("place", country.capital, phrase=True))
        for place in gazetteer.places.values():
            weak = {_key(alias) for alias in place.needs_evidence}
            for alias in place.aliases:
                self._add(_key(alias), _Entry("place", place.slug, _key(alias) in weak, capital_at=_capital_at(alias)))
        for phrase in NOT_PLACES:
            self._add(_key(phrase), _Entry("place", ""))
        for term in REGION_TERMS:
            self._add(_key(term), _Entry("region", REGION))
        # a region by its base name, for "the Naryn and Jalal-Abad regions" (each a region of its own)
        self._region_of: dict[tuple[str, ...], str] = {}
        for place in gazetteer.places.values():
            if place.kind == "region":
                for alias in place.aliases:
                    base, _, area = alias.rpartition(" ")
                    if base and area.lower() in ("region", "oblast", "province"):
                        self._region_of.setdefault(_key(base), place.slug)
        self._russian_region_of: dict[str, str] = {}  # "костанайск" → kostanayregion
        for place in gazetteer.places.values():
            name = place.name("ru")
            if place.kind == "region" and name.endswith("ая область"):
                self._russian_region_of.setdefault(name.split()[0][:-2].lower(), place.slug)
        self._prefixes = {key[:n] for key in self._names for n in range(1, len(key) + 1)}
        self._first_words = {key[0] for key in self._names}
        self._themes = ThemeLexicon(themes)

    def _add(self, key: tuple[str, ...], entry: _Entry) -> None:
        if key and entry not in self._names.setdefault(key, []):
            self._names[key].append(entry)

    def mentions(self, text: str, language: str = "fr") -> tuple[Mention, ...]:
        return self._read(text, language)[0]

    def _read(self, text: str, language: str) -> tuple[tuple[Mention, ...], frozenset[str]]:
        """The sentence's mentions, and the themes its words rule out (`corpus.themes.CUES`)."""
        spans = words(text)
        folded = [fold_word(text[s:e]) for s, e in spans]
        found: list[Mention] = []
        weak: list[tuple[Mention, int]] = []
        for i in range(len(spans)):
            if folded[i] not in self._first_words:
                continue
            for n in range(1, len(spans) - i + 1):
                key = tuple(folded[i:i + n])
                if key not in self._prefixes or n > 1 and not set(text[spans[i + n - 2][1]:spans[i + n - 1][0]]) <= _JOINERS:
                    break
                for entry in self._names.get(key, ()):
                    if entry.kind == "place" and not entry.phrase and text[spans[i + entry.capital_at][0]].islower():
                        continue  # journalists capitalise place names: "oral", "bole" are words (Chinese has no case)
                    if entry.name and text[spans[i][0]].islower():
                        continue  # "fine bone china"
                    mention = Mention(entry.kind, entry.key, spans[i][0], spans[i + n - 1][1])
                    (weak if entry.weak else found).append((mention, i) if entry.weak else mention)
        found = _outermost(found)
        for mention, i in weak:
            if self._evident(text, spans, folded, i, mention, found):
                found.append(mention)
        kept = []
        for m in _outermost(found):
            if m.kind == "place" and not m.key:
                continue  # a name that is not a place ("Shanghai Cooperation Organisation")
            if m.kind == "place" and not self._means_place(text, spans, folded, m):
                m = self._as_region(text, spans, folded, m)
            if m is not None:
                kept.append(m)
        found = kept
        if language == "ru":
            found += [m for m in self._russian_regions(text) if not any(k.start <= m.start < k.end for k in found)]
        terms, ruled_out = self._themes.read(text, spans, language, folded)
        found += [Mention("theme", slug, s, e) for slug, s, e in terms]
        return tuple(sorted(found, key=lambda m: (m.start, m.end, m.kind, m.key))), ruled_out

    def analyse(self, texts: list[str], language: str = "fr", vectors: VectorCache | None = None,
                articles=None) -> list[tuple[Mention, ...]]:
        """`mentions` of each text, with the themes the model finds by meaning added in the languages
        it was trained on (one batch through the encoder; `vectors` keeps each sentence's vector so
        it is encoded once). The model reads each sentence with its article's context
        (`corpus.meaning.with_context`): `articles` gives an article key per text, the texts of one
        article in order; None: the texts are one article."""
        read = [self._read(text, language) for text in texts]
        found = [mentions for mentions, _ in read]
        if self.model is None or not texts:
            return found
        # bounded work per article: a 1 MB file of 50,000 lines would take minutes through the encoder;
        # the vectors are kept in every language (search by meaning), themes given only in the model's
        by_meaning = self.model.themes((vectors or VectorCache(None)).vectors(list(texts), MEANING_PER_ARTICLE), articles)
        if language not in MODEL_LANGUAGES:
            return found
        for i, themes in enumerate(by_meaning):
            have = {m.key for m in found[i] if m.kind == "theme"} | read[i][1]  # found, or ruled out by its words
            extra = tuple(Mention("theme", t.slug, 0, 0) for t in themes if t.slug not in have)
            if extra:
                found[i] = tuple(sorted(found[i] + extra, key=lambda m: (m.start, m.end, m.kind, m.key)))
        return found

    def article(self, texts: list[str], language: str = "fr", vectors: VectorCache | None = None,
                title: str = "") -> list[tuple[Mention, ...]]:
        """`analyse` of an article's sentences, read as one article (with its title, if any): see
        `in_context`."""
        found = self.analyse(texts, language, vectors)
        return self.in_context(found, self.mentions(title, language) if title else ())

    def in_context(self, found: list[tuple[Mention, ...]], title: tuple[Mention, ...] = ()) -> list[tuple[Mention, ...]]:
        """An article's mentions, sentence by sentence, without themes where the article (its `title`
        too) never names both China and Central Asia: local news (a pottery workshop selling to Tokyo,
        a trail race, a French group's uranium results) is no China–Central Asia cooperation, though
        the model, reading one sentence at a time, finds "visitors" or "online" in it, and terms find
        "uranium" (tests/fixtures/news/CONVENTION.md, §2 Context). A sentence read alone keeps its
        theme terms (only the themes found by meaning alone go): a lone sentence carries no article to
        judge by. Measured on every labelled set (BENCHMARKS.md): a window of sentences instead of the
        whole article cost recall; dropping a lone sentence's terms too cost recall (seed and ru/zh
        sentences read alone); dropping an article's terms as well as the model's themes gained
        precision out of fold once fresh6 was trained on, for a thousandth of recall (an article naming
        China only through a firm, CNPC or BYD, loses its themes)."""
        if self.names_both_sides([title, *found]):
            return found
        if len(found) > 1:
            return [tuple(m for m in mentions if m.kind != "theme") for mentions in found]
        return [tuple(m for m in mentions if m.kind != "theme" or m.end > m.start) for mentions in found]

    def names_both_sides(self, found) -> bool:
        """Whether these sentences' mentions name China (by name, adjective or one of its places) and
        Central Asia (one of the five the same ways, or the region as a whole)."""
        china = central_asia = False
        for mentions in found:
            for m in mentions:
                country = m.key if m.kind == "country" else self.gazetteer.places[m.key].country if m.kind == "place" else ""
                china = china or country == "CHN"
                central_asia = central_asia or country in CENTRAL_ASIA or m.kind == "region"
                if china and central_asia:
                    return True
        return False

    def _russian_regions(self, text: str) -> list[Mention]:
        """Two regions under one plural word, in Russian: "в Костанайской и Акмолинской областях"
        (each region's name is its adjective and область, declined)."""
        found = []
        for match in RUSSIAN_REGIONS.finditer(text):
            for group in ("first", "second"):
                slug = self._russian_region_of.get(match.group(group + "stem").lower())
                if slug:
                    found.append(Mention("place", slug, match.start(group), match.end(group)))
        return found

    def _as_region(self, text: str, spans, folded: list[str], mention: Mention) -> Mention | None:
        """A city's name that names an area: its region when two are named with one plural area word
        ("the Naryn and Jalal-Abad regions"); else nothing (the area is not the city)."""
        first = next(n for n, (s, _) in enumerate(spans) if s == mention.start)
        last = next(n for n, (_, e) in enumerate(spans) if e == mention.end)
        plural = {"regions", "oblasts", "provinces"}
        ahead = folded[last + 1:last + 6]
        behind = folded[max(0, first - 8):first]
        # "the Naryn and Jalal-Abad regions"; "les régions de Boukhara et de Samarcande"
        english = ahead[:1] and ahead[0] in plural or ahead[:1] and ahead[0] in ("and", "et") and any(
            w in plural for w in ahead[1:])
        french = behind[-1:] and behind[-1] in AREA_LINKS and any(w in plural for w in behind)
        if not (english or french):
            return None
        region = self._region_of.get(_key(text[mention.start:mention.end]))
        return Mention("place", region, mention.start, mention.end) if region else None

    def _means_place(self, text: str, spans, folded: list[str], mention: Mention) -> bool:
        """False for a city's name that names its region, valley or range ("the Zhambyl region",
        "la région de Djizak", "Naryn and Jalal-Abad regions") or a person ("Sun Zhongshan")."""
        if self.gazetteer.places[mention.key].kind != "city" and self.gazetteer.places[mention.key].kind != "hub":
            return True
        first = next(n for n, (s, _) in enumerate(spans) if s == mention.start)
        last = next(n for n, (_, e) in enumerate(spans) if e == mention.end)
        after = folded[last + 1:last + 5]
        if after[:1] and after[0] in AREA_AFTER:
            return False
        # "Naryn and Jalal-Abad regions": a name, "and", one to three capitalised words, a plural area word
        if after[:1] and after[0] in ("and", "et") and any(w in ("regions", "oblasts", "provinces") for w in after[1:]):
            return False
        if (first >= 2 and folded[first - 1] in AREA_LINKS and folded[first - 2] in AREA_BEFORE
                and text[spans[first - 2][1]:spans[first - 1][0]].strip() == ""):
            return False  # "la région de Djizak", not "de la région, de Bichkek à Achgabat"
        if first >= 2 and folded[first - 1] in AREA_LINKS and folded[first - 2] == "et" and any(
                w in ("regions", "oblasts", "provinces") for w in folded[max(0, first - 8):first - 2]):
            return False  # "les régions de Boukhara et de Samarcande": the second region too
        if first >= 1 and folded[first - 1] in AREA_BEFORE:
            return False
        if first >= 1 and text[spans[first - 1][1]:spans[first][0]] == " " and text[spans[first - 1][0]].isupper():
            before = folded[first - 1]
            if before in TITLES or before in SURNAMES:
                return False
        return True

    def _evident(self, text, spans, folded, i, mention: Mention, found: list[Mention]) -> bool:
        written = text[mention.start:mention.end]
        after = text[mention.end:mention.end + 3]
        country = self.gazetteer.places[mention.key].country
        country_named = any(m.kind == "country" and m.key == country
                            or m.kind == "place" and self.gazetteer.places[m.key].country == country for m in found)
        if i == 0:
            # a dateline: "ORAL, 3 mai 2025 (Xinhua) --"; or in apposition: "Oral, capitale du Kazakhstan-Occidental"
            dateline = written.isupper() and len(written) > 1 and after[:1] == "," and any(c.isdigit() for c in after)
            return dateline or (after[:1] == "," and country_named)
        if not written[:1].isupper() or written.isupper() and len(written) <= 3:
            return False
        before = text[spans[i - 1][0]:spans[i - 1][1]]
        if before[:1].isupper() and text[spans[i - 1][1]:spans[i][0]] == " " and folded[i - 1] not in LOCATIVES:
            return False  # after a capitalised word: a name's surname ("Mehmet Oral", "Mary Cole" aside)
        return folded[i - 1] in LOCATIVES or country_named


def _capital_at(alias: str) -> int:
    """Which word of an alias must be capitalised in the text: the first that is in the alias."""
    spans = words(alias)
    return next((n for n, (s, _) in enumerate(spans) if alias[s].isupper()), 0)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop a place found inside a longer place name ("Xi" in "Xi'an" if "Xi" were a place), and
    the same mention twice; a country inside "capitale du Kazakhstan" stays."""
    kept = []
    for m in dict.fromkeys(mentions):
        inside = any(o is not m and o.kind == m.kind and o.start <= m.start and m.end <= o.end
                     and (o.start, o.end) != (m.start, m.end) for o in mentions)
        if not inside:
            kept.append(m)
    return kept
