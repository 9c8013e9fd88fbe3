"""Shared fixtures: the corpus index, article folders made on the fly, and a real `streamlit run` server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = "/usr/bin/chromium"

sys.path.insert(0, str(ROOT))

from corpus.build import build_index  # noqa: E402
from corpus.excerpts import CorpusIndex  # noqa: E402


@pytest.fixture(scope="session")
def seed_index() -> CorpusIndex:
    return build_index(SEEDS)


index_of = build_index


def article_text(title: str, body: str, language: str = "en", published: str = "2025-06-20", extra: str = "") -> str:
    return f'---\ntitle: "{title}"\npublished: {published}\nlanguage: {language}\n{extra}---\n\n{body}\n'


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus, to add broken or hostile articles to."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS.glob("*.md"):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


from tests.server import StreamlitServer  # noqa: E402


@pytest.fixture(scope="session")
def atlas_server():
    server = StreamlitServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium: browsers cannot be downloaded here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}
