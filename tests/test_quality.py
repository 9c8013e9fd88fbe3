"""Quality gate: precision and recall of the recogniser on the labelled set, per category."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.gazetteer import load_gazetteer
from corpus.quality import CATEGORIES, evaluate, load_labelled
from corpus.recognise import Recogniser
from corpus.themes import load_themes

LABELLED = Path(__file__).parent / "data" / "labelled.yaml"
TARGET = 0.95


@pytest.fixture(scope="module")
def scores():
    return evaluate(Recogniser(load_gazetteer(), load_themes()), load_labelled(LABELLED))


def test_the_labelled_set_is_large_and_bilingual():
    items = load_labelled(LABELLED)
    french = [i for i in items if i["lang"] == "fr"]
    english = [i for i in items if i["lang"] == "en"]
    assert len(items) >= 80 and len(french) >= 40 and len(english) >= 40
    assert all(set(i) <= {"lang", "text", "src", "set", *CATEGORIES} for i in items)


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall_reach_the_target(scores, category):
    score = scores[category]
    assert score.precision >= TARGET, score.false_positives
    assert score.recall >= TARGET, score.false_negatives
