"""Write the news-style labelled sentences (tests/fixtures/news/tune.yaml) as articles, one per
`src`, into a folder: a realistic bilingual corpus for the search tests and benches.

Run: .venv/bin/python bench/news_articles.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TUNE = ROOT / "tests" / "fixtures" / "news" / "tune.yaml"


def write_news_articles(folder: Path, labelled: Path = TUNE) -> list[Path]:
    articles: dict[str, list[dict]] = {}
    for item in yaml.safe_load(labelled.read_text(encoding="utf-8")):
        articles.setdefault(item["src"], []).append(item)
    written = []
    for number, (src, items) in enumerate(articles.items()):
        title = items[0]["text"][:90].replace('"', "'")
        body = "\n\n".join(item["text"] for item in items)
        path = folder / f"{src}.md"
        path.write_text(f'---\ntitle: "{title}"\npublished: 2025-{1 + number % 12:02d}-15\n'
                        f'language: {items[0]["lang"]}\nsource: "test fixture"\n---\n\n{body}\n', encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    print(f"{len(write_news_articles(out))} articles in {out}")
