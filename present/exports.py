"""The selection's excerpts as files: CSV and Markdown with full citations, named after the view.
Each file is made only when its maker is called (a download is made when it is clicked)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from corpus.excerpts import CorpusIndex, Excerpt
from corpus.export import CitationWords, excerpts_csv, excerpts_markdown
from present.links import selection_params
from present.selection import selection_name
from present.strings import t
from present.view import View

CSV_BOM = "\ufeff"  # spreadsheets then read the file as UTF-8 (accents, «»)


def file_stem(view: View) -> str:
    """`atlas-place-astana-theme-trade`: the selection's link parameters, safe as a file name."""
    params = replace(view, article=None, lang="en", q="search" if view.q else None).as_params()
    words = [f"{name}-{value}" for name, value in params.items()]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(["atlas", *words]).lower()).strip("-")


def excerpt_files(view: View, index: CorpusIndex,
                  excerpts: Sequence[Excerpt]) -> tuple[Callable[[], str], Callable[[], str]]:
    """The CSV and the Markdown of `excerpts`, each made when called, cited in the view's language."""
    lang, today = view.lang, date.today().isoformat()
    label, params = selection_name(view, index), selection_params(view)

    def csv_file() -> str:
        return CSV_BOM + excerpts_csv(excerpts, params)

    def markdown_file() -> str:
        intro = t(lang, "export_intro", n=len(excerpts), selection=label, params=params or "—", date=today)
        words = CitationWords(t(lang, "cite_article"), t(lang, "cite_sentence"), t(lang, "unknown_source"))
        return excerpts_markdown(excerpts, title=f"{t(lang, 'app_title')} — {label}", intro=intro, words=words)

    return csv_file, markdown_file
