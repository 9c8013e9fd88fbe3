"""Recognition quality on the labelled set: precision and recall per category, with every miss.

Run: .venv/bin/python bench/bench_quality.py [--lang fr|en|ru|zh]
(French and English: tests/data/labelled.yaml; Russian and Chinese: tests/data/labelled_ru_zh.yaml)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.gazetteer import load_gazetteer  # noqa: E402
from corpus.quality import evaluate, load_labelled, table  # noqa: E402
from corpus.recognise import Recogniser  # noqa: E402
from corpus.themes import load_themes  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "labelled.yaml"
LABELLED_RU_ZH = ROOT / "tests" / "data" / "labelled_ru_zh.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("fr", "en", "ru", "zh"))
    args = parser.parse_args()
    path = LABELLED_RU_ZH if args.lang in ("ru", "zh") else LABELLED
    items = [i for i in load_labelled(path) if args.lang in (None, i["lang"])]
    scores = evaluate(Recogniser(load_gazetteer(), load_themes()), items)
    languages = args.lang or "fr+en"
    print(f"Recognition on {len(items)} labelled sentences ({languages}), {path.relative_to(ROOT)}")
    print(table(scores))
    heldout = [i for i in items if i.get("set") == "heldout"]
    if heldout:
        print(f"of which held out (written after the rules were settled): {len(heldout)} sentences")
        print(table(evaluate(Recogniser(load_gazetteer(), load_themes()), heldout)))
    for category, score in scores.items():
        for key, text in score.false_positives:
            print(f"  false {category[:-1] if category != 'region' else category}: {key!r} in {text!r}")
        for key, text in score.false_negatives:
            print(f"  missed {category[:-1] if category != 'region' else category}: {key!r} in {text!r}")


if __name__ == "__main__":
    main()
