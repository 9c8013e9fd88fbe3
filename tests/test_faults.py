"""Faults while the app runs, through AppTest: broken, huge, duplicate, edited and deleted article
files (the app keeps serving and names each skipped file), and missing or corrupt data files (a
clear error naming the file and the command that restores it, never a traceback)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st

import corpus.gazetteer
import corpus.themes
import geo.assets
import geo.corridors
import geo.countries
from tests.conftest import ROOT, article_text
from tests.helpers import params, run_app, texts
from present.markup import inert
from present.strings import t


@pytest.fixture
def corpus_dir(seeds_copy: Path, monkeypatch) -> Path:
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(seeds_copy))
    return seeds_copy


def warnings_of(at) -> list[str]:
    return [w.value for w in at.warning]


def files_not_read() -> str:
    """The About page's list of the files not read, each with its problems."""
    at = run_app(page="pages/about.py")
    return "\n".join(m.value for m in at.markdown if m.value.startswith("- **"))


def test_every_unreadable_file_is_named_and_nothing_else_is_lost(corpus_dir: Path):
    broken = {
        "bad_yaml.md": b"---\ntitle: [unclosed\n---\n\nBody",
        "no_title.md": b"---\npublished: 2024-01-01\nlanguage: en\n---\n\nBody",
        "latin1.md": "---\ntitle: é\n---\n".encode("latin-1"),
        "binary.md": bytes(range(256)) * 8,
        "empty.md": b"",
        # 10 MB of readable text: refused by its size, without being read whole
        "huge.md": article_text("Huge", "Astana. " * 1_300_000).encode(),
    }
    for name, raw in broken.items():
        (corpus_dir / name).write_bytes(raw)
    (corpus_dir / "folder.md").mkdir()
    (corpus_dir / "Summit.md").write_text(article_text("Kept", "Astana hosts the kept one."))
    (corpus_dir / "summit.md").write_text(article_text("Second", "Astana hosts the second one."))

    at = run_app({"place": "astana"})
    # readers see one line; the About page names each file with its problems
    assert warnings_of(at) == [f"{len(broken) + 2} files in the articles folder could not be read."]
    listed = files_not_read()
    for name in [*broken, "folder.md", "summit.md"]:
        assert listed.count(f"- **{inert(name)}**") == 1, (name, listed)
    entries = {entry.split("**")[1]: entry for entry in listed.split("\n- ")}
    assert "larger than 5 MB" in entries[inert("huge.md")]
    assert inert("same article id as Summit.md") in entries[inert("summit.md")]  # both files named
    assert t("en", "corpus", n=4) in [c.value for c in at.sidebar.caption]  # the three seeds and Summit.md
    assert at.subheader[0].value == "★ Astana"
    shown = texts(at)
    assert "the kept one" in shown and "the second one" not in shown
    assert "Treaty of eternal good-neighbourliness" in shown


def test_removing_one_of_two_files_with_one_id_brings_back_the_other(corpus_dir: Path):
    (corpus_dir / "Summit.md").write_text(article_text("Kept", "Astana hosts the kept one."))
    (corpus_dir / "summit.md").write_text(article_text("Second", "Astana hosts the second one."))
    at = run_app({"article": "summit"})
    assert at.subheader[0].value == "Kept" and len(at.warning) == 1
    (corpus_dir / "Summit.md").unlink()
    at.run()
    assert at.subheader[0].value == "Second" and not at.warning and params(at) == {"article": "summit"}


def test_an_article_id_is_one_whatever_its_case(corpus_dir: Path):
    (corpus_dir / "Report.md").write_text(article_text("The report", "Astana."))
    at = run_app({"article": "REPORT"})
    assert at.subheader[0].value == "The report" and params(at) == {"article": "Report"}


@pytest.mark.parametrize("change", ["deleted", "broken"])
def test_an_open_article_whose_file_goes_away_says_so(corpus_dir: Path, change: str):
    article = corpus_dir / "zz_note.md"
    article.write_text(article_text("A passing note", "Astana welcomes the note."))
    at = run_app({"article": "zz_note"})
    assert at.subheader[0].value == "A passing note"
    if change == "deleted":
        article.unlink()
    else:
        article.write_bytes(b"---\ntitle: [\n---\n")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    warnings = warnings_of(at)
    assert any(f"article={inert('zz_note', html=False)} cannot be shown (no such article)" in w for w in warnings), warnings
    assert (change == "broken") == any("could not be read" in w for w in warnings)
    assert (change == "broken") == (f"**{inert('zz_note.md')}**" in files_not_read())
    assert not at.subheader and params(at) == {}
    assert t("en", "corpus", n=3) in [c.value for c in at.sidebar.caption]


def test_an_edited_article_shows_its_new_text_on_the_next_run(corpus_dir: Path):
    article = corpus_dir / "zz_note.md"
    article.write_text(article_text("A passing note", "Astana welcomes the first draft."))
    at = run_app({"article": "zz_note"})
    assert "the first draft" in texts(at)
    article.write_text(article_text("A revised note", "Astana welcomes the corrected and longer version."))
    at.run()
    assert at.subheader[0].value == "A revised note"
    assert "the corrected and longer version" in texts(at) and "the first draft" not in texts(at)


@pytest.fixture
def fresh_caches():
    """The loaders are cached for the process: start from nothing, and leave nothing broken behind."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def broken_copy(original: Path, folder: Path, fault: str) -> Path:
    copy = folder / original.name
    if fault == "corrupt":
        copy.write_bytes(original.read_bytes()[: original.stat().st_size // 2])  # cut in the middle
    elif fault == "binary":
        copy.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff" * 100)
    return copy  # "missing": never written


@pytest.mark.parametrize("fault", ["missing", "corrupt", "binary"])
@pytest.mark.parametrize("module, attribute, restore", [
    (geo.countries, "COUNTRIES_FILE", "make data"),
    (geo.corridors, "CORRIDORS_FILE", "git checkout -- geo/data/corridors.geojson"),
])
def test_a_broken_geo_file_stops_the_map_with_its_name_and_remedy(tmp_path, monkeypatch, fresh_caches,
                                                                  module, attribute, restore, fault):
    original = getattr(module, attribute)
    monkeypatch.setattr(module, attribute, broken_copy(original, tmp_path, fault))
    at = run_app({"place": "astana"})
    error, = [e.value for e in at.error]
    assert error.startswith(t("en", "geo_error", error="")) and original.name in error and restore in error
    assert not at.get("component_instance")  # no half-drawn map


@pytest.mark.parametrize("fault", ["missing", "corrupt"])
@pytest.mark.parametrize("name, restore", [
    ("geo/countries.geojson", "make data"), ("geo/neighbours.geojson", "make data"),
    ("leaflet/leaflet.js", "make vendor"), ("atlas/map-layers.js", "git checkout -- static/atlas/map-layers.js"),
])
def test_a_broken_file_the_browser_fetches_is_reported_at_start_up(tmp_path, monkeypatch, fresh_caches,
                                                                   name, restore, fault):
    static = tmp_path / "static"
    shutil.copytree(ROOT / "static", static)
    if fault == "missing" or name.endswith(".js"):
        (static / name).unlink()
    else:
        broken_copy(ROOT / "static" / name, (static / name).parent, "corrupt")
    monkeypatch.setattr(geo.assets, "STATIC_DIR", static)
    at = run_app()
    error, = [e.value for e in at.error]
    assert f"static/{name}" in error and restore in error
    assert not at.get("component_instance")


@pytest.mark.parametrize("name, fault", [
    ("places.csv", "missing"), ("places.csv", "binary"), ("countries.csv", "corrupt"),
    ("summits.yaml", "corrupt"), ("themes.yaml", "missing"), ("themes.yaml", "binary"),
])
@pytest.mark.parametrize("page", [None, "pages/about.py"])
def test_a_broken_reference_file_stops_every_page_with_its_name_and_remedy(tmp_path, monkeypatch, fresh_caches,
                                                                           name, fault, page):
    data = tmp_path / "data"
    shutil.copytree(corpus.gazetteer.DATA_DIR, data)
    (data / name).unlink()
    broken_copy(corpus.gazetteer.DATA_DIR / name, data, fault)
    monkeypatch.setattr(corpus.gazetteer, "DATA_DIR", data)
    monkeypatch.setattr(corpus.themes, "THEMES_FILE", data / "themes.yaml")
    at = run_app({"lang": "fr"}, page=page)
    error, = [e.value for e in at.error]
    assert error.startswith(t("fr", "data_error", error=""))
    assert f"corpus/data/{name}" in error and f"git checkout -- corpus/data/{name}" in error


def test_a_gazetteer_that_lost_a_capital_is_refused_by_name(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(corpus.gazetteer.DATA_DIR, data)
    places = (data / "places.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "places.csv").write_text("".join(line for line in places if not line.startswith("astana,")))
    with pytest.raises(corpus.gazetteer.ReferenceDataError, match=r"places\.csv \(lacks astana\)"):
        corpus.gazetteer.load_gazetteer(data)


def test_an_article_of_50000_paragraphs_opens_in_a_few_bounded_elements(corpus_dir: Path):
    """It used to draw one element per paragraph: the reader's browser locked up drawing 50,000."""
    from present.selection import PART_CHARS, PART_PARAGRAPHS

    body = "\n\n".join(f"Line {n} of the long one." for n in range(50_000))
    (corpus_dir / "long.md").write_text(article_text("Long", body))
    assert (corpus_dir / "long.md").stat().st_size < 5_000_000  # under the size cap: it is read
    at = run_app({"article": "long"})
    parts = [m.value for m in at.markdown if "Line " in m.value]
    assert len(parts) == 1  # the first part, in one element
    assert parts[0].count("Line ") <= PART_PARAGRAPHS and len(parts[0]) < 40 * PART_CHARS
    assert "Line 0 of" in parts[0] and f"Line {PART_PARAGRAPHS} of" not in parts[0]
    total = -(-50_000 // PART_PARAGRAPHS)
    assert any(f"Part 1 of {total} " in c.value for c in at.caption), [c.value for c in at.caption]
    next(b for b in at.button if b.label == t("en", "part_after")).click().run()
    parts = [m.value for m in at.markdown if "Line " in m.value]
    assert len(parts) == 1 and f"Line {PART_PARAGRAPHS} of" in parts[0] and "Line 0 of" not in parts[0]
    assert any(f"Part 2 of {total} " in c.value for c in at.caption)


def test_an_article_of_many_sentences_goes_through_the_encoder_only_up_to_its_bound(tmp_path: Path):
    """A 1 MB article of 50,000 lines took minutes of encoder time to index (every sentence was
    encoded); past MEANING_PER_ARTICLE its sentences keep their theme terms, without vectors."""
    from corpus.meaning import VectorCache, encode  # noqa: F401  (the encoder is the real one)
    from corpus.recognise import MEANING_PER_ARTICLE

    cache = VectorCache(None)
    texts = [f"Freight trains number {n} crossed the border." for n in range(MEANING_PER_ARTICLE + 50)]
    vectors = cache.vectors(texts, MEANING_PER_ARTICLE)
    assert (abs(vectors[:MEANING_PER_ARTICLE]).sum(axis=1) > 0).all()
    assert (abs(vectors[MEANING_PER_ARTICLE:]).sum(axis=1) == 0).all()
