"""Cooperation themes: the fixed slugs of PRODUCT.md, their labels and the terms articles use for them.

Terms are kept per language (fr, en) in data/themes.yaml and matched on word stems (Snowball), so
"gazoducs" finds the term "gazoduc" and "railways" the term "railway"; see `ThemeLexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import snowballstemmer
import yaml

from corpus.gazetteer import load_labels_ru, reading
from corpus.text import fold, fold_word, words

THEMES_FILE = Path(__file__).parent / "data" / "themes.yaml"
OTHER_TERMS_FILE = "themes_ru_zh.yaml"  # Russian and Chinese terms, beside themes.yaml
LANGUAGES = ("fr", "en", "ru", "zh")
_STEMMER_NAMES = {"fr": "french", "en": "english", "ru": "russian"}  # Chinese words are not stemmed


@dataclass(frozen=True)
class Theme:
    slug: str
    label_en: str
    label_fr: str
    terms: tuple[str, ...]  # every term, both languages
    code: str = ""
    color: str = "#37474f"
    terms_by_language: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # ru: labels_ru.yaml

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.labels.get(lang) or self.label_en


def load_themes(path: Path | None = None) -> dict[str, Theme]:
    path = path or THEMES_FILE
    with reading(path):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        labels_ru = load_labels_ru(path.parent).get("themes", {})
        other_path = path.parent / OTHER_TERMS_FILE
        other_terms = yaml.safe_load(other_path.read_text(encoding="utf-8")) if other_path.exists() else {}
        themes = {}
        for slug, entry in data.items():
            terms = {**entry["terms"], **(other_terms.get(slug) or {})}
            by_language = {lang: tuple(str(term) for term in terms.get(lang, ())) for lang in LANGUAGES}
            every = tuple(dict.fromkeys(term for lang in LANGUAGES for term in by_language[lang]))
            ru = labels_ru.get(slug)
            themes[slug] = Theme(slug, entry["en"], entry["fr"], every, entry["code"], entry["color"], by_language,
                                 {"ru": ru} if ru else {})
        return themes


class Stemmer:
    """Snowball stem of a word, lower-cased, accents removed after stemming; remembered per word."""

    def __init__(self, language: str):
        name = _STEMMER_NAMES.get(language)
        self._stemmer = snowballstemmer.stemmer(name) if name else None
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = fold(self._stemmer.stemWord(word.lower()) if self._stemmer else word).text
            if len(self._cache) < 200_000:
                self._cache[word] = stem
        return stem


def term_key(term: str, stem: Stemmer) -> tuple[str, ...]:
    """What a term matches: its words' stems in order, or ("=", word) for an exact-form term "=word"."""
    if term.startswith("="):
        return ("=", fold(term[1:]).text)
    return tuple(stem(term[s:e]) for s, e in words(term))


class ThemeLexicon:
    """Finds theme terms in a sentence, by stem sequences in the sentence's language."""

    def __init__(self, themes: dict[str, Theme]):
        self._stemmers = {lang: Stemmer(lang) for lang in LANGUAGES}
        self._keys: dict[str, dict[tuple[str, ...], str]] = {}
        for lang in LANGUAGES:
            keys: dict[tuple[str, ...], str] = {}
            # "!solar farm": a phrase that is not this theme although it holds one of its terms; another
            # theme's term wins over it ("!Export-Import Bank" under trade is investment's term); a term
            # listed under two themes gives both ("Digital Silk Road")
            for negative in (False, True):
                for theme in themes.values():
                    for term in theme.terms_by_language.get(lang, ()):
                        if term.startswith("!") != negative:
                            continue
                        key = term_key(term.lstrip("!"), self._stemmers[lang])
                        if negative:
                            keys.setdefault(key, "")
                        elif theme.slug not in keys.get(key, "").split("|"):
                            keys[key] = f"{keys[key]}|{theme.slug}" if key in keys else theme.slug
            self._keys[lang] = keys
        self._prefixes = {lang: {k[:n] for k in keys for n in range(1, len(k) + 1)} for lang, keys in self._keys.items()}

    def find(self, text: str, spans: list[tuple[int, int]], language: str,
             folded: list[str] | None = None) -> list[tuple[str, int, int]]:
        """(theme slug, start, end) of each term in `text`, whose word spans are `spans`
        (and folded words `folded`, if the caller has them)."""
        lang = language if language in self._keys else "en"
        keys, stem, prefixes = self._keys[lang], self._stemmers[lang], self._prefixes[lang]
        stems = [stem(text[s:e]) for s, e in spans]
        folded = folded if folded is not None else [fold_word(text[s:e]) for s, e in spans]
        found = []
        i = 0
        while i < len(spans):
            exact = ("=", folded[i])
            matched = 0
            for n in range(1, len(spans) - i + 1):  # the longest term starting here wins
                key = tuple(stems[i:i + n])
                if key not in prefixes:
                    break
                if key in keys:
                    matched = n
            if matched:
                slugs = keys[tuple(stems[i:i + matched])]
                if slugs:
                    found += [(slug, spans[i][0], spans[i + matched - 1][1]) for slug in slugs.split("|")]
            elif exact in keys:
                if keys[exact]:
                    found += [(slug, *spans[i]) for slug in keys[exact].split("|")]
                matched = 1
            i += max(matched, 1)
        return found
