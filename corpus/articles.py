"""Read articles from `seeds/`: `<id>.md` with YAML front matter, then paragraphs separated by blank
lines; or `.txt`, `.html`, `.pdf`, `.docx` files without one, whose fields are inferred
(corpus.formats reads them, corpus.infer fills in what they do not state)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable

import yaml

from corpus import formats, infer

REQUIRED = ("title", "published", "language")
OPTIONAL = ("source", "url", "note", "inferred")
INFERABLE = ("title", "published", "language", "source", "url")
MAX_FIELD = 2_000
LANGUAGES = ("fr", "en", "ru", "zh")
SUFFIXES = (".md", *formats.OTHER_SUFFIXES)  # what is read; a .md wins over another file of its stem
PUBLISHED = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n(.*)\Z", re.DOTALL)
MAX_BYTES = 5_000_000
MAX_FRONT_MATTER = 50_000  # characters: room for every field at MAX_FIELD, and bounded work for the YAML parser


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    published: str  # YYYY-MM-DD, or YYYY-MM when the day is unknown
    language: str
    paragraphs: tuple[str, ...]
    source: str = "unknown"
    url: str | None = None
    note: str | None = None
    inferred: tuple[str, ...] = ()  # the fields the file did not state: shown as inferred
    file: str = ""  # the file it was read from (<id>.md, <id>.pdf…)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @classmethod
    def from_fields(cls, fields: dict) -> "Article":
        """From `dataclasses.asdict(article)`, as the store keeps it in JSON."""
        return cls(**{**fields, "paragraphs": tuple(fields["paragraphs"]),
                      "inferred": tuple(fields.get("inferred") or ())})


@dataclass(frozen=True)
class SkippedFile:
    name: str
    reason: str  # every problem found, one a line
    retry: bool = False  # it could not be read at all (vanished, no permission): try it again next time

    @property
    def problems(self) -> list[str]:
        return self.reason.split("\n")

    @property
    def needs_front_matter(self) -> bool:
        """A .md whose front matter is wrong: the About page shows it a correct example."""
        return self.name.lower().endswith(".md") and not self.retry


@dataclass(frozen=True)
class Corpus:
    articles: dict[str, Article] = field(default_factory=dict)
    skipped: tuple[SkippedFile, ...] = ()

    def find(self, article_id: str) -> Article | None:
        """The article a link names, whatever the case or Unicode form of its id."""
        wanted = article_key(article_id)
        return next((article for article in self.articles.values() if article_key(article.id) == wanted), None)


class ArticleError(ValueError):
    """Why one file cannot be read as an article: every problem found, one a line."""

    def __init__(self, *problems: str):
        super().__init__("\n".join(problems))


def parse_article(article_id: str, raw: bytes) -> Article:
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"larger than {MAX_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"not UTF-8 text (byte {error.start})") from error
    if "\x00" in text:
        raise ArticleError("binary content")
    if not text.strip():
        raise ArticleError("empty file")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ArticleError("no front matter: a .md file must start with a '---' line, its fields, and another "
                           "'---' line (or name it .txt to have its title, date and language inferred)")
    if len(match.group(1)) > MAX_FRONT_MATTER:
        raise ArticleError(f"front matter longer than {MAX_FRONT_MATTER:,} characters")
    try:
        meta = yaml.safe_load(match.group(1))
    except Exception as error:  # YAMLError; ValueError (2024-13-01); RecursionError (deep nesting)
        first_line = (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise ArticleError(f"front matter is not valid YAML ({first_line})") from error
    if not isinstance(meta, dict):
        raise ArticleError("front matter is not a set of 'key: value' lines")
    problems = []  # all of them at once, so that one edit fixes the file
    # a list or mapping is not turned into text here: YAML aliases nine deep and nine wide make a
    # 500-byte file a string of gigabytes; it is refused below, unexpanded
    missing = [key for key in REQUIRED if meta.get(key) is None or (isinstance(meta[key], str) and not meta[key].strip())]
    if missing:
        problems.append(f"missing required field(s): {', '.join(missing)}")
    for key in (*REQUIRED, *OPTIONAL):
        # lists and mappings are refused: YAML aliases can blow one up to megabytes of text
        if meta.get(key) is not None and not isinstance(meta[key], (str, int, float, date)):
            problems.append(f"{key} must be a single value, not a list or mapping")
            meta[key] = None
        elif isinstance(meta.get(key), str) and len(meta[key]) > MAX_FIELD:
            problems.append(f"{key} is longer than {MAX_FIELD} characters")
    published = language = ""
    if meta.get("published") is not None:
        published = meta["published"].isoformat() if isinstance(meta["published"], date) else str(meta["published"])
        if not PUBLISHED.match(published):
            problems.append(f"published must be YYYY-MM-DD or YYYY-MM, not {published[:40]!r}")
    if meta.get("language") is not None:
        language = str(meta["language"]).lower()
        if language not in LANGUAGES:
            problems.append(f"language must be {', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]}, not {language[:40]!r}")
    paragraphs = tuple(p.strip() for p in re.split(r"\r?\n[ \t]*\r?\n", match.group(2)) if p.strip())
    if not paragraphs:
        problems.append("no body text after the front matter")
    if problems:
        raise ArticleError(*problems)

    def optional(key: str) -> str | None:
        value = meta.get(key)
        return str(value).strip() if value not in (None, "") else None

    return Article(
        id=article_id,
        title=str(meta["title"]).strip(),
        published=published,
        language=language,
        paragraphs=paragraphs,
        source=optional("source") or "unknown",
        url=optional("url"),
        note=optional("note"),
        inferred=tuple(key for key in re.split(r"[,\s]+", optional("inferred") or "") if key in INFERABLE),
    )


def parse_other(article_id: str, suffix: str, raw: bytes, file_date: date) -> Article:
    """A .txt, .html, .pdf or .docx file read as an article, its missing fields inferred."""
    if not raw.strip():
        raise ArticleError("empty file")
    try:
        extracted = formats.extract(suffix, raw)
        found = infer.infer(extracted, file_date, LANGUAGES)
    except (formats.FormatError, infer.LanguageError) as error:
        raise ArticleError(str(error)) from error
    except ValueError as error:
        raise ArticleError(f"no article text ({error})") from error
    return Article(id=article_id, title=found.title[:MAX_FIELD], published=found.published, language=found.language,
                   paragraphs=found.paragraphs, source=(found.source or "unknown")[:MAX_FIELD],
                   url=(found.url or None), note=found.note, inferred=found.inferred)


def article_key(article_id: str) -> str:
    """Ids that differ only in case or Unicode form (Foo/foo, é composed or not) are one id: they
    would be one file on macOS or Windows, and a link typed by hand should find the article."""
    return unicodedata.normalize("NFC", article_id).casefold()


def same_id_as(owner: str) -> str:
    return f"same article id as {owner} (ids ignore case)"


def article_files(folder: Path) -> list[Path]:
    """Every file of the folder but hidden ones (the index), in name order; a .txt, .html, .pdf or
    .docx of the same id as a .md is left out (the .md, with its front matter, wins). Files of a
    type that is not read are listed too, so that the reader is told."""
    return [folder / entry.name for entry in _listed(folder)]


def _listed(folder: Path) -> list[os.DirEntry]:
    """`article_files` as the folder's own entries: listing 100,000 files through Path objects
    (is_file, stat, a Path each) took 6 s of a restart, the entries 2 s."""
    try:
        with os.scandir(folder) as entries:
            # a folder is listed only if named like an article (x.md/): it is then said to be unreadable
            listed = [entry for entry in entries if not entry.name.startswith(".")
                      and (_is_file(entry) or os.path.splitext(entry.name)[1].lower() in SUFFIXES)]
    except OSError:
        return []
    listed.sort(key=lambda entry: entry.name)
    split = [os.path.splitext(entry.name) for entry in listed]
    with_front_matter = {article_key(stem) for stem, suffix in split if suffix.lower() == ".md"}
    return [entry for entry, (stem, suffix) in zip(listed, split)
            if suffix.lower() == ".md" or article_key(stem) not in with_front_matter]


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def article_stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Each article file's (modification time in ns, size), by file name (`folder / name` is its
    path): what tells the index (and the app's cache of it) that a file was added, edited or
    removed."""
    stats = {}
    for entry in _listed(folder):
        try:
            info = entry.stat()
        except OSError:
            try:
                info = entry.stat(follow_symlinks=False)  # a dangling link: listed, so that reading it names it
            except OSError:  # removed meanwhile
                continue
        stats[entry.name] = (info.st_mtime_ns, info.st_size)
    return stats


def stats_signature(stats: dict[str, tuple[int, int]]) -> str:
    """A digest of `article_stats`: it changes whenever an article file is added, removed or edited."""
    lines = "".join(f"{name}\0{mtime}\0{size}\n" for name, (mtime, size) in stats.items())
    return hashlib.sha1(lines.encode()).hexdigest()


def read_article_file(path: Path, most: int = MAX_BYTES) -> bytes:
    """At most one byte more than an article may hold: a huge file is refused without reading it all.
    Only a regular file inside the articles folder is read, and never waited for: a FIFO or a device
    would block every page, a link to a file elsewhere would publish it; a name that starts or ends
    with a space could not be opened by its link."""
    if path.stem != path.stem.strip() or path.name != path.name.strip():
        raise ArticleError("its name starts or ends with a space: rename the file")
    folder = os.path.realpath(path.parent)
    if os.path.commonpath([folder, os.path.realpath(path)]) != folder:
        raise ArticleError("a link to a file outside the articles folder")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once instead of waiting
    with open(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ArticleError("not a regular file (a FIFO, device or socket)")
        return handle.read(most + 1)


def not_read(path: Path) -> str:
    kind = f"{path.suffix.lower()} files" if path.suffix else "files without a suffix"
    return f"{kind} are not read (the atlas reads {', '.join(SUFFIXES)})"


def read_article(path: Path) -> Article | SkippedFile:
    """The file read as an article, by its suffix, or why it is skipped; never raises."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return SkippedFile(path.name, not_read(path))
    try:
        if suffix == ".md":
            article = parse_article(path.stem, read_article_file(path))
        else:
            most = formats.MAX_DOCUMENT_BYTES if suffix in (*formats.PDF_SUFFIXES, *formats.DOCX_SUFFIXES) else MAX_BYTES
            raw = read_article_file(path, most)
            if len(raw) > most:
                raise ArticleError(f"larger than {most // 1_000_000} MB")
            article = parse_other(path.stem, suffix, raw, date.fromtimestamp(path.stat().st_mtime))
        return replace(article, file=path.name)
    except ArticleError as error:
        return SkippedFile(path.name, str(error))
    except OSError as error:
        return SkippedFile(path.name, f"cannot be read ({error.strerror})", retry=True)


def corpus_of(read: Iterable[Article | SkippedFile]) -> Corpus:
    """The corpus of what was read from the files, in file-name order. Of two files with one id
    (Foo.md, foo.md), the second is skipped, naming the first: removing the first brings it back."""
    articles: dict[str, Article] = {}
    skipped: list[SkippedFile] = []
    owners: dict[str, str] = {}  # article_key → the file that holds that id
    for item in read:
        if isinstance(item, SkippedFile):
            skipped.append(item)
        elif (key := article_key(item.id)) in owners:
            skipped.append(SkippedFile(item.file or f"{item.id}.md", same_id_as(owners[key])))
        else:
            owners[key] = item.file or f"{item.id}.md"
            articles[item.id] = item
    return Corpus(articles=articles, skipped=tuple(skipped))


def load_corpus(folder: Path) -> Corpus:
    """Every readable article in `folder`, without an index; each unreadable file is named in
    `skipped`, never raised."""
    return corpus_of(read_article(path) for path in article_files(folder))
