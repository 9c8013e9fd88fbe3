"""The link routes' work in-process (no HTTP): a view's picture drawn (what /preview.png does
once per view, then serves from memory), its head tags, and /view.json, /view.csv and /feed.atom,
for a few views of the seed corpus.

Run: .venv/bin/python bench/bench_links.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.build import build_index  # noqa: E402
from geo.countries import load_shapes  # noqa: E402
from geo.picture import view_picture  # noqa: E402
from present.data import view_csv, view_document, view_feed  # noqa: E402
from present.preview import head_tags, picture_spec, view_preview  # noqa: E402
from present.view import View  # noqa: E402
from web.routes import picture_font  # noqa: E402

VIEWS = [("default view", View()), ("?place=astana", View(place="astana")),
         ("?country=KAZ&theme=connectivity", View(country="KAZ", theme="connectivity"))]
BASE = "https://atlas.example/"


def median_ms(work, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    index, shapes, font = build_index(ROOT / "seeds"), load_shapes(), picture_font()
    view_picture(shapes, picture_spec(View(), index), font)  # warm: the neighbours' shapes, the font
    print("| view | picture drawn | PNG | head tags | view.json | view.csv | feed.atom |\n|---|---|---|---|---|---|---|")
    for name, view in VIEWS:
        picture_ms, png = median_ms(lambda: view_picture(shapes, picture_spec(view, index), font), runs)
        tags_ms, _ = median_ms(lambda: head_tags(view_preview(view, index, BASE.rstrip("/"))), runs)
        json_ms, _ = median_ms(lambda: json.dumps(view_document(view, index, BASE)), runs)
        csv_ms, _ = median_ms(lambda: view_csv(view, index, BASE), runs)
        feed_ms, _ = median_ms(lambda: view_feed(view, index, BASE, BASE + "feed.atom"), runs)
        print(f"| {name} | {picture_ms:.0f} ms | {len(png) / 1000:.0f} KB | {tags_ms:.1f} ms | {json_ms:.1f} ms "
              f"| {csv_ms:.1f} ms | {feed_ms:.1f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
