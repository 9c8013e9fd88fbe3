"""Key figures the articles state (amounts in dollars, percentages), each with its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.articles import Article
from corpus.excerpts import CorpusIndex, Sentence
from corpus.text import fold

AMOUNT = re.compile(
    r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<scale>milliards?|millions?|billions?|millions?|bn)\s+(?:de\s+)?"
    r"(?P<unit>dollars|usd|\$|us dollars|yuans?)", re.I)
PERCENT = re.compile(r"(?P<value>\d+(?:[.,]\d+)?)\s*(?:%|pour\s*cent|per\s*cent|percent)", re.I)
YEAR = re.compile(r"(?<![\w/-])((?:19|20)\d\d)(?![\w/-])")
SURVEY = re.compile(r"sondage|interroge|survey|respondent|poll")


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


def corpus_figures(index: CorpusIndex) -> list[Figure]:
    figures = []
    for sentence in index.sentences:
        article = index.corpus.articles[sentence.article_id]
        years = YEAR.findall(sentence.text)
        for match in AMOUNT.finditer(sentence.text):
            scale = "billion" if match["scale"].lower().startswith(("milliard", "billion", "bn")) else "million"
            unit = "CNY" if match["unit"].lower().startswith("yuan") else "USD"
            after = YEAR.search(sentence.text, match.end())
            figures.append(Figure(float(match["value"].replace(",", ".")), "amount", scale, unit,
                                  _about(index, sentence, match.start()),
                                  after.group(1) if after and after.start() - match.end() < 12 else "",
                                  article, sentence, match.span()))
        for match in PERCENT.finditer(sentence.text):
            figures.append(Figure(float(match["value"].replace(",", ".")), "percent", "", "%",
                                  "survey" if SURVEY.search(fold(sentence.text).text) else _about(index, sentence, match.start()),
                                  years[0] if years else "", article, sentence, match.span()))
    return figures
