"""The corpus index kept on disk beside the articles: a SQLite file holding each article as read,
its sentences with what they mention and their close reading, each sentence's rank for every
selection it speaks to (`ranks`) and its place in every panel that lists it (`panels`), what each
theme's sentences are tied to (`theme_ties`), the people found by a title (`found_people`), and a
full-text index (FTS5).
The query side (`corpus.excerpts`) reads it in place: nothing is loaded into memory as a whole.

Only files added, changed or removed since the last build are read again, in batches that are
each committed: an interrupted first build resumes where it stopped. A change to the analysis
(the code `corpus.analysis` imports, its data files and third-party packages) rebuilds
everything; so does a new SCHEMA, the shape of what this module writes. Plain Python and the standard library's sqlite3.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import os
import sqlite3
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import asdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from corpus.articles import Article, SkippedFile, article_key, article_stats, read_article

from corpus.analysis import DIRECT, score
from corpus.reader import as_json as reading_json
from corpus.reader import person_json

if TYPE_CHECKING:  # the analysis is handed in: the store only writes what it found
    from corpus.analysis import AnalysedArticle

STORE_NAME = ".atlas-index.sqlite"
SCHEMA = 6  # the tables' shape; a store of another shape is replaced
CORPUS_DIR = Path(__file__).parent
# The analysis is what this module imports (walked, not listed: a module renamed or added is seen).
ANALYSIS_ENTRIES = ("corpus.analysis",)
ANALYSIS_DATA = ("countries.csv", "places.csv", "summits.yaml", "people.yaml", "themes.yaml", "theme_model.npz",
                 "names_ru_zh.csv", "themes_ru_zh.yaml")
BATCH = 500  # files read per committed transaction: what an interruption can lose
SENTENCE_BITS = 32  # a search key is (date, sentence id) in one integer: see `search_key`

Progress = Callable[[int, int], None]  # (files done, files to read)


def _runtime_nodes(tree: ast.AST):
    """Every node of a module but those under `if TYPE_CHECKING:` (imports for type hints only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def imported_modules(entries=ANALYSIS_ENTRIES) -> tuple[dict[str, Path], set[str]]:
    """The modules of the entries' package that the entries import, directly or through one another
    (read from their source, not from what happens to be loaded), and the third-party top-level
    modules they import."""
    package = entries[0].split(".")[0]
    found: dict[str, Path] = {}
    third_party: set[str] = set()
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):  # "corpus.gazetteer.CENTRAL_ASIA": a name, not a module
            spec = None
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        found[name] = Path(spec.origin)
        for node in _runtime_nodes(ast.parse(found[name].read_bytes())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the module's own package
                    parent = name.rsplit(".", node.level)[0] if spec.submodule_search_locations is None else name
                    base = f"{parent}.{base}" if base else parent
                names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            else:
                continue
            for imported in names:
                top = imported.split(".")[0]
                if top == package:
                    todo.append(imported)
                elif top and top not in sys.stdlib_module_names and top != "__future__":
                    third_party.add(top)
    return found, third_party


@lru_cache(maxsize=None)
def package_version(top: str) -> str:
    """A third-party module's version: its distribution's (most are named as they are imported),
    else its `__version__`, else a digest of its code."""
    try:
        return metadata.version(top)
    except metadata.PackageNotFoundError:
        pass
    module = importlib.import_module(top)  # imported by the analysis anyway
    version = getattr(module, "__version__", None)
    if isinstance(version, str):
        return version
    origin = getattr(module, "__file__", None)
    return hashlib.sha1(Path(origin).read_bytes()).hexdigest() if origin else "unknown"


def analysis_version(entries=ANALYSIS_ENTRIES) -> str:
    """Changes whenever what an article's analysis depends on changes: the code of every module
    the analysis imports, its data files, the versions of the third-party packages it imports."""
    modules, third_party = imported_modules(entries)
    digest = hashlib.sha1(str(SCHEMA).encode())
    for name, path in sorted(modules.items()):
        digest.update(name.encode() + b"\0" + path.read_bytes())
    for name in ANALYSIS_DATA:
        path = CORPUS_DIR / "data" / name
        digest.update(name.encode() + (path.read_bytes() if path.exists() else b"missing"))
    for top in sorted(third_party):
        digest.update(f"{top} {package_version(top)}".encode())
    return digest.hexdigest()


def date_number(published: str) -> int:
    """YYYY-MM-DD as YYYYMMDD, and YYYY-MM as YYYYMM00: in the order of dates, a month without a
    day before its days."""
    parts = [int(part) for part in published.split("-")] + [0, 0]
    return parts[0] * 10_000 + parts[1] * 100 + parts[2]


def search_key(date: int, sentence: int) -> int:
    """The full-text row of a sentence: its article's date, then its id backwards, so that the
    index's own order (row keys, descending) is the latest articles first, each in reading order."""
    return (date << SENTENCE_BITS) | ((1 << SENTENCE_BITS) - 1 - sentence)


def sentence_of(key: int) -> int:
    return (1 << SENTENCE_BITS) - 1 - (key & ((1 << SENTENCE_BITS) - 1))


def store_path(folder: Path) -> Path:
    """Beside the articles when that folder is writable; else in the temporary directory."""
    if os.access(folder, os.W_OK):
        return folder / STORE_NAME
    tag = hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"atlas-index-{tag}.sqlite"


class StoreBusy(RuntimeError):
    """Another process kept the store locked for longer than WAIT seconds (a first build elsewhere)."""


TABLES = ("files", "sentences", "selections", "ranks", "panels", "theme_ties", "dated", "figures", "found_people",
          "summit_facts", "words")  # every table but meta: emptied when the analysis changes
BY_SENTENCE = ("ranks", "panels", "theme_ties", "dated", "figures", "summit_facts")  # rows deleted by their sentence ids


class KeptCounts:
    """The rows of a GROUP BY over the store, kept in `meta` beside the rows they count and changed
    with them in each write transaction (each file's rows counted as it is written or forgotten):
    what a restart reads instead of a pass over millions of rows. Stamped with what the rows were
    (files, last sentence); a stamp that no longer matches means counting again, once."""

    def __init__(self, name: str, grouped: str, keys: int, sentence: str = "sentence"):
        # `grouped`: SQL with a {where} slot; `sentence`: how it names a row's sentence id
        self.name, self.grouped, self.keys, self.sentence = name, grouped, keys, sentence
        self.table: dict[tuple, list[int]] = {}
        self.stale = True

    @staticmethod
    def _stamp(db) -> str:
        files, = db.execute("SELECT count(*) FROM files").fetchone()
        last, = db.execute("SELECT coalesce(max(id), 0) FROM sentences").fetchone()
        return f"{files}:{last}"

    def read(self, db) -> "KeptCounts":
        row = db.execute("SELECT value FROM meta WHERE key = ?", (self.name,)).fetchone()
        kept = json.loads(row[0]) if row else None
        self.stale = not kept or kept["stamp"] != self._stamp(db)
        self.table = {} if self.stale else {tuple(r[:self.keys]): r[self.keys:] for r in kept["counts"]}
        return self

    def rows(self) -> list[tuple] | None:
        return None if self.stale else [(*key, *n) for key, n in self.table.items() if any(n)]

    def _add(self, rows, sign: int) -> None:
        for row in rows:
            key, values = tuple(row[:self.keys]), row[self.keys:]
            kept = self.table.setdefault(key, [0] * len(values))
            for i, value in enumerate(values):
                kept[i] += sign * value

    def count_range(self, db, first: int, last: int, sign: int) -> None:
        """Count (sign 1) or discount (sign -1) the rows of sentences first..last."""
        if not self.stale:
            self._add(db.execute(self.grouped.format(where=f"{self.sentence} BETWEEN ? AND ?"), (first, last)), sign)

    def write(self, db) -> None:
        if self.stale:  # not kept (a first build, an older store): counted once, then kept
            self.table = {}
            self._add(db.execute(self.grouped.format(where="1")), 1)
            self.stale = False
        value = {"stamp": self._stamp(db), "counts": [[*key, *n] for key, n in self.table.items() if any(n)]}
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (self.name, json.dumps(value)))


DIRECTLY = score(DIRECT, 0)  # a ranks row scoring this or more names its selection itself


def kept_counts() -> tuple[KeptCounts, KeptCounts]:
    """What each theme's sentences are tied to, per year; and each selection's direct mentions,
    per year: sentences and articles (one file is one article, so per file the articles are 1)."""
    ties = KeptCounts("tie_counts", "SELECT theme, target, date / 10000, count(*) FROM theme_ties WHERE {where} "
                                    "GROUP BY 1, 2, 3", 3)
    mentions = KeptCounts("mention_counts", "SELECT q.selection, q.date / 10000, count(*), count(DISTINCT s.article) "
                                            f"FROM ranks q JOIN sentences s ON s.id = q.sentence WHERE q.score >= "
                                            f"{DIRECTLY} AND {{where}} GROUP BY 1, 2", 2, "q.sentence")
    return ties, mentions


class CorpusStore:
    WAIT = 600  # seconds to wait for another process's build before giving up

    def __init__(self, folder: Path, path: Path | None = None):
        self.folder = folder
        self.path = path or store_path(folder)
        self._lock = threading.Lock()
        self._selection_ids: dict[tuple[str, str], int] = {}
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
            PRAGMA cache_size = -65536;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            -- one row per file; `article` the article as read (JSON), or `skipped` why not;
            -- its sentences are ids first .. first + count - 1
            CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER,
                                              article TEXT, skipped TEXT, article_id TEXT, id_key TEXT,
                                              published TEXT, first INTEGER, count INTEGER);
            -- the listing a restart reads, without stepping through each article's text
            CREATE INDEX IF NOT EXISTS files_listing ON files (name, article_id, skipped, published, first, count);
            -- AUTOINCREMENT: a sentence id is never given twice, so an index still in use
            -- never mistakes a newer sentence for one of its own
            CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT, article TEXT,
                                                  paragraph INTEGER, number INTEGER, start INTEGER, end INTEGER,
                                                  text TEXT, mentions TEXT, date INTEGER, reading TEXT);
            CREATE TABLE IF NOT EXISTS selections (id INTEGER PRIMARY KEY, kind TEXT, key TEXT, UNIQUE (kind, key));
            -- a selection's excerpts best first are a scan of this key; `grp` (themes only): the
            -- countries the sentence is tied to, as the panel groups them
            CREATE TABLE IF NOT EXISTS ranks (selection INTEGER, score INTEGER, date INTEGER, sentence INTEGER,
                                              grp TEXT, PRIMARY KEY (selection, score DESC, date DESC, sentence))
                                              WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ranks_by_sentence ON ranks (sentence, selection);
            -- a panel, as the close reading orders it (`corpus.analysis.Analyser.panel_rows`), is a
            -- scan of this key: `place` first, then the latest; `grp` as in ranks
            CREATE TABLE IF NOT EXISTS panels (selection INTEGER, place INTEGER, date INTEGER, sentence INTEGER,
                                               score INTEGER, grp TEXT,
                                               PRIMARY KEY (selection, place, date DESC, sentence)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS panels_by_sentence ON panels (sentence);
            -- the people an article names with a title that the people file does not know
            CREATE TABLE IF NOT EXISTS found_people (slug TEXT, file TEXT, person TEXT, PRIMARY KEY (slug, file))
                                                    WITHOUT ROWID;
            -- what a theme's sentence is tied to: the theme itself, each country it speaks of, each
            -- place it names, the summit venue of its article (`target`: a selection id)
            CREATE TABLE IF NOT EXISTS theme_ties (theme INTEGER, target INTEGER, date INTEGER, sentence INTEGER,
                                                   PRIMARY KEY (theme, target, sentence)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS theme_ties_by_sentence ON theme_ties (sentence);
            -- the dates and figures each sentence states (`position`: their order in it)
            CREATE TABLE IF NOT EXISTS dated (sentence INTEGER, position INTEGER, article TEXT, date TEXT, status TEXT,
                                              start INTEGER, end INTEGER, basis TEXT, vals TEXT, entry TEXT,
                                              PRIMARY KEY (sentence, position)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS dated_by_date ON dated (date, article, sentence, position);
            CREATE TABLE IF NOT EXISTS figures (sentence INTEGER, position INTEGER, value REAL, kind TEXT, scale TEXT,
                                                unit TEXT, about TEXT, year TEXT, start INTEGER, end INTEGER,
                                                PRIMARY KEY (sentence, position)) WITHOUT ROWID;
            -- what each sentence about a summit says of it (`corpus.analysis.Analyser.summit_facts`):
            -- `venue` is the ("summit", venue) selection; its sheet is a count of these by (kind, key)
            CREATE TABLE IF NOT EXISTS summit_facts (venue INTEGER, kind TEXT, key TEXT, language TEXT, label TEXT,
                                                     date INTEGER, sentence INTEGER,
                                                     PRIMARY KEY (venue, kind, key, date, sentence)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS summit_facts_by_sentence ON summit_facts (sentence);
            -- rows keyed by `search_key`; words only (no positions): the matches are marked in Python
            CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5 (text, tokenize = 'unicode61', detail = none);
            PRAGMA user_version = {SCHEMA};
        """)
        return db

    @contextmanager
    def _writing(self):
        try:
            self._db.execute("BEGIN IMMEDIATE")  # what changed is decided under the write lock
        except sqlite3.OperationalError as error:
            raise StoreBusy(str(error)) from error
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def update(self, analyse: Callable[[Article], AnalysedArticle], fold: Callable[[str], str],
               progress: Progress | None = None, mapper=map) -> int:
        """Read again what changed in the folder, BATCH files per transaction; returns how many
        files were read. Each batch is decided again under the write lock, so that two builders
        share the work instead of doing it twice, and an interrupted build keeps its batches.
        `mapper(analyse, articles)` analyses a batch's articles, in order (a process pool's
        `imap`, say: the analysis is most of a first build)."""
        version = analysis_version()
        with self._lock:
            with self._writing() as db:
                known = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
                if not known or known[0] != version:
                    for table in TABLES:
                        db.execute(f"DELETE FROM {table}")
                    db.execute("DELETE FROM meta WHERE key IN ('tie_counts', 'mention_counts') OR key LIKE 'kept:%'")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
                stored = {name: (mtime, size) for name, mtime, size in db.execute("SELECT name, mtime_ns, size FROM files")}
                present = article_stats(self.folder)
                counts = [kept.read(db) for kept in kept_counts()]
                for name in stored:
                    if name not in present:
                        self._forget(db, name, counts)
                for kept in counts:
                    kept.write(db)
            self._selection_ids.clear()
            changed = [(self.folder / name, stat) for name, stat in present.items() if stored.get(name) != stat]
            read = 0
            for first in range(0, len(changed), BATCH):
                batch = changed[first:first + BATCH]
                with self._writing() as db:
                    counts = [kept.read(db) for kept in kept_counts()]
                    names = [path.name for path, _ in batch]
                    now = dict(((name, (mtime, size)) for name, mtime, size in db.execute(
                        f"SELECT name, mtime_ns, size FROM files WHERE name IN ({','.join('?' * len(names))})", names)))
                    todo = [(path, stat, read_article(path)) for path, stat in batch
                            if now.get(path.name) != stat]  # not read meanwhile by another builder
                    analysed = iter(mapper(analyse, [a for _, _, a in todo if isinstance(a, Article)]))
                    for done, (path, stat, article) in enumerate(todo, start=first + len(batch) - len(todo)):
                        if progress:
                            progress(done, len(changed))
                        self._forget(db, path.name, counts)
                        self._write(db, path.name, *stat, article,
                                    None if isinstance(article, SkippedFile) else next(analysed), fold, counts)
                        read += 1
                    for kept in counts:
                        kept.write(db)
            if progress and changed:
                progress(len(changed), len(changed))
            replaced = self._identity() != self._file
            if replaced:  # deleted (or replaced) meanwhile: what was written went with the old file
                self._db.close()
                self._db = self._open(self.path)
                self._file = self._identity()
                self._selection_ids.clear()
        return self.update(analyse, fold, progress, mapper) if replaced else read

    def pending(self) -> int:
        """How many article files `update` would read or forget now (all of them after a change of
        the analysis code). Read only: no write lock taken."""
        known = self.read("SELECT value FROM meta WHERE key = 'version'")
        present = article_stats(self.folder)
        if not known or known[0][0] != analysis_version():
            return len(present)
        stored = {name: (mtime, size) for name, mtime, size in self.read("SELECT name, mtime_ns, size FROM files")}
        gone = sum(1 for name in stored if name not in present)
        return gone + sum(1 for name, stat in present.items() if stored.get(name) != stat)

    @staticmethod
    def _forget(db: sqlite3.Connection, name: str, counts: list[KeptCounts]) -> None:
        row = db.execute("SELECT first, count, published FROM files WHERE name = ?", (name,)).fetchone()
        if row and row[0] is not None and row[1]:
            first, last, date = row[0], row[0] + row[1] - 1, date_number(row[2])
            for kept in counts:
                kept.count_range(db, first, last, -1)
            db.execute("DELETE FROM words WHERE rowid BETWEEN ? AND ?", (search_key(date, last), search_key(date, first)))
            for table in BY_SENTENCE:
                db.execute(f"DELETE FROM {table} WHERE sentence BETWEEN ? AND ?", (first, last))
        db.execute("DELETE FROM found_people WHERE file = ?", (name,))
        db.execute("DELETE FROM sentences WHERE file = ?", (name,))
        db.execute("DELETE FROM files WHERE name = ?", (name,))

    def _selection(self, db: sqlite3.Connection, kind: str, key: str) -> int:
        if (kind, key) not in self._selection_ids:
            db.execute("INSERT OR IGNORE INTO selections (kind, key) VALUES (?, ?)", (kind, key))
            self._selection_ids[(kind, key)] = db.execute("SELECT id FROM selections WHERE kind = ? AND key = ?",
                                                          (kind, key)).fetchone()[0]
        return self._selection_ids[(kind, key)]

    def _write(self, db, name: str, mtime: int, size: int, article: Article | SkippedFile,
               analysed: AnalysedArticle | None, fold, counts: list[KeptCounts]) -> None:
        if isinstance(article, SkippedFile) or analysed is None:  # one that could not be read at all is not remembered
            remembered = (-1, -1) if article.retry else (mtime, size)
            db.execute("INSERT INTO files (name, mtime_ns, size, skipped) VALUES (?, ?, ?, ?)",
                       (name, *remembered, article.reason))
            return
        date = date_number(article.published)
        venue = self._selection(db, "venue", analysed.venue) if analysed.venue else None
        first = None
        ranks, panels, ties, dated, figures, facts = [], [], [], [], [], []
        for number, sentence in enumerate(analysed.sentences):
            mentions = json.dumps([(m.kind, m.key, m.start, m.end) for m in sentence.mentions])
            cursor = db.execute("INSERT INTO sentences (file, article, paragraph, number, start, end, text, mentions, "
                                "date, reading) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (name, article.id, sentence.paragraph, number, sentence.start, sentence.end,
                                 sentence.text, mentions, date,
                                 None if sentence.reading is None else reading_json(sentence.reading)))
            row = cursor.lastrowid
            first = row if first is None else first
            db.execute("INSERT INTO words (rowid, text) VALUES (?, ?)",
                       (search_key(date, row), sentence.folded or fold(sentence.text)))
            dated += [(row, n, article.id, d.date, d.status, *d.span, d.basis, json.dumps(d.values), d.entry)
                      for n, d in enumerate(sentence.dated)]
            figures += [(row, n, f.value, f.kind, f.scale, f.unit, f.about, f.year, *f.span)
                        for n, f in enumerate(sentence.figures)]
            themes = [key for (kind, key), _ in sentence.selections if kind == "theme"]
            group = ",".join(sentence.group) if themes else None
            for (kind, key), rank in sentence.selections:
                ranks.append((self._selection(db, kind, key), rank, date, row, group if kind == "theme" else None))
            for (kind, key), rank, place in sentence.panels:
                panels.append((self._selection(db, kind, key), place, date, row, rank, group if kind == "theme" else None))
            if sentence.summit_facts:
                summit = self._selection(db, "summit", sentence.reading.summit)
                facts += [(summit, kind, key, article.language, label, date, row) for kind, key, label in sentence.summit_facts]
            targets = [self._selection(db, kind, key) for (kind, key), _ in sentence.selections if kind != "theme"]
            targets += [venue] if venue else []
            for theme in themes:
                theme_id = self._selection(db, "theme", theme)
                ties += [(theme_id, target, date, row) for target in dict.fromkeys([theme_id, *targets])]
        db.executemany("INSERT INTO ranks VALUES (?, ?, ?, ?, ?)", ranks)
        db.executemany("INSERT INTO panels VALUES (?, ?, ?, ?, ?, ?)", panels)
        db.executemany("INSERT INTO found_people VALUES (?, ?, ?)",
                       [(slug, name, person_json(person)) for slug, person in analysed.found.items()])
        db.executemany("INSERT INTO theme_ties VALUES (?, ?, ?, ?)", ties)
        db.executemany("INSERT INTO dated VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", dated)
        db.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", figures)
        db.executemany("INSERT OR IGNORE INTO summit_facts VALUES (?, ?, ?, ?, ?, ?, ?)", facts)
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                   (name, mtime, size, json.dumps(asdict(article)), article.id, article_key(article.id),
                    article.published, first, len(analysed.sentences)))
        if first is not None:
            for kept in counts:
                kept.count_range(db, first, first + len(analysed.sentences) - 1, 1)

    def tie_counts(self) -> list[tuple[int, int, int, int]] | None:
        """(theme, target, year, ties) as kept up to date by `update` (None if they are not)."""
        with self._lock:
            return kept_counts()[0].read(self._db).rows()

    def mention_counts(self) -> list[tuple[int, int, int, int]] | None:
        """(selection, year, sentences, articles) naming the selection itself, as kept up to date by
        `update` (None if they are not)."""
        with self._lock:
            return kept_counts()[1].read(self._db).rows()

    def terms_starting(self, prefix: str, most: int) -> list[str] | None:
        """The full-text index's words that start with `prefix` (folded), or None if there are
        more than `most`: a prefix query made of its words one by one streams in the index's order,
        where FTS5 merges every matching word's rows before giving the first (30–60 ms a prefix
        at 100,000 articles, against about 1 ms)."""
        with self._lock:
            # in the connection's temp schema (made again after a reopen): nothing written to the store
            self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, 'words', 'row')")
            terms = [term for (term,) in self._db.execute(
                "SELECT term FROM temp.vocabulary WHERE term >= ? AND term < ? LIMIT ?",
                (prefix, prefix + "\U0010ffff", most + 1))]
        return None if len(terms) > most else terms

    def state(self) -> str:
        """What the rows say, in a word: the analysis, the last sentence, and sums over the files
        (how many, their sentences, their names and ids) that change when a file is added, read
        again or removed. What is worked out from the rows and kept beside them (`keep`) is good
        as long as this is the same. A few aggregates: no listing of 100,000 files."""
        version = self.read("SELECT value FROM meta WHERE key = 'version'")
        last = self.read("SELECT coalesce(max(id), 0) FROM sentences")[0][0]
        files = self.read("SELECT count(*), total(count), total(first), total(length(name)), total(length(article_id)), "
                          "total(skipped IS NULL) FROM files")[0]
        return hashlib.sha1(json.dumps([version[0][0] if version else "", last, *files]).encode()).hexdigest()

    def kept(self, name: str) -> str | None:
        """What `keep` kept under that name."""
        rows = self.read("SELECT value FROM meta WHERE key = ?", (f"kept:{name}",))
        return rows[0][0] if rows else None

    def keep(self, name: str, value: str) -> None:
        """Keep beside the rows something the queries work out from all of them (the timeline's
        groups), so that a restart reads it instead of working it out. It says itself which
        `state` it was worked out from; a change of the analysis drops it. Raises StoreBusy at once
        (no wait) when another process is writing."""
        with self._lock:
            self._db.execute("PRAGMA busy_timeout = 0")  # not worth waiting for: a builder elsewhere keeps it
            try:
                with self._writing() as db:
                    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"kept:{name}", value))
            finally:
                self._db.execute(f"PRAGMA busy_timeout = {self.WAIT * 1000}")

    def read(self, sql: str, parameters=()) -> list[tuple]:
        """Rows of a query, under the store's lock (one connection serves every thread)."""
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    def close(self) -> None:
        with self._lock:
            self._db.close()
