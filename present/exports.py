"""The selection's excerpts as files: CSV and Markdown with full citations, named after the view.
Each file is made only when its maker is called (a download is made when it is clicked)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from corpus.excerpts import CorpusIndex, Excerpt
from corpus.export import CitationWords, excerpts_csv, excerpts_markdown
from present.links import selection_params, view_link
from present.selection import selection_name
from present.strings import t
from present.view import View

CSV_BOM = "\ufeff"  # spreadsheets then read the file as UTF-8 (accents, «»)


def file_stem(view: View) -> str:
    """`atlas-place-astana-theme-trade`: the selection's link parameters, safe as a file name."""
    params = replace(view, article=None, lang="en", q="search" if view.q else None).as_params()
    words = [f"{name}-{value}" for name, value in params.items()]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(["atlas", *words]).lower()).strip("-")


def excerpt_links(view: View, excerpts: Sequence[Excerpt], base: str | None) -> list[str]:
    """Each excerpt's own address: the view with its article open at its sentence."""
    return [view_link(replace(view, article=e.article.id, sentence=e.sentence.number + 1), base) for e in excerpts]


def excerpt_csv(view: View, excerpts: Sequence[Excerpt], base: str | None) -> str:
    """The CSV of `excerpts` (as downloaded and as /view.csv): each row with its own link.
    `base`: the map page's absolute address (None: links relative to it)."""
    return CSV_BOM + excerpts_csv(excerpts, selection_params(view), excerpt_links(view, excerpts, base))


def excerpt_files(view: View, index: CorpusIndex, excerpts: Sequence[Excerpt],
                  base: str | None) -> tuple[Callable[[], str], Callable[[], str]]:
    """The CSV and the Markdown of `excerpts`, each made when called, cited in the view's language,
    each carrying the links back to the view and to every excerpt. `base`: the map page's absolute
    address (None where it is unknown: the links are then relative)."""
    lang, today = view.lang, date.today().isoformat()
    label = selection_name(view, index)

    def csv_file() -> str:
        return excerpt_csv(view, excerpts, base)

    def markdown_file() -> str:
        intro = t(lang, "export_intro_more" if getattr(excerpts, "more", False) else "export_intro", n=len(excerpts), selection=label,
                  date=today)
        words = CitationWords(t(lang, "cite_article"), t(lang, "cite_sentence"), t(lang, "unknown_source"))
        return excerpts_markdown(excerpts, title=f"{t(lang, 'app_title')} — {label}", intro=intro, words=words,
                                 link=(t(lang, "share_link") + ":", view_link(view, base)),
                                 links=excerpt_links(view, excerpts, base))

    return csv_file, markdown_file
