"""Search by meaning: calibrate and check corpus.query.MEANING_FLOOR on tests/fixtures/news/queries.yaml.

For each English query, the cosine of every French sentence of the news-style tuning set: a
sentence the query is about (`finds`) should pass the floor; one that shares no theme with the
query should not. Prints, per candidate floor, how many wanted sentences pass and how many
unrelated ones do.

Run: .venv/bin/python bench/bench_search.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.meaning import encode  # noqa: E402
from corpus.query import MEANING_BAND, MEANING_FLOOR  # noqa: E402

NEWS = ROOT / "tests" / "fixtures" / "news"


def main() -> None:
    sentences = [i for i in yaml.safe_load((NEWS / "tune.yaml").read_text(encoding="utf-8")) if i["lang"] == "fr"]
    queries = yaml.safe_load((NEWS / "queries.yaml").read_text(encoding="utf-8"))
    vectors = encode([s["text"] for s in sentences])
    wanted, unrelated = [], []
    for query in queries:
        scores = vectors @ encode([query["query"]])[0]
        # what corpus.query.by_meaning compares with the floor: the score, or none if far below the best
        scores = np.where(scores >= scores.max() - MEANING_BAND, scores, 0.0)
        for sentence, score in zip(sentences, scores):
            if any(piece in sentence["text"] for piece in query["finds"]):
                wanted.append(score)
            elif not set(sentence.get("themes") or ()) & set(query["themes"]):
                unrelated.append(score)
    wanted, unrelated = np.array(wanted), np.array(unrelated)
    print(f"{len(queries)} queries, {len(wanted)} wanted and {len(unrelated)} unrelated (query, sentence) pairs")
    print(f"{'floor':>6} {'wanted found':>13} {'unrelated found':>16}")
    for floor in np.arange(0.24, 0.50, 0.02):
        mark = "  <- corpus.query.MEANING_FLOOR" if abs(floor - MEANING_FLOOR) < 1e-6 else ""
        print(f"{floor:>6.2f} {np.mean(wanted >= floor):>13.2f} {int((unrelated >= floor).sum()):>9} of {len(unrelated)}{mark}")


if __name__ == "__main__":
    main()
