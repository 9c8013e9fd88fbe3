"""The corpus store: built once, read again only where files changed, rebuilt when the analysis
changes, never in the way (a corrupt or unwritable store is replaced); search through FTS5."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus import store as store_module
from corpus.excerpts import build_index
from corpus.store import STORE_NAME, CorpusStore, store_path
from tests.conftest import article_text


def write(folder: Path, name: str, body: str, **fields) -> Path:
    path = folder / f"{name}.md"
    path.write_text(article_text(name, body, **fields), encoding="utf-8")
    return path


def reads(folder: Path) -> list[int]:
    """Build the index and return how many files the store read for it."""
    seen: list[int] = []
    build_index(folder, progress=lambda done, total: seen.append(total))
    return seen[-1:] or [0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for number in range(5):
        write(tmp_path, f"a{number}", f"Astana met Tashkent, article {number}.")
    return tmp_path


def test_the_store_lives_beside_the_articles_and_only_changed_files_are_read_again(folder: Path):
    assert reads(folder) == [5]
    assert (folder / STORE_NAME).exists()
    assert reads(folder) == [0]  # nothing changed: nothing read
    write(folder, "a1", "Now Bishkek only, and a longer sentence to change the size.")
    (folder / "a2.md").unlink()
    write(folder, "new", "Dushanbe hosts the talks.")
    assert reads(folder) == [2]  # the edited and the new file; the deleted one is forgotten
    index = build_index(folder)
    assert sorted(index.corpus.articles) == ["a0", "a1", "a3", "a4", "new"]
    assert [e.article.id for e in index.excerpts_for_place("bishkek")] == ["a1"]
    assert "a1" not in [e.article.id for e in index.excerpts_for_place("tashkent")]
    assert [e.article.id for e in index.search("dushanbe")] == ["new"]


def test_an_edit_that_keeps_the_size_is_seen_by_its_time(folder: Path):
    build_index(folder)
    path = folder / "a0.md"
    path.write_text(path.read_text().replace("Tashkent", "Bishkek "[:8]), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert [e.article.id for e in build_index(folder).excerpts_for_place("bishkek")] == ["a0"]


def test_a_change_to_the_analysis_reads_everything_again(folder: Path, monkeypatch):
    build_index(folder)
    monkeypatch.setattr(store_module, "SCHEMA", store_module.SCHEMA + 1)
    assert reads(folder) == [5]


def test_a_corrupt_store_is_replaced(folder: Path):
    build_index(folder).store.close()
    (folder / STORE_NAME).write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (folder / (STORE_NAME + suffix)).unlink(missing_ok=True)
    assert reads(folder) == [5]
    assert len(build_index(folder).corpus.articles) == 5


def test_an_unwritable_folder_keeps_its_store_in_the_temporary_directory(folder: Path, monkeypatch):
    monkeypatch.setattr(store_module.os, "access", lambda path, mode: False)
    path = store_path(folder)
    assert path.parent != folder and path.name.startswith("atlas-index-")
    CorpusStore(folder).update(lambda article: [], lambda text: text)
    assert path.exists()
    path.unlink()


def test_skipped_files_are_remembered_and_named_without_being_read_again(folder: Path):
    (folder / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    index = build_index(folder)
    assert [s.name for s in index.corpus.skipped] == ["broken.md"]
    assert reads(folder) == [0]
    assert [s.name for s in build_index(folder).corpus.skipped] == ["broken.md"]


def test_search_goes_through_the_full_text_index_ignoring_case_and_accents(tmp_path: Path):
    write(tmp_path, "fr", "La coopération entre PÉKIN et l’Ouzbékistan s’élargit.", language="fr")
    write(tmp_path, "en", "Cooperation grows, says Beijing.")
    index = build_index(tmp_path)
    assert sorted(e.article.id for e in index.search("cooperation")) == ["en", "fr"]
    assert [e.article.id for e in index.search("pekin ouzbek")] == ["fr"]
    excerpt = index.search("ouzbek")[0]
    assert [excerpt.text[s:e] for s, e in excerpt.highlights] == ["Ouzbékistan"]
    assert sorted(e.article.id for e in index.search("coop", within=index.excerpts_for_place("beijing"))) == ["en", "fr"]
    assert len(index.search("coop zzz")) == 0


def test_excerpts_are_made_when_read_and_filtering_keeps_the_order(seed_index):
    excerpts = seed_index.excerpts_for_country("KAZ")
    assert len(excerpts) > 20
    assert excerpts[:3] == [excerpts[0], excerpts[1], excerpts[2]]
    later = excerpts.where(lambda s: s.article_id.startswith("002"))
    assert 0 < len(later) < len(excerpts)
    assert [e.sentence for e in later] == [e.sentence for e in excerpts if e.article.id.startswith("002")]


def test_two_sessions_reading_at_once_read_each_file_once(folder: Path):
    """Two sessions on a new corpus: the second waits for the first's build instead of redoing it."""
    import threading

    from corpus.excerpts import analyse, update_store
    from corpus.gazetteer import load_gazetteer
    from corpus.recognise import Recogniser
    from corpus.text import fold
    from corpus.themes import load_themes

    recogniser = Recogniser(load_gazetteer(), load_themes())
    analysed: list[str] = []
    started = threading.Event()

    def slow(article):
        analysed.append(article.id)
        started.set()
        return analyse(article, recogniser)

    one, other = CorpusStore(folder), CorpusStore(folder)  # two sessions, both with the store open
    first = threading.Thread(target=lambda: one.update(slow, lambda text: fold(text).text))
    first.start()
    started.wait()
    other.update(slow, lambda text: fold(text).text)  # while the first is still reading
    first.join()
    assert sorted(analysed) == [f"a{n}" for n in range(5)]
    assert len(update_store(folder).corpus().articles) == 5


def test_an_index_kept_from_before_an_edit_never_shows_a_newer_sentence(folder: Path):
    old = build_index(folder)
    (folder / "a4.md").unlink()
    write(folder, "b", "Astana again, a newer sentence.")
    build_index(folder)  # the store now holds b's sentence, under an id the old index never had
    assert {e.article.id for e in old.search("astana")} <= {"a0", "a1", "a2", "a3", "a4"}
    assert all(e.sentence.text.startswith("Astana met") for e in old.search("astana"))
    assert len(old.search("again")) == 0  # b's words must not come back as one of the old sentences


def test_a_damaged_store_and_its_journal_are_replaced(folder: Path):
    build_index(folder).store.close()
    (folder / STORE_NAME).write_bytes(b"\x00" * 4096)
    (folder / f"{STORE_NAME}-wal").write_bytes(b"stale journal" * 100)
    assert reads(folder) == [5]
    assert len(build_index(folder).corpus.articles) == 5
