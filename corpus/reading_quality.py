"""Scores the close reading (`corpus.reading`) against a labelled set of sentences: each role,
the dateline, the speaker and the summit, with precision, recall and every miss.
Used by bench/bench_reading.py; the set is tests/data/summit_labels.yaml."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


from corpus.build import build_index
from corpus.quality import Score, load_labelled
from corpus.reading import CorpusReading


# One way of scoring, shared with the recognition's labelled set (corpus/quality.py).
load_labels = load_labelled


def read_folders(folders: list[Path]) -> CorpusReading:
    """The reading of every article in these folders, indexed together in a scratch folder."""
    scratch = Path(tempfile.mkdtemp(prefix="atlas-labels-"))
    try:
        for folder in folders:
            for path in folder.glob("*.md"):
                shutil.copy(path, scratch / path.name)
        return CorpusReading(build_index(scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def evaluate(reading: CorpusReading, labels: list[dict], held_out: bool) -> dict[str, Score]:
    """Scores per category ("role:caption", "dateline", "speaker", "summit") over the articles
    held out (or not)."""
    scores: dict[str, Score] = {}

    def count(category: str, wanted, got, where: str) -> None:
        score = scores.setdefault(category, Score())
        if wanted is not None and wanted == got:
            score.true_positives += 1
            return
        if got is not None:
            score.false_positives.append(f"{got!r} for {wanted!r}: {where}")
        if wanted is not None:
            score.false_negatives.append(f"{wanted!r} as {got!r}: {where}")

    for entry in labels:
        if bool(entry.get("held_out")) != held_out:
            continue
        article = reading.article(entry["article"])
        for label in entry["sentences"]:
            sentence = article.sentences[label["n"]]
            if not " ".join(sentence.text.split()).startswith(" ".join(label["starts"].split())):
                raise ValueError(f"{entry['article']} sentence {label['n']} is now {sentence.text[:40]!r}")
            where = f"{entry['article']}#{label['n']} {sentence.text[:70]!r}"
            role = article.roles[label["n"]]
            for kind in {label["role"], role.kind}:
                count(f"role:{kind}", kind if label["role"] == kind else None, kind if role.kind == kind else None,
                      where)
            count("dateline", True if label.get("dateline") else None, True if role.dateline_end else None, where)
            statement = article.statements[label["n"]]
            count("speaker", label.get("speaker"), statement.slug if statement else None, where)
            count("summit", label.get("event"), article.summits[label["n"]], where)
    return dict(sorted(scores.items()))


def items(labels: list[dict], held_out: bool) -> int:
    return sum(len(e["sentences"]) for e in labels if bool(e.get("held_out")) == held_out)
