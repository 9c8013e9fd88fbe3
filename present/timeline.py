"""The timeline as a view shows it: the corpus's events (`corpus.chronology.timeline_entries`),
those of the selection when there is one, each with a title in the reader's language."""

from __future__ import annotations

from corpus.chronology import TimelineEntry, basis_source, sources, timeline_entries, title_of
from corpus.excerpts import CorpusIndex
from corpus.reading import reading_of
from present.selection import selection_excerpts
from present.strings import summit_label, t
from present.view import View

__all__ = ["all_entries", "basis_source", "entry_title", "sources", "timeline_for"]  # what a page reads


def all_entries(index: CorpusIndex) -> list[TimelineEntry]:
    """Every event of the corpus, oldest first; worked out once per index."""
    reading = reading_of(index)
    if "timeline" not in reading.ranked:
        reading.ranked["timeline"] = timeline_entries(index, reading.summits)
    return reading.ranked["timeline"]


def timeline_for(view: View, index: CorpusIndex) -> list[TimelineEntry]:
    """The events the view's excerpts state (a venue's own summit included); all without a selection."""
    entries = all_entries(index)
    excerpts = selection_excerpts(view, index)
    if excerpts is None:
        return entries
    ids = set(excerpts.ids())
    return [entry for entry in entries
            if not ids.isdisjoint(entry.sentence_ids) or (view.place is not None and entry.summit == view.place)]


def entry_title(entry: TimelineEntry, index: CorpusIndex, lang: str) -> str:
    """Plain text: a summit's name, the next summit's number, or the sentence cut to a title."""
    if entry.summit:
        return summit_label(index.gazetteer.places[entry.summit].summit, lang)
    if entry.status == "expected":
        values = dict(entry.listed[0].values)
        return t(lang, "summit_expected", number=values.get("number", ""), year=entry.date[:4])
    return title_of(entry, index)
