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
Themes are found by word stems in the sentence's language (`corpus.themes.ThemeLexicon`).
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.gazetteer import REGION_TERMS, Gazetteer
from corpus.text import fold_word, words
from corpus.themes import Theme, ThemeLexicon

REGION = "central-asia"
# Words after which a capitalised ambiguous alias is taken for a place ("à Oral", "in Osh").
LOCATIVES = frozenset({"a", "au", "de", "d", "vers", "pres", "depuis", "jusqu", "in", "at", "near", "from", "to",
                       "via", "outside", "around"})
# Gaps allowed inside a multi-word name: spaces, apostrophes, hyphens ("Xi’an", "Nour-Soultan").
_JOINERS = set(" \t\n'’ʼ-‐‑\u00a0\u202f")


@dataclass(frozen=True)
class Mention:
    kind: str  # "country", "place", "region" or "theme"
    key: str  # ISO3, place slug, "central-asia" or theme slug
    start: int  # offsets in the sentence text
    end: int


@dataclass(frozen=True)
class _Entry:
    kind: str
    key: str
    weak: bool = False  # needs evidence
    phrase: bool = False  # "capitale du Kazakhstan": no capital letter needed


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
    def __init__(self, gazetteer: Gazetteer, themes: dict[str, Theme]):
        self.gazetteer = gazetteer
        self._names: dict[tuple[str, ...], list[_Entry]] = {}
        for country in gazetteer.countries.values():
            for alias in country.aliases:
                self._add(_key(alias), _Entry("country", country.iso3))
            names = tuple(a for a in country.aliases if a not in country.adjectives)
            for phrase in capital_phrases(names, country.adjectives):
                self._add(phrase, _Entry("place", country.capital, phrase=True))
        for place in gazetteer.places.values():
            weak = {_key(alias) for alias in place.needs_evidence}
            for alias in place.aliases:
                self._add(_key(alias), _Entry("place", place.slug, _key(alias) in weak))
        for term in REGION_TERMS:
            self._add(_key(term), _Entry("region", REGION))
        self._prefixes = {key[:n] for key in self._names for n in range(1, len(key) + 1)}
        self._first_words = {key[0] for key in self._names}
        self._themes = ThemeLexicon(themes)

    def _add(self, key: tuple[str, ...], entry: _Entry) -> None:
        if key and entry not in self._names.setdefault(key, []):
            self._names[key].append(entry)

    def mentions(self, text: str, language: str = "fr") -> tuple[Mention, ...]:
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
                    if entry.kind == "place" and not entry.phrase and text[spans[i][0]].islower():
                        continue  # journalists capitalise place names: "oral", "bole" are words (Chinese has no case)
                    mention = Mention(entry.kind, entry.key, spans[i][0], spans[i + n - 1][1])
                    (weak if entry.weak else found).append((mention, i) if entry.weak else mention)
        found = _outermost(found)
        for mention, i in weak:
            if self._evident(text, spans, folded, i, mention, found):
                found.append(mention)
        found = _outermost(found)
        found += [Mention("theme", slug, s, e) for slug, s, e in self._themes.find(text, spans, language, folded)]
        return tuple(sorted(found, key=lambda m: (m.start, m.end, m.kind, m.key)))

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
        return folded[i - 1] in LOCATIVES or country_named


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
