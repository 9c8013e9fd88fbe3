"""Size of the standalone map file (geo/export.py) and the time to make it, for a few views.

Run: .venv/bin/python bench/bench_export.py [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.excerpts import build_index  # noqa: E402
from geo.export import standalone_html  # noqa: E402
from present.settings import tiles_setting
from ui.data import atlas_base_map, atlas_selection  # noqa: E402
from present.view import View  # noqa: E402

VIEWS = [("default view", View()), ("?place=astana", View(place="astana")),
         ("?theme=connectivity", View(theme="connectivity"))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # caches used outside `streamlit run`
    index = build_index(ROOT / "seeds")
    tiles, _ = tiles_setting()  # ATLAS_TILES, as the app reads it
    print("| view | standalone HTML | gzipped | made in (median) |\n|---|---|---|---|")
    for name, view in VIEWS:
        times, html = [], ""
        for _ in range(runs + 1):  # the first fills the caches
            start = time.perf_counter()
            html = standalone_html(atlas_base_map(index, view.lang, tiles, view.until),
                                   atlas_selection(index, view), title="Atlas")
            times.append(time.perf_counter() - start)
        size = len(html.encode("utf-8"))
        print(f"| {name} | {size / 1000:.0f} KB | {len(gzip.compress(html.encode('utf-8'))) / 1000:.0f} KB "
              f"| {statistics.median(times[1:]) * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
