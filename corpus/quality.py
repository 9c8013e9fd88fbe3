"""Measure the recogniser against a labelled set (tests/data/labelled.yaml): precision and recall
per category (places, countries, themes, region), counted over (sentence, key) pairs. Sentences are
read as the app reads them, article by article (`Recogniser.in_context`, and the theme model's
article context): the items of one `src`, in file order, are one article; an item without `src` is
an article of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpus.recognise import REGION, Recogniser

CATEGORIES = ("places", "countries", "themes", "region")
_KIND = {"places": "place", "countries": "country", "themes": "theme", "region": "region"}


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)  # (key, sentence)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.false_negatives)
        return self.true_positives / expected if expected else 1.0


def load_labelled(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def expected(item: dict, category: str) -> set[str]:
    if category == "region":
        return {REGION} if item.get("region") else set()
    return set(item.get(category) or ())


def articles(items: list[dict]) -> list[list[int]]:
    """The items' numbers article by article: those of one `src` together, in file order; an item
    without `src` alone."""
    by_source: dict[object, list[int]] = {}
    for number, item in enumerate(items):
        by_source.setdefault(item.get("src") or ("alone", number), []).append(number)
    return list(by_source.values())


def evaluate(recogniser: Recogniser, items: list[dict]) -> dict[str, Score]:
    scores = {category: Score() for category in CATEGORIES}
    analysed: dict[int, tuple] = {}
    article_of = {number: n for n, numbers in enumerate(articles(items)) for number in numbers}
    for language in dict.fromkeys(item["lang"] for item in items):  # one batch through the encoder per language
        batch = [i for i, item in enumerate(items) if item["lang"] == language]
        analysed.update(zip(batch, recogniser.analyse([items[i]["text"] for i in batch], language,
                                                      articles=[article_of[i] for i in batch])))
    for numbers in articles(items):
        analysed.update(zip(numbers, recogniser.in_context([analysed[n] for n in numbers])))
    for number, item in enumerate(items):
        mentions = analysed[number]
        for category in CATEGORIES:
            found = {m.key for m in mentions if m.kind == _KIND[category]}
            wanted = expected(item, category)
            score = scores[category]
            score.true_positives += len(found & wanted)
            score.false_positives += [(key, item["text"]) for key in sorted(found - wanted)]
            score.false_negatives += [(key, item["text"]) for key in sorted(wanted - found)]
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = [f"{'category':<10} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for category, s in scores.items():
        lines.append(f"{category:<10} {s.precision:>9.3f} {s.recall:>7.3f} {s.true_positives:>4} "
                     f"{len(s.false_positives):>4} {len(s.false_negatives):>4}")
    return "\n".join(lines)
