"""Quality gate: precision and recall of the recogniser (terms and the theme model) per category,
on the labelled sets the rules are tuned on: the seed set and the news-style tuning set. The
held-out set (tests/fixtures/news/heldout.yaml) is not a gate: it is scored once, by hand, with
`bench/bench_quality.py --heldout` (BENCHMARKS.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.gazetteer import load_gazetteer
from corpus.meaning import theme_model
from corpus.quality import CATEGORIES, evaluate, load_labelled
from corpus.recognise import Recogniser
from corpus.themes import load_themes

LABELLED = Path(__file__).parent / "data" / "labelled.yaml"
NEWS = Path(__file__).parent / "fixtures" / "news"
LABELLED_RU_ZH = Path(__file__).parent / "data" / "labelled_ru_zh.yaml"
TARGET = 0.95
# Issue 12's targets for themes (precision, recall): themes by meaning are a judgement, and some
# seed labels are arguable ("Gas from fields near Mary … flows east to China" is not labelled connectivity).
THEME_TARGET = (0.90, 0.85)
SETS = {"seed": LABELLED, "tune": NEWS / "tune.yaml"}


@pytest.fixture(scope="module")
def recogniser():
    return Recogniser(load_gazetteer(), load_themes(), theme_model())


@pytest.fixture(scope="module")
def scores(recogniser):
    return {name: evaluate(recogniser, load_labelled(path)) for name, path in SETS.items()}


def test_the_labelled_sets_are_large_and_bilingual():
    for path, least in ((LABELLED, 80), (NEWS / "tune.yaml", 150), (NEWS / "heldout.yaml", 50)):
        items = load_labelled(path)
        french = [i for i in items if i["lang"] == "fr"]
        english = [i for i in items if i["lang"] == "en"]
        assert len(items) >= least and len(french) >= least // 3 and len(english) >= least // 3, path
        assert all(set(i) <= {"lang", "text", "src", "set", *CATEGORIES} for i in items), path
    tune, heldout = load_labelled(NEWS / "tune.yaml"), load_labelled(NEWS / "heldout.yaml")
    assert not {i["src"] for i in tune} & {i["src"] for i in heldout}  # held out by article
    assert len(heldout) >= 0.2 * (len(tune) + len(heldout))


# The newest set held out: the model never sees it until a newer set has been written and it has
# been scored (then it becomes tuning material: corpus/build_theme_model.py TRAINING says which).
# fresh6 was scored once on 2026-12-02 and is now trained on; fresh7 (a seventh writer's, scored
# once after round 7) is never trained on.
NOT_YET_SCORED = [NEWS / "fresh7.yaml"]


def test_the_theme_model_never_saw_the_newest_held_out_set():
    from corpus.build_theme_model import TRAINING

    unseen = {i["text"] for path in NOT_YET_SCORED for i in load_labelled(path)}
    assert len(unseen) >= 150 and not set(NOT_YET_SCORED) & set(TRAINING)
    assert not unseen & set(theme_model().example_texts)


@pytest.mark.parametrize("labelled", SETS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall_reach_the_target(scores, labelled, category):
    score = scores[labelled][category]
    precision, recall = THEME_TARGET if category == "themes" else (TARGET, TARGET)
    assert score.precision >= precision, score.false_positives
    assert score.recall >= recall, score.false_negatives


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_russian_and_chinese_sets_are_large_with_a_quarter_held_out(lang):
    items = [i for i in load_labelled(LABELLED_RU_ZH) if i["lang"] == lang]
    assert len(items) >= 80 and all(set(i) <= {"lang", "text", "src", "set", *CATEGORIES} for i in items)
    assert sum(i.get("set") == "heldout" for i in items) * 4 >= len(items)


@pytest.mark.parametrize("lang", ["ru", "zh"])
@pytest.mark.parametrize("category", CATEGORIES)
def test_russian_and_chinese_reach_the_target_on_the_sentences_tuned_on(recogniser, lang, category):
    """The held-out quarter is scored in BENCHMARKS.md (bench/bench_quality.py --lang ru|zh), not gated."""
    items = [i for i in load_labelled(LABELLED_RU_ZH) if i["lang"] == lang and i.get("set") != "heldout"]
    score = evaluate(recogniser, items)[category]
    assert score.precision >= 0.9, score.false_positives
    assert score.recall >= 0.9, score.false_negatives
