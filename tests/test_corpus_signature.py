"""The cache key of the index (`ui.data.corpus_signature`): every file looked at on every run in a
small corpus; in a large one, an added or removed file seen at once and an edit within SCAN_EVERY,
so that a click does not list 100,000 files."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import article_text
from ui import data


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(article_text(name, body), encoding="utf-8")
    return path


def edit_in_place(path: Path, folder: Path) -> None:
    """Another text of the same size, and the folder's own time left as it was."""
    folder_times = folder.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Astana", "Aktau!"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    os.utime(folder, ns=(folder_times.st_atime_ns, folder_times.st_mtime_ns))


def test_a_small_corpus_sees_an_edit_at_once(tmp_path: Path):
    first = write(tmp_path, "a", "Astana met Tashkent.")
    write(tmp_path, "b", "Astana met Bishkek.")
    before = data.corpus_signature(tmp_path)
    edit_in_place(first, tmp_path)
    assert data.corpus_signature(tmp_path) != before


def test_a_large_corpus_sees_an_added_file_at_once_and_an_edit_within_scan_every(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(data, "LARGE_CORPUS", 2)
    clock = [1000.0]
    monkeypatch.setattr(data.time, "monotonic", lambda: clock[0])
    first = write(tmp_path, "a", "Astana met Tashkent.")
    for name in "bcd":
        write(tmp_path, name, "Astana met Bishkek.")
    before = data.corpus_signature(tmp_path)
    edit_in_place(first, tmp_path)
    clock[0] += data.SCAN_EVERY / 2
    assert data.corpus_signature(tmp_path) == before  # not listed again: the click is not slowed
    clock[0] += data.SCAN_EVERY
    edited = data.corpus_signature(tmp_path)
    assert edited != before
    os.utime(tmp_path, ns=(tmp_path.stat().st_atime_ns, tmp_path.stat().st_mtime_ns + 1_000_000_000))
    write(tmp_path, "e", "Astana met Dushanbe.")  # the folder's time moves on
    assert data.corpus_signature(tmp_path) != edited
