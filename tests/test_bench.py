"""The benchmark scripts stay runnable: each imports what it needs from the code as it is now (the
load benchmark once imported a name that had moved, and `make load` failed before measuring)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
PAGES = {"bare_app.py", "empty_app.py"}  # Streamlit page scripts: they draw when imported


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py") if p.name not in PAGES))
def test_each_benchmark_script_imports(script):
    spec = importlib.util.spec_from_file_location(f"bench_{Path(script).stem}", BENCH / script)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))  # main() runs only under __main__


def test_the_load_readers_ask_for_views_that_exist(seed_index):
    """The readers' links, themes and data requests are views the atlas shows (a theme that does
    not exist made every data request a 400 and every step of `make load` fail)."""
    from bench.load_server import LINKS, THEMES
    from present.view import view_from_params
    assert set(THEMES) <= set(seed_index.themes)
    for link in LINKS:
        assert view_from_params({name: [value] for name, value in link.items()}, seed_index)[1] == [], link
