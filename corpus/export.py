"""A selection's excerpts as files to take away: CSV for a spreadsheet, Markdown for a note,
each excerpt with its full citation (title, source, date, URL, article id, sentence number).

Article text is data here too: in the CSV no cell can start a spreadsheet formula, and in the
Markdown every character a renderer could give a meaning to (HTML, links, emphasis, block
starts, math) is escaped, so the file renders the text exactly as the article has it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.excerpts import Excerpt
from corpus.text import safe_url

COLUMNS = ("article_id", "title", "source", "published", "language", "url", "sentence", "excerpt", "selection", "link")
# A spreadsheet reads a cell starting with one of these as a formula (or a DDE call).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """`value`, with a leading apostrophe if a spreadsheet would otherwise run it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def excerpts_csv(excerpts: Sequence[Excerpt], selection: str, links: Sequence[str] | None = None) -> str:
    """One row per excerpt, columns COLUMNS. `sentence` counts from 1 in its article, as the
    `sentence` link parameter does; `excerpt` is the text the panel shows (the sentence, with
    its neighbours when it is short); `selection` is what was selected, as the link parameters
    that reopen it; `link` the excerpt's own address in the atlas (from `links`, one per excerpt)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(COLUMNS)
    for number, excerpt in enumerate(excerpts):
        article = excerpt.article
        cells = (article.id, article.title, article.source, article.published, article.language, article.url or "")
        writer.writerow([*map(spreadsheet_safe, cells), excerpt.sentence.number + 1,
                         spreadsheet_safe(excerpt.text), spreadsheet_safe(selection),
                         spreadsheet_safe(links[number]) if links else ""])
    return out.getvalue()


# Backslash-escaped: CommonMark lets any ASCII punctuation be escaped so. `:` only where it could
# open an emoji shortcode (`:smile:`), so that ordinary colons stay readable in the raw file.
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_\[\]|~$]|:(?=[\w+-]+:)")
# What would open a block at the start of a line: heading, list item, rule, setext underline.
_BLOCK_START = re.compile(r"^(?:[#+=-]|\d+(?=[.)]))")


def _inline(text: str) -> str:
    """`text` on one line (each run of whitespace one space), HTML's `& < >` as entities and
    other active punctuation backslash-escaped."""
    escaped = re.sub(r"\s+", " ", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(lambda m: "\\" + m.group(0), escaped)


def _line_start(escaped: str) -> str:
    """Escape a start that could open a block: `\\#`, `\\-`, `2025\\.`."""
    def escape_start(match: re.Match) -> str:
        found = match.group(0)
        return found + "\\" if found[0].isdigit() else "\\" + found
    return _BLOCK_START.sub(escape_start, escaped)


def markdown_text(text: str) -> str:
    """Plain text that renders as typed in Markdown, on one line. A bare `https://…` in the text
    may still be shown as a link by renderers that link addresses; no other scheme is linked."""
    return _line_start(_inline(text).strip())


def _highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` escaped, each matched span (the words the panel highlights) in bold."""
    parts, last = [], 0
    for start, end in spans:
        word = _inline(text[start:end]).strip()
        parts += [_inline(text[last:start]), f"**{word}**" if word else ""]
        last = end
    parts.append(_inline(text[last:]))
    return _line_start("".join(parts).strip())


@dataclass(frozen=True)
class CitationWords:
    """The words of a citation line, in the reader's language."""

    article: str = "article"
    sentence: str = "sentence"
    unknown_source: str = "unknown"


def markdown_link(url: str) -> str:
    """An address as Markdown writes it whole: `<https://…?a=1&b=2>` (an autolink: its `&` stays
    `&`), or as code when it is not absolute; never backslashes or `&amp;` in the address."""
    if re.fullmatch(r"https?://[^\s<>`]+", url):
        return f"<{url}>"
    return f"`{url.replace('`', '%60')}`"


def excerpts_markdown(excerpts: Sequence[Excerpt], *, title: str, intro: str = "",
                      words: CitationWords = CitationWords(), link: tuple[str, str] | None = None,
                      links: Sequence[str] | None = None) -> str:
    """A heading (`title`), an optional `intro` line, then each excerpt as a blockquote, its
    matched words in bold, followed by its citation: title, source, date, the original's
    address (linked only if it is http or https), article id and sentence number. All of
    `title`, `intro` and the article's text are plain text, escaped here. `link`: (words, address)
    of the view, written under the intro; `links`: each excerpt's own address, after its citation."""
    lines = [f"# {markdown_text(title)}", ""]
    if intro:
        lines += [markdown_text(intro), ""]
    if link:
        lines += [f"{markdown_text(link[0])} {markdown_link(link[1])}", ""]
    for number, excerpt in enumerate(excerpts):
        article = excerpt.article
        source = words.unknown_source if article.source == "unknown" else article.source
        cited = [f"**{markdown_text(article.title)}**", markdown_text(source), markdown_text(article.published)]
        url = safe_url(article.url)
        if url and not re.search(r"[\s<>]", url):
            cited.append(f"<{url}>")
        elif article.url:
            cited.append(markdown_text(article.url))
        cited.append(f"{words.article} {markdown_text(article.id)}, {words.sentence} {excerpt.sentence.number + 1}")
        if links:
            cited.append(markdown_link(links[number]))
        lines += [f"> {_highlighted(excerpt.text, excerpt.highlights)}", ">", f"> — {' · '.join(cited)}", ""]
    return "\n".join(lines)
