"""Recognise what a sentence names: countries (names and adjectives), places of the gazetteer,
the region as a whole, and cooperation themes. One `Recogniser` per gazetteer and lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.gazetteer import REGION_TERMS, Gazetteer
from corpus.text import fold, term_pattern
from corpus.themes import Theme


@dataclass(frozen=True)
class Mention:
    kind: str  # "country", "place", "region" or "theme"
    key: str  # ISO3, place slug, "central-asia" or theme slug
    start: int  # offsets in the sentence text
    end: int


class Recogniser:
    def __init__(self, gazetteer: Gazetteer, themes: dict[str, Theme]):
        self._patterns = self._compile(gazetteer, themes)

    @staticmethod
    def _compile(gazetteer: Gazetteer, themes: dict[str, Theme]) -> list[tuple[str, str, re.Pattern[str]]]:
        entries: list[tuple[str, str, tuple[str, ...]]] = []
        entries += [("country", c.iso3, c.aliases) for c in gazetteer.countries.values()]
        entries += [("place", p.slug, p.aliases) for p in gazetteer.places.values()]
        entries += [("region", "central-asia", REGION_TERMS)]
        entries += [("theme", t.slug, t.terms) for t in themes.values()]
        # "la capitale du Kazakhstan" names Astana without its name.
        for country in gazetteer.countries.values():
            names = "|".join(term_pattern(alias) for alias in country.aliases)
            capital_of = rf"capitale\s+(?:du|de\s+la|de\s+l'|de|d')\s*(?:{names})|capital\s+of\s+(?:the\s+)?(?:{names})"
            entries.append(("place", country.capital, (f"re:{capital_of}",)))
        compiled = []
        for kind, key, terms in entries:
            alternatives = [t[3:] if t.startswith("re:") else term_pattern(t) for t in terms]
            compiled.append((kind, key, re.compile("|".join(f"(?:{a})" for a in alternatives))))
        return compiled

    def mentions(self, text: str, language: str = "fr") -> tuple[Mention, ...]:
        folded = fold(text)
        found = []
        for kind, key, pattern in self._patterns:
            for match in pattern.finditer(folded.text):
                start, end = folded.span_in_original(*match.span())
                found.append(Mention(kind, key, start, end))
        return tuple(sorted(found, key=lambda m: (m.start, m.end)))
