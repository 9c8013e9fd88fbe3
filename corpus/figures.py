"""Key figures the articles state (amounts in dollars, percentages), each with its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.articles import Article
from corpus.excerpts import CorpusIndex, Sentence
from corpus.text import fold

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


def _about(index: CorpusIndex, sentence: Sentence, start: int) -> str:
    """What a figure measures: the theme named closest before it in the sentence, else a survey."""
    before = [m for m in sentence.mentions if m.kind == "theme" and m.end <= start]
    if before:
        return max(before, key=lambda m: m.end).key
    return "survey" if SURVEY.search(fold(sentence.text).text) else ""


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


def corpus_figures(index: CorpusIndex) -> list[Figure]:
    figures = []
    for sentence in index.sentences:
        article = index.corpus.articles[sentence.article_id]
        survey = bool(SURVEY.search(fold(sentence.text).text))
        for match in AMOUNT.finditer(sentence.text):
            if not (match["unit"] or match["dollar"]):
                continue  # "3 millions de personnes" is not money
            scale = "billion" if match["scale"].lower().startswith(("milliard", "billion", "bn", "млрд", "миллиард")) \
                else "million"
            unit = "CNY" if (match["unit"] or "").lower().startswith(("yuan", "юан")) else "USD"
            figures.append(Figure(number(match["value"], article.language), "amount", scale, unit,
                                  _about(index, sentence, match.start()),
                                  nearest_year(sentence.text, *match.span()), article, sentence, match.span()))
        for match in CHINESE_AMOUNT.finditer(sentence.text):
            value = number(match["value"], article.language)
            # in the atlas's scales: 948亿 = 94.8 billion, 3500万 = 35 million
            value, scale = (value / 10, "billion") if match["scale"] == "亿" else (value / 100, "million")
            unit = "USD" if match["unit"] == "美元" else "CNY"
            figures.append(Figure(round(value, 3), "amount", scale, unit, _about(index, sentence, match.start()),
                                  nearest_year(sentence.text, *match.span()), article, sentence, match.span()))
        for match in PERCENT.finditer(sentence.text):
            figures.append(Figure(number(match["value"], article.language), "percent", "", "%",
                                  "survey" if survey else _about(index, sentence, match.start()),
                                  nearest_year(sentence.text, *match.span()), article, sentence, match.span()))
    return figures
