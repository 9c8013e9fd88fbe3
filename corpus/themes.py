"""Cooperation themes: the fixed slugs of PRODUCT.md, their labels and the terms articles use for them.

Terms are kept per language (fr, en) in data/themes.yaml and matched on word stems (Snowball), so
"gazoducs" finds the term "gazoduc" and "railways" the term "railway"; see `ThemeLexicon`. A
sentence's other words can change what its terms mean (`CUES`: snow closing a pass is no
connectivity, a border post paid for by China is peace and stability, a grant is no investment).
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


# Words that change what a sentence's theme terms mean, after the labelling conventions of the news
# sets (tests/fixtures/news: README.md and the headers of fresh4.yaml and fresh5.yaml); matched like
# terms (word stems; "=word": that form only). See `_after_cues`:
# - weather closing a road or a pass is no connectivity (unless a railway, a pipeline… is named too);
# - security aid, a border post paid for by China or guarded, is peace and stability only (no
#   connectivity, no investment); a pass or a checkpoint in a sentence about security (a drill near
#   the Torugart pass) only locates it: no connectivity;
# - a grant is no investment, unless a loan or an investment is named beside it;
# - a market's quote (a metal's price in London, a currency's rate) is no theme.
CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "quote": {"en": ("Metal Exchange", "London trading", "per dollar", "an ounce", "three-month delivery"),
              "fr": ("Bourse des métaux", "cours mondiaux", "pour un dollar", "l'once"),
              "ru": ("за доллар", "за унцию", "Лондонской бирже"),
              "zh": ("伦敦金属交易所", "兑1美元", "每盎司")},
    "weather": {"en": ("snow", "snowfall", "snowfalls", "snowstorm", "blizzard", "avalanche", "avalanches", "fog", "=icy",
                       "heavy rain", "heavy rains", "Celsius"),
                "fr": ("neige", "=neigeait", "=enneigé", "=enneigée", "=enneigés", "avalanche", "avalanches", "verglas",
                       "brouillard", "blizzard", "tempête de neige"),
                "ru": ("снег", "снегопад", "снегопады", "лавина", "лавины", "гололёд", "гололед", "туман", "метель"),
                "zh": ("降雪", "大雪", "暴雪", "雪崩", "积雪", "大雾")},
    "road": {"en": ("road", "roads", "highway", "motorway"),  # connectivity terms that name a road or a pass
             "fr": ("route", "routes", "autoroute", "col", "cols", "routier"),
             "ru": ("автодорога",),
             "zh": ("公路", "高速公路")},
    "crossing": {"en": ("checkpoint", "checkpoints", "border crossing", "border crossings"),
                 "fr": ("col", "cols", "point de passage", "points de passage"),
                 "ru": ("пункт пропуска",),
                 "zh": ("口岸",)},
    "border post": {"en": ("border post", "border posts", "frontier post", "frontier posts", "outpost", "outposts",
                           "guard post", "guard posts"),
                    "fr": ("poste-frontière", "postes-frontières", "poste frontière", "postes frontières",
                           "poste de garde", "postes de garde", "avant-poste", "avant-postes"),
                    "ru": ("застава", "заставы", "погранзастава", "погранзаставы", "пограничный пост",
                           "пограничные посты"),
                    "zh": ("边防站", "哨所", "边防哨所", "边防检查站")},
    "funding": {"en": ("paid for", "pay for", "pays for", "funded", "financed", "donated", "donation", "=grant", "=grants",
                       "gift", "gifts"),
                "fr": ("financé", "financée", "financés", "financées", "payé", "payés", "offert", "offerts", "=don",
                       "=dons"),
                "ru": ("профинансировал", "профинансировала", "финансирует", "безвозмездно", "грант", "гранты",
                       "подарил", "передал"),
                "zh": ("出资", "资助", "援建", "捐赠", "援助", "无偿", "赠送")},
    "grant": {"en": ("=grant", "=grants", "grant assistance", "donated", "donation", "gift", "gifts"),
              "fr": ("=don", "=dons", "aide gratuite", "aide non remboursable", "titre gracieux"),
              "ru": ("грант", "гранты", "безвозмездно", "безвозмездной", "безвозмездный"),
              "zh": ("无偿", "无偿援助", "赠款", "捐赠", "赠送")},
}


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
        self._slugs = frozenset(themes)
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
        self._cue_keys: dict[str, dict[tuple[str, ...], str]] = {}
        for lang in LANGUAGES:
            cues: dict[tuple[str, ...], str] = {}
            for cue, by_language in CUES.items():
                for word in by_language.get(lang, ()):
                    key = term_key(word, self._stemmers[lang])
                    cues[key] = f"{cues[key]}|{cue}" if key in cues else cue  # a word can be two cues
            self._cue_keys[lang] = cues
        self._cue_prefixes = {lang: {k[:n] for k in keys for n in range(1, len(k) + 1)}
                              for lang, keys in self._cue_keys.items()}

    def find(self, text: str, spans: list[tuple[int, int]], language: str,
             folded: list[str] | None = None) -> list[tuple[str, int, int]]:
        """(theme slug, start, end) of each term in `text`, whose word spans are `spans`
        (and folded words `folded`, if the caller has them), after the sentence's `CUES`."""
        return self.read(text, spans, language, folded)[0]

    def read(self, text: str, spans: list[tuple[int, int]], language: str,
             folded: list[str] | None = None) -> tuple[list[tuple[str, int, int]], frozenset[str]]:
        """`find`'s terms, and the themes the sentence's `CUES` rule out whatever its words or its
        meaning say (the theme model gives none of them to it)."""
        lang = language if language in self._keys else "en"
        stem = self._stemmers[lang]
        stems = [stem(text[s:e]) for s, e in spans]
        folded = folded if folded is not None else [fold_word(text[s:e]) for s, e in spans]
        found = [(slug, start, end) for named, start, end in _scan(self._keys[lang], self._prefixes[lang], stems, folded, spans)
                 for slug in named.split("|")]
        cues: dict[str, list[tuple[int, int]]] = {}
        for named, start, end in _scan(self._cue_keys[lang], self._cue_prefixes[lang], stems, folded, spans):
            for cue in named.split("|"):
                cues.setdefault(cue, []).append((start, end))
        return _after_cues(found, cues, self._slugs)


def _scan(keys: dict[tuple[str, ...], str], prefixes: set[tuple[str, ...]], stems: list[str], folded: list[str],
          spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(value, start, end) of each key found in the words, the longest first; a key whose value is
    empty (a "!phrase") hides what it holds."""
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
            value = keys[tuple(stems[i:i + matched])]
            if value:
                found.append((value, spans[i][0], spans[i + matched - 1][1]))
        elif exact in keys:
            if keys[exact]:
                found.append((keys[exact], *spans[i]))
            matched = 1
        i += max(matched, 1)
    return found


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in others)


def _after_cues(found: list[tuple[str, int, int]], cues: dict[str, list[tuple[int, int]]],
                slugs: frozenset[str]) -> tuple[list[tuple[str, int, int]], frozenset[str]]:
    """The terms a sentence keeps, and the themes (of `slugs`) it cannot have, given its `CUES`."""
    if "quote" in cues:
        return [], slugs
    ruled_out: set[str] = set()
    connectivity = [(s, e) for slug, s, e in found if slug == "connectivity"]
    if "weather" in cues and all(_overlaps(span, cues.get("road", [])) for span in connectivity):
        ruled_out.add("connectivity")  # snow closing a pass or a road: no connectivity
    posts = cues.get("border post", [])
    security = any(slug == "peace-stability" for slug, *_ in found)
    if security and connectivity and all(_overlaps(span, cues.get("crossing", [])) for span in connectivity):
        ruled_out.add("connectivity")  # a drill or a guard near a pass: the pass locates it
    if posts and (security or "funding" in cues or "grant" in cues):
        ruled_out |= {"connectivity", "investment"}  # security aid: peace and stability only
        if not security:
            found = [*found, ("peace-stability", *posts[0])]
    if "grant" in cues and not any(slug == "investment" and not _overlaps((s, e), cues.get("funding", []))
                                   for slug, s, e in found):
        ruled_out.add("investment")  # a grant, not a loan: only the project's theme
    return [term for term in found if term[0] not in ruled_out], frozenset(ruled_out)
