"""Key figures the articles state (amounts in dollars, percentages), each with its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpus.articles import Article
from corpus.text import fold

if TYPE_CHECKING:  # the analysis imports this module; the index is only what it is handed
    from corpus.excerpts import CorpusIndex, Sentence

# A number: digits with thousands separated by a space, thin space, comma or period, and a decimal part.
_NUMBER = r"(?<![\d.,])(?P<value>\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
AMOUNT = re.compile(
    rf"(?P<dollar>\$\s?)?{_NUMBER}\s*(?P<scale>milliards?|millions?|billions?|bn|млрд\.?|млн\.?|миллиард(?:а|ов)?"
    r"|миллион(?:а|ов)?)"
    r"(?:\s+(?:de\s+|d')?(?P<unit>dollars? américains|dollars|usd|u\.s\. dollars|us dollars|yuans?"
    r"|долларов сша|долларов|доллара|долл\.|юаней|юаня))?", re.I)
# Chinese amounts: 948亿美元 (亿 = 10⁸, 万 = 10⁴), 30亿元人民币
CHINESE_AMOUNT = re.compile(rf"{_NUMBER}\s*(?P<scale>亿|万)\s*(?P<unit>美元|元人民币|元|人民币)")
PERCENT = re.compile(rf"{_NUMBER}\s*(?:%|％|pour\s*cent|per\s*cent|percent|процент(?:а|ов)?)(?!\w)", re.I)
YEAR = re.compile(r"(?<![\dA-Za-z/-])((?:19|20)\d\d)(?![\dA-Za-z/-])")  # 2024年, в 2024г. too
SURVEY = re.compile(r"sondage|interroge|survey|respondent|poll|опрос|调查|民调")


@dataclass(frozen=True)
class Figure:
    value: float
    kind: str  # "amount" or "percent"
    scale: str  # "billion", "million" or "" (percentages)
    unit: str  # "USD", "CNY" or "%"
    about: str  # a theme slug, "survey", or "" when the sentence does not say
    year: str  # the year stated in the sentence, or ""
    article: Article
    sentence: Sentence
    span: tuple[int, int]  # the figure's words in the sentence


@dataclass(frozen=True)
class Stated:
    """A figure as the analysis finds it in a sentence (and the store keeps it)."""
    value: float
    kind: str
    scale: str
    unit: str
    about: str
    year: str
    span: tuple[int, int]


def _about(mentions, survey: bool, start: int) -> str:
    """What a figure measures: the theme named closest before it in the sentence, else a survey."""
    before = [m for m in mentions if m.kind == "theme" and m.end <= start]
    if before:
        return max(before, key=lambda m: m.end).key
    return "survey" if survey else ""


def number(text: str, language: str) -> float:
    """'94,8' (fr, ru) or '94.8' (en, zh); '1 200', '1,200' (en), '1.200' (fr) are thousands."""
    decimal = "," if language in ("fr", "ru") else "."
    grouping = "." if language in ("fr", "ru") else ","
    cleaned = re.sub(r"[\u00a0\u202f ]", "", text).replace(grouping, "")
    return float(cleaned.replace(decimal, "."))


def nearest_year(text: str, start: int, end: int) -> str:
    """The year written closest to a figure, on either side, within its clause."""
    years = [(min(abs(m.start() - end), abs(start - m.end())), m.group(1)) for m in YEAR.finditer(text)]
    near = [year for distance, year in sorted(years) if distance <= 40]
    return near[0] if near else ""


def figures_in(text: str, mentions, language: str, folded: str | None = None) -> list[Stated]:
    """The amounts and percentages a sentence states (`mentions`: what it names, for what they
    measure; `folded`: fold(text).text, if the caller has it)."""
    figures = []
    survey = bool(SURVEY.search(folded if folded is not None else fold(text).text))
    for match in AMOUNT.finditer(text):
        if not (match["unit"] or match["dollar"]):
            continue  # "3 millions de personnes" is not money
        scale = "billion" if match["scale"].lower().startswith(("milliard", "billion", "bn", "млрд", "миллиард")) \
            else "million"
        unit = "CNY" if (match["unit"] or "").lower().startswith(("yuan", "юан")) else "USD"
        figures.append(Stated(number(match["value"], language), "amount", scale, unit,
                              _about(mentions, survey, match.start()), nearest_year(text, *match.span()), match.span()))
    for match in CHINESE_AMOUNT.finditer(text):
        value = number(match["value"], language)
        # in the atlas's scales: 948亿 = 94.8 billion, 3500万 = 35 million
        value, scale = (value / 10, "billion") if match["scale"] == "亿" else (value / 100, "million")
        unit = "USD" if match["unit"] == "美元" else "CNY"
        figures.append(Stated(round(value, 3), "amount", scale, unit, _about(mentions, survey, match.start()),
                              nearest_year(text, *match.span()), match.span()))
    for match in PERCENT.finditer(text):
        figures.append(Stated(number(match["value"], language), "percent", "", "%",
                              "survey" if survey else _about(mentions, survey, match.start()),
                              nearest_year(text, *match.span()), match.span()))
    return figures


class Figures(Sequence):
    """The figures the store keeps for the corpus's sentences, in corpus order, each read when asked for."""

    def __init__(self, index: CorpusIndex):
        self._index = index

    def __len__(self) -> int:
        return self._index.figure_count()

    def _first(self, n: int | None) -> list[Figure]:
        return [Figure(f.value, f.kind, f.scale, f.unit, f.about, f.year, self._index.corpus.articles[s.article_id],
                       s, f.span) for s, f in self._index.figures(n)]

    def __getitem__(self, item):
        if isinstance(item, slice):
            if item.step in (None, 1) and item.stop is not None and item.stop >= 0 and (item.start or 0) >= 0:
                return self._first(item.stop)[item.start or 0:]
            return self._first(None)[item]
        return (self._first(item + 1) if item >= 0 else self._first(None))[item]


def corpus_figures(index: CorpusIndex) -> Figures:
    return Figures(index)
