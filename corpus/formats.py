"""The text and metadata of an article file that has no front matter: plain text, a saved web page,
a PDF or a Word file. Each reader is bounded (size, pages, archive members) so that no file can
hang or blow up the index build; what a file cannot give is left to `corpus.infer`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

# The suffixes read besides .md, and by which reader.
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)
OTHER_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *PDF_SUFFIXES, *DOCX_SUFFIXES)

MAX_DOCUMENT_BYTES = 20_000_000  # a PDF or Word file (images make them large); text and pages: corpus.articles
MAX_PAGES = 300  # of a PDF: a book is not an article
MAX_TEXT = 1_000_000  # characters kept from any one file, after extraction
MAX_UNZIPPED = 50_000_000  # bytes a .docx may hold once unpacked
MAX_RATIO = 100  # unpacked / packed, per member: more is a zip bomb
MAX_MEMBERS = 2_000
MIN_PAGE_TEXT = 100  # characters: less, from a web page, is a "loading…" or "enable JavaScript" shell


class FormatError(ValueError):
    """Why a file's text cannot be had."""


@dataclass(frozen=True)
class Extracted:
    """What a file gives by itself: its paragraphs and whatever metadata it carries (None if not)."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD or YYYY-MM: the page's publication date
    created: str | None = None  # when the PDF or Word file was made: weaker than a dateline
    source: str | None = None
    url: str | None = None
    title_from: str = ""  # where the title was found ("metadata", "headline"), for the note


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM); else the encoding charset-normalizer finds (a Russian file
    saved in Windows-1251, a French one in Latin-1), when it is sure enough."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        import charset_normalizer

        best = charset_normalizer.from_bytes(raw[:200_000]).best()
        if best is None or best.encoding in ("utf_8", "ascii"):
            raise FormatError(f"not UTF-8 text (byte {error.start}), and no other encoding fits") from error
        return raw.decode(best.encoding, errors="replace")


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Paragraphs separated by blank lines; a text with no blank line at all has one paragraph a line
    (as pasted from many sites)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blank_line = re.compile(r"\n[ \t]*\n")
    blocks = blank_line.split(text) if blank_line.search(text.strip()) else text.split("\n")
    return tuple(block.strip() for block in blocks if block.strip())


def _scraper_date(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """A leading "date 2025-06" left by the tool that saved the text: metadata, not prose."""
    if paragraphs and (match := re.match(r"\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*", paragraphs[0])):
        return paragraphs, match.group(1)
    return paragraphs, None


def read_text(raw: bytes) -> Extracted:
    text = decode_text(raw)
    if "\x00" in text:
        raise FormatError("binary content, not text")
    paragraphs, date = _scraper_date(paragraphs_of(text[:MAX_TEXT]))
    return Extracted(paragraphs, published=date)


def read_html(raw: bytes) -> Extracted:
    """The article of a saved web page, by trafilatura: its main text only (no navigation, cookie
    banner, related links, comments, scripts or frames) and the page's metadata."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False, prune_xpath=["//noscript"],
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as error:  # a page lxml cannot parse at all
        raise FormatError(f"the web page cannot be read ({type(error).__name__})") from error
    text = (document.text if document is not None else "") or ""
    if len(text.strip()) < MIN_PAGE_TEXT:
        raise FormatError("the web page has no article text (only scripts, menus or nothing)")
    paragraphs = tuple(line.strip() for line in text[:MAX_TEXT].split("\n") if line.strip())
    title = (document.title or "").strip() or None
    if title and paragraphs and paragraphs[0] == title:  # the page's headline opens its text
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise FormatError("the web page has a title but no article text")
    source = (document.sitename or "").strip() or (document.author or "").strip() or None
    return Extracted(paragraphs, title=title, published=document.date, source=source, url=document.url or None,
                     title_from="metadata" if title else "")


def _pdf_date(value) -> str | None:
    return value.date().isoformat() if isinstance(value, datetime) else None


_HEADER_LINE = re.compile(r"^(page\s*)?\d{1,4}(\s*/\s*\d{1,4})?$", re.IGNORECASE)


def _join_lines(lines: list[str]) -> list[str]:
    """A PDF's lines back into paragraphs: a blank line ends one (pypdf's layout mode keeps the gaps
    between paragraphs); in a PDF with no gaps, a line ending a sentence short of the page's width
    does. A word cut by a hyphen at a line's end is joined again."""
    paragraphs: list[str] = []
    current = ""
    lines = [re.sub(r"\s{2,}", " ", line).strip() for line in lines]
    width = max((len(line) for line in lines), default=0)
    gaps = any(not line for line in lines[1:-1])
    for line in lines:
        if not line or _HEADER_LINE.match(line):
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and current[-2:-1].isalpha() and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if not gaps and line[-1:] in ".!?»”:。！？" and len(line) < 0.8 * width:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def read_pdf(raw: bytes) -> Extracted:
    import pypdf
    from pypdf.errors import PdfReadError

    if len(raw) > MAX_DOCUMENT_BYTES:
        raise FormatError(f"larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB")
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise FormatError("the PDF is encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise FormatError(f"the PDF has {len(reader.pages)} pages, more than an article's {MAX_PAGES}")
        lines: list[str] = []
        size = 0
        for page in reader.pages:
            try:
                text = page.extract_text(extraction_mode="layout") or ""
            except Exception:  # layout mode is pickier about odd fonts: the plain mode then
                text = page.extract_text() or ""
            lines += text.split("\n")
            size += len(text)
            if size > MAX_TEXT:
                break
        meta = reader.metadata or {}
        title = str(meta.get("/Title") or "").strip() or None
        author = str(meta.get("/Author") or "").strip() or None
        published = _pdf_date(getattr(reader.metadata, "creation_date", None)) if reader.metadata else None
    except FormatError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError, OSError) as error:
        raise FormatError(f"not a readable PDF ({type(error).__name__})") from error
    if title and re.match(r"(untitled|microsoft word|document\d*$)", title, re.IGNORECASE):
        title = None  # what a word processor writes, not a headline
    paragraphs = tuple(_join_lines(lines))
    if not paragraphs:
        raise FormatError("the PDF has no text (a scan? it would need OCR)")
    return Extracted(paragraphs, title=title, created=published, source=author,
                     title_from="metadata" if title else "")


def check_archive(raw: bytes) -> None:
    """A .docx is a zip: refuse one that would unpack to far more than it weighs (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise FormatError("not a Word .docx file (not a zip archive)") from error
    if len(members) > MAX_MEMBERS:
        raise FormatError(f"the .docx holds {len(members)} parts, more than {MAX_MEMBERS}")
    total = sum(member.file_size for member in members)
    if total > MAX_UNZIPPED:
        raise FormatError(f"the .docx would unpack to {total // 1_000_000} MB (at most {MAX_UNZIPPED // 1_000_000}): refused")
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise FormatError(f"the .docx part {member.filename[:60]} unpacks {member.file_size // member.compress_size}"
                              " times its size (a zip bomb): refused")


def read_docx(raw: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if len(raw) > MAX_DOCUMENT_BYTES:
        raise FormatError(f"larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB")
    check_archive(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise FormatError(f"not a readable Word .docx file ({type(error).__name__})") from error
    except Exception as error:  # lxml's XMLSyntaxError and the like, from a damaged part
        raise FormatError(f"not a readable Word .docx file ({type(error).__name__})") from error
    title = None
    paragraphs: list[str] = []
    size = 0
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if title is None and not paragraphs and (style == "Title" or style.startswith("Heading")):
            title = text  # the headline, styled as one
            continue
        paragraphs.append(text)
        size += len(text)
        if size > MAX_TEXT:
            break
    properties = document.core_properties
    meta_title = (properties.title or "").strip() or None
    author = (properties.author or "").strip() or None
    created = properties.created.date().isoformat() if isinstance(properties.created, datetime) else None
    if author == "python-docx":  # python-docx's template: its author and its date (2013), not the article's
        author = created = None
    if author and re.match(r"(microsoft office user|user|admin)$", author, re.IGNORECASE):
        author = None  # a default, not a publisher
    if not paragraphs:
        raise FormatError("the Word file has no text")
    return Extracted(tuple(paragraphs), title=meta_title or title, created=created, source=author,
                     title_from="metadata" if meta_title else ("headline" if title else ""))


READERS = {**{s: read_text for s in TEXT_SUFFIXES}, **{s: read_html for s in HTML_SUFFIXES},
           **{s: read_pdf for s in PDF_SUFFIXES}, **{s: read_docx for s in DOCX_SUFFIXES}}


def extract(suffix: str, raw: bytes) -> Extracted:
    """The text and metadata of a file of that suffix (lower-case, with its dot); FormatError if none."""
    return READERS[suffix](raw)
