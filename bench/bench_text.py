"""Speed of the text pipeline the index runs on every paragraph: sentence splitting (pysbd) and
recognition (names, capital phrases, theme stems), on a generated corpus (bench/make_corpus.py).

Run: .venv/bin/python bench/bench_text.py [--count 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.make_corpus import write_corpus  # noqa: E402
from corpus.articles import load_corpus  # noqa: E402
from corpus.gazetteer import load_gazetteer  # noqa: E402
from corpus.recognise import Recogniser  # noqa: E402
from corpus.text import split_sentences  # noqa: E402
from corpus.themes import load_themes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = load_corpus(write_corpus(args.count, Path(folder) / "corpus"))
    paragraphs = [(p, a.language) for a in corpus.articles.values() for p in a.paragraphs]
    start = time.perf_counter()
    recogniser = Recogniser(load_gazetteer(), load_themes())
    built = time.perf_counter() - start

    start = time.perf_counter()
    sentences = [(p[s:e], lang) for p, lang in paragraphs for s, e in split_sentences(p, lang)]
    split = time.perf_counter() - start

    start = time.perf_counter()
    mentions = sum(len(recogniser.mentions(text, lang)) for text, lang in sentences)
    recognised = time.perf_counter() - start

    per_paragraph = split / len(paragraphs) * 1000
    per_sentence = recognised / len(sentences) * 1000
    print(f"{args.count} articles, {len(paragraphs)} paragraphs, {len(sentences)} sentences, {mentions} mentions")
    print(f"recogniser built in {built * 1000:.0f} ms")
    print(f"split_sentences: {per_paragraph:.3f} ms per paragraph ({split:.2f} s)")
    print(f"mentions:        {per_sentence:.3f} ms per sentence ({recognised:.2f} s)")
    print(f"estimate for 10,000 articles × 6 paragraphs: split {per_paragraph * 60:.0f} s, "
          f"recognise {per_sentence * 60_000 * len(sentences) / len(paragraphs) / 1000:.0f} s")


if __name__ == "__main__":
    main()
