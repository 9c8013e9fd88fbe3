"""The close reading on its labelled set: sentence roles, datelines, speakers and summit
attachment, precision and recall per category, with every miss.

Run: .venv/bin/python bench/bench_reading.py [--heldout | --fresh | --fresh2 | --fresh3 | --fresh4 | --fresh5]
(--heldout scores the held-out quarter: once, after the rules are settled. --fresh scores
tests/data/summit_labels_fresh.yaml: ten articles written on 2026-12-02 by a writer who had not
seen the rules, all held out, scored once, then tuned on; --fresh2 scores
tests/data/summit_labels_fresh2.yaml, ten more by a second writer, scored once after that tuning,
then tuned on; --fresh3 a third writer's ten, scored once after tuning on fresh2, then tuned on;
--fresh4 a fourth writer's ten, scored once after tuning on fresh3, then tuned on; --fresh5 a fifth
writer's ten (tests/fixtures/summits_fresh5), scored once after tuning on fresh4.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.reading_quality import evaluate, items, load_labels, read_folders  # noqa: E402

LABELS = ROOT / "tests" / "data" / "summit_labels.yaml"
FOLDERS = [ROOT / "tests" / "fixtures" / "summits", ROOT / "seeds"]
FRESH = {name: (ROOT / "tests" / "data" / f"summit_labels_{name}.yaml", [ROOT / "tests" / "fixtures" / f"summits_{name}"])
         for name in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--heldout", action="store_true", help="score the held-out articles instead")
    parser.add_argument("--fresh", action="store_true", help="score the fresh set (all held out)")
    parser.add_argument("--fresh2", action="store_true", help="score the second fresh set (all held out)")
    parser.add_argument("--fresh3", action="store_true", help="score the third fresh set (all held out)")
    parser.add_argument("--fresh4", action="store_true", help="score the fourth fresh set (all held out)")
    parser.add_argument("--fresh5", action="store_true", help="score the fifth fresh set (all held out)")
    args = parser.parse_args()
    fresh = next((name for name in ("fresh5", "fresh4", "fresh3", "fresh2", "fresh") if getattr(args, name)), None)
    path, folders = FRESH[fresh] if fresh else (LABELS, FOLDERS)
    held_out = args.heldout or bool(fresh)
    labels = load_labels(path)
    reading = read_folders(folders)
    part = fresh or ("held-out" if args.heldout else "tuning")
    print(f"{part} set: {items(labels, held_out)} sentences, {path.relative_to(ROOT)}")
    scores = evaluate(reading, labels, held_out)
    print(f"{'category':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}")
    for category, score in scores.items():
        print(f"{category:<20} {score.true_positives:>4} {len(score.false_positives):>4} "
              f"{len(score.false_negatives):>4} {score.precision:>10.2f} {score.recall:>7.2f}")
    for category, score in scores.items():
        for miss in score.false_positives:
            print(f"  false {category}: {miss}")
        for miss in score.false_negatives:
            print(f"  missed {category}: {miss}")


if __name__ == "__main__":
    main()
