"""Warm rerun time of each page under streamlit.testing.v1.AppTest, against an empty page,
and the size of the map the browser is sent.

Run: .venv/bin/python bench/bench_apptest.py [--runs N]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    ("home page, default view", "app.py", {}),
    ("home page, ?country=KAZ", "app.py", {"country": "KAZ"}),
    ("home page, ?place=astana&theme=trade", "app.py", {"place": "astana", "theme": "trade"}),
    ("home page, ?q=coopération", "app.py", {"q": "coopération"}),
    ("timeline page", "app.py", {"page": "pages/timeline.py"}),
    ("themes page", "app.py", {"page": "pages/themes.py"}),
    ("about page", "app.py", {"page": "pages/about.py"}),
    ("empty page (baseline)", "bench/empty_app.py", {}),
]


def warm_rerun(script: str, params: dict[str, str], runs: int) -> tuple[float, AppTest]:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    params = dict(params)
    page = params.pop("page", None)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    at.run()
    at.run()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - start)
    assert not at.exception, at.exception
    return statistics.median(timings), at


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    print(f"AppTest warm rerun, median of {runs} (ms)\n")
    print("| page | warm rerun (ms) |")
    print("|---|---|")
    home = None
    for label, script, params in CASES:
        median, at = warm_rerun(script, params, runs)
        home = home or at
        print(f"| {label} | {median * 1000:.0f} |")
    component = home.get("component_instance")[0]
    print(f"\nMap component payload (script, html, links, as sent to the browser): "
          f"{len(component.proto.json_args) / 1024:.1f} KB")
    shapes = sum(p.stat().st_size for p in (ROOT / "static" / "geo").glob("*.geojson"))
    print(f"Country and neighbour shapes the map fetches from static/geo (cached after the first visit): "
          f"{shapes / 1024:.1f} KB")
    print(f"Map on a first visit (payload + shapes): {(len(component.proto.json_args) + shapes) / 1024:.1f} KB")
    static = sum(p.stat().st_size for p in (ROOT / "static").rglob("*") if p.suffix in (".js", ".css", ".png"))
    print(f"Self-served Leaflet + jQuery files (cached by the browser after the first visit): {static / 1024:.1f} KB")


if __name__ == "__main__":
    sys.exit(main())
