"""The corpus store: built once, read again only where files changed, rebuilt when the analysis
changes, never in the way (a corrupt or unwritable store is replaced); search through FTS5."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus import excerpts as excerpts_module
from corpus import query as query_module
from corpus import store as store_module
from corpus.analysis import AnalysedArticle
from corpus.build import build_index
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


def test_pending_counts_what_an_update_would_read_without_reading_it(folder: Path):
    store = CorpusStore(folder)
    try:
        assert store.pending() == 5  # nothing read yet
        build_index(folder)
        assert store.pending() == 0
        write(folder, "a1", "Now Bishkek only, and a longer sentence to change the size.")
        (folder / "a2.md").unlink()
        write(folder, "new", "Dushanbe hosts the talks.")
        assert store.pending() == 3  # edited, removed, added
        assert store.pending() == 3  # asking read nothing
        assert reads(folder) == [2]
    finally:
        store.close()


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


def test_a_change_to_the_analysis_leaves_no_row_of_the_old_one_in_any_table(tmp_path: Path, monkeypatch):
    """Same shape, another analysis (a retrained theme model, say): every table is emptied and
    written again, none keeps rows of sentences that no longer exist."""
    import sqlite3

    from tests.conftest import SEEDS

    for path in SEEDS.glob("*.md"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    build_index(tmp_path)

    def counts() -> dict[str, int]:
        db = sqlite3.connect(tmp_path / STORE_NAME)
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta' "
                                                 "AND name NOT LIKE 'words_%' AND name != 'sqlite_sequence'")]
        found = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
        db.close()
        return found

    before = counts()
    assert before["summit_facts"] and before["panels"]  # the seeds' summit sentences state what was signed
    monkeypatch.setattr(store_module, "analysis_version", lambda: "another analysis")
    assert reads(tmp_path) == [len(list(SEEDS.glob("*.md")))]
    assert counts() == before


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
    CorpusStore(folder).update(lambda article: AnalysedArticle((), None), lambda text: text)
    assert path.exists()
    path.unlink()


def test_a_common_word_lists_its_latest_sentences_and_says_there_are_more(tmp_path: Path, monkeypatch):
    """Where the words alone decide, a search streams the latest matches and stops at its limit
    (corpus.query.SEARCH_LIMIT); every word starting with a term is asked, one by one or, past
    MOST_WORDS_OF_A_PREFIX of them, as a prefix: both find the same."""
    for day in range(1, 6):
        write(tmp_path, f"a{day}", f"Cooperation number {day} grows; cooperative work too.", published=f"2025-06-0{day}")
    write(tmp_path, "old", "Coopération ancienne.", published="2020-01-01", language="fr")
    index = build_index(tmp_path)
    everything = index.search("coop")
    assert [e.article.id for e in everything] == ["a5", "a4", "a3", "a2", "a1", "old"] and not everything.more
    monkeypatch.setattr(query_module, "SEARCH_LIMIT", 3)
    monkeypatch.setattr(excerpts_module, "SEARCH_LIMIT", 3)
    latest = index.search("coop")
    assert [e.article.id for e in latest] == ["a5", "a4", "a3"] and latest.more
    assert [e.article.id for e in latest.published_by(2025)] == ["a5", "a4", "a3"]
    monkeypatch.setattr(query_module, "MOST_WORDS_OF_A_PREFIX", 1)  # coop: cooperation, cooperative
    assert [e.article.id for e in index.search("coop")] == ["a5", "a4", "a3"]
    # a year is applied before the cut, not after it: 2020's sentence is not lost behind 2025's
    assert [e.article.id for e in index.search("coop", until=2024)] == ["old"]
    assert len(index.search("coop", everything=True)) == 6
    # what the panel, the exports and /view.json say of it
    from present.data import view_document
    from present.view import View
    document = view_document(View(q="coop"), index, "http://atlas.example/")
    assert document["count"] == 3 and document["more"] is True
    assert view_document(View(q="coop", until=2024), index, "http://atlas.example/")["more"] is False


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

    from corpus.build import analyse, analyser, load_index, update_store
    from corpus.text import fold

    recogniser = analyser()
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
    assert len(load_index(update_store(folder)).corpus.articles) == 5


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


def test_an_index_deleted_while_being_built_is_built_again(folder: Path):
    """Deleting the index is always safe (README): deleted mid-build, the build wrote into a file
    that no longer had a name, and the atlas then showed 0 articles until some article changed."""
    for n in range(6):
        write(folder, f"a{n}", f"Astana hosts summit number {n}.")
    path = store_path(folder)
    deleted: list[int] = []

    def delete_midway(done: int, total: int) -> None:
        if done == 3 and not deleted:  # once, as a reader cleaning up would
            CorpusStore._remove(path)
            deleted.append(done)

    from corpus.build import load_index, update_store
    update_store(folder, delete_midway).close()
    assert deleted and path.exists()
    index = load_index(CorpusStore(folder))
    assert len(index.corpus.articles) == 6 and len(index.sentences) >= 6


def package(root: Path, files: dict[str, str]) -> None:
    """A throwaway package `fakeanalysis` under `root`, its modules' source given by name (each
    test's own: what an earlier test imported is forgotten)."""
    import importlib
    import sys

    for name in [name for name in sys.modules if name.split(".")[0] == "fakeanalysis"]:
        del sys.modules[name]
    folder = root / "fakeanalysis"
    folder.mkdir(exist_ok=True)
    for name, source in files.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    importlib.invalidate_caches()


ENTRY = ("fakeanalysis.entry",)


def test_the_analysis_version_follows_what_the_analysis_imports(tmp_path: Path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    package(tmp_path, {"__init__": "", "entry": "from fakeanalysis.words import WORDS\n", "words": "WORDS = 1\n",
                       "unused": "X = 1\n"})
    first = store_module.analysis_version(ENTRY)
    assert set(store_module.imported_modules(ENTRY)[0]) == {"fakeanalysis.entry", "fakeanalysis.words"}
    package(tmp_path, {"unused": "X = 2\n"})  # not imported by the analysis: not part of it
    assert store_module.analysis_version(ENTRY) == first
    package(tmp_path, {"entry": "from fakeanalysis.words import WORDS\nfrom fakeanalysis import extra\n",
                       "extra": "RULE = 1\n"})
    with_extra = store_module.analysis_version(ENTRY)
    assert with_extra != first  # a module the analysis now imports is part of it
    package(tmp_path, {"extra": "RULE = 2\n"})
    assert store_module.analysis_version(ENTRY) != with_extra  # and so is a change to it


def test_a_renamed_analysis_module_changes_the_version_without_a_crash(tmp_path: Path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    package(tmp_path, {"__init__": "", "entry": "from .words import WORDS\n", "words": "WORDS = 1\n"})
    before = store_module.analysis_version(ENTRY)
    (tmp_path / "fakeanalysis" / "words.py").rename(tmp_path / "fakeanalysis" / "lexicon.py")
    package(tmp_path, {"entry": "from .lexicon import WORDS\n"})
    after = store_module.analysis_version(ENTRY)
    assert after != before
    assert set(store_module.imported_modules(ENTRY)[0]) == {"fakeanalysis.entry", "fakeanalysis.lexicon"}


def test_imports_for_type_hints_only_are_not_part_of_the_analysis(tmp_path: Path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    package(tmp_path, {"__init__": "", "hints": "H = 1\n",
                       "entry": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from fakeanalysis import hints\n"})
    assert set(store_module.imported_modules(ENTRY)[0]) == {"fakeanalysis.entry"}


def test_the_atlas_analysis_covers_recognition_not_the_query_side():
    modules, third_party = store_module.imported_modules()
    assert {"corpus.analysis", "corpus.recognise", "corpus.text", "corpus.themes", "corpus.gazetteer",
            "corpus.articles", "corpus.timeline", "corpus.figures"} <= set(modules)
    assert "corpus.excerpts" not in modules and "corpus.build" not in modules  # querying never invalidates the store
    assert {"pysbd", "snowballstemmer", "yaml"} <= third_party


def test_an_interrupted_first_build_goes_on_from_its_last_batch(folder: Path, monkeypatch):
    from corpus.build import analyse

    monkeypatch.setattr(store_module, "BATCH", 2)
    seen: list[str] = []

    def failing(article):
        if len(seen) == 3:
            raise KeyboardInterrupt  # the reader stops the build in its second batch
        seen.append(article.id)
        return analyse(article)

    with pytest.raises(KeyboardInterrupt):
        CorpusStore(folder).update(failing, lambda text: text)
    seen.clear()
    assert CorpusStore(folder).update(lambda a: seen.append(a.id) or analyse(a), lambda text: text) == 3
    assert seen == ["a2", "a3", "a4"]  # the first batch (a0, a1) was kept; a2 was rolled back with its batch
    assert len(build_index(folder).corpus.articles) == 5


def test_the_kept_counts_follow_every_edit_as_a_fresh_count_would(folder: Path):
    def fresh(store) -> tuple[list, list]:
        ties, mentions = store_module.kept_counts()
        return tuple(sorted(tuple(r) for r in store.read(kept.grouped.format(where="1"))) for kept in (ties, mentions))

    def kept(store) -> tuple[list, list]:
        return sorted(store.tie_counts()), sorted(store.mention_counts())

    write(folder, "t1", "Trade and railways link Astana and Tashkent.")
    write(folder, "t2", "Trade with Kazakhstan grows.", published="2023-01-02")
    store = build_index(folder).store
    assert kept(store) == fresh(store) and all(fresh(store))
    write(folder, "t1", "Railways only now, from Bishkek: a longer sentence than before.")
    (folder / "t2.md").unlink()
    write(folder, "t3", "Digital economy and trade in Dushanbe.", published="2021-05")
    store = build_index(folder).store
    assert kept(store) == fresh(store)
    counted = {(theme, target) for theme, target, _, _ in store.tie_counts()}
    ids = dict(store.read("SELECT key, id FROM selections WHERE kind = 'theme'"))
    assert (ids["trade"], ids["trade"]) in counted and (ids["digital-economy"], ids["digital-economy"]) in counted


@pytest.mark.parametrize("until", [None, 2023])
def test_the_kept_mention_counts_are_the_sentences_and_articles_themselves(seed_index, until):
    """The panel's "N sentences in M articles" comes from the counts the store keeps: they must
    be what the sentences, read one by one, say."""
    selections = [("place", slug) for slug in seed_index.mentioned_places()]
    selections += [("country", iso3) for iso3 in seed_index.gazetteer.countries]
    selections += [("theme", slug) for slug in seed_index.themes]
    assert seed_index._mention_counts(until) is not None  # kept, not counted on the fly
    for kind, key in selections:
        sentences = seed_index.mentioning(kind, key, until)
        read = list(sentences)
        assert (len(sentences), sentences.article_count()) == (len(read), len({s.article_id for s in read})), key
        assert all(seed_index.published_by(s, until) for s in read)


def test_a_name_among_words_takes_the_sentences_naming_it_in_any_form(tmp_path: Path):
    """The words decide first; a country's name then keeps the sentences that name it, by its own
    words or as the recogniser found it (an adjective), looked up only among those."""
    write(tmp_path, "a", "The loan to Kazakhstan was signed.", published="2025-06-03")
    write(tmp_path, "b", "A Kazakh loan was approved.", published="2025-06-02")
    write(tmp_path, "c", "A loan to Uzbekistan was signed.", published="2025-06-01")
    write(tmp_path, "d", "Kazakhstan opened a new railway.", published="2025-06-04")
    index = build_index(tmp_path)
    assert [e.article.id for e in index.search("Kazakhstan loan")] == ["a", "b"]
    assert [e.article.id for e in index.search("Kazakhstan")] == ["d", "a", "b"]
