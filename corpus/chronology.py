"""The timeline as the store gives it back: the dates each sentence states (`corpus.timeline`,
found when its article was analysed), the summits of the atlas's list and the one expected after
them; one event once, with every dated sentence that says it.

The events are grouped from the store's keys alone (sentence id, date, status, how the analysis
took the date, article id): a corpus of 100,000 articles has hundreds of thousands of dated
sentences, of which a reader sees fifty events at a time. An event's sentences and article are
read when it is shown (`sources`). Query side only: nothing here is part of the analysis, so a
change here leaves every store as it is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.articles import Article
from corpus.events import ABOUT, NEXT, SUMMIT, SummitRef
from corpus.text import fold

if TYPE_CHECKING:
    from corpus.excerpts import CorpusIndex, Sentence

ALTERNATION = re.compile(r"tous les deux ans|every two years")
TITLE_MAX = 80
NAMING_LOOKED_AT = 400  # a venue's best excerpts looked at for one that names its summit (a corpus has thousands)


@dataclass(frozen=True)
class Event:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    status: str  # "stated"; "inferred" (worked out from the article's date); "reference" (the atlas's
    # summit list, shown with a sentence naming the summit); "expected" (the alternation rule)
    article: Article | None
    sentence: Sentence | None
    span: tuple[int, int] | None  # the date's words in the sentence
    basis: str = ""  # how an inferred, listed or expected date was reached: a key the UI words
    values: tuple[tuple[str, str], ...] = ()  # what that wording needs
    entry: str = ""  # how the timeline takes it (corpus.events.entry_of; "" for none)


@dataclass(frozen=True)
class TimelineEntry:
    """One event once: its date, how the date is known, and every dated sentence that says it, the
    first one the date's source: the atlas's own events first (`listed`: a summit of its list, the
    expected one), then the store's (`keys`: (sentence id, position) of each date, read in full
    by `sources`)."""
    date: str
    status: str  # an Event's status, or "planned" (after its article's date: announced, not done)
    summit: str | None  # the venue's slug, for a summit (held or expected: "expected" status)
    listed: tuple = ()  # Event
    keys: tuple = ()  # (sentence id, position) pairs (lists, as kept)
    basis_at: int = -1  # the first of `keys` that says how its date was reached (-1: none does)

    @property
    def sentence_ids(self) -> set[int]:
        return {e.sentence.id for e in self.listed if e.sentence is not None} | {key[0] for key in self.keys}

    @property
    def count(self) -> int:
        """How many sentences say it."""
        return len(self.sentence_ids)


def sources(entry: TimelineEntry, index: CorpusIndex, n: int | None = None) -> list[Event]:
    """The first `n` of the entry's sentences (all if None), as events, their sentences and
    articles read now."""
    listed = [e for e in entry.listed if e.sentence is not None][:n]
    keys = list(entry.keys)[:None if n is None else max(0, n - len(listed))]
    return listed + _events(keys, index)


def basis_source(entry: TimelineEntry, index: CorpusIndex) -> Event | None:
    """The first of the entry's events that says how its date was reached, if one does."""
    listed = next((e for e in entry.listed if e.basis), None)
    if listed is not None or entry.basis_at < 0:
        return listed
    return _events([entry.keys[entry.basis_at]], index)[0]


def _events(keys: list, index: CorpusIndex) -> list[Event]:
    found = index.dated_at([key[0] for key in keys])
    said = [found[(key[0], key[1])] for key in keys]
    articles = index.articles_of([sentence.article_id for sentence, _ in said])
    return [Event(dated.date, dated.status, articles[sentence.article_id], sentence, dated.span, dated.basis,
                  dated.values, dated.entry) for sentence, dated in said]


def title_of(entry: TimelineEntry, index: CorpusIndex) -> str:
    """Plain text: the entry's first sentence cut to a title ("" for a summit: the UI names it)."""
    if entry.summit or entry.status == "expected":
        return ""
    first = sources(entry, index, 1)[0]
    return short_title(first.sentence.text, first.span)


def timeline_entries(index: CorpusIndex, refs: list[SummitRef]) -> list[TimelineEntry]:
    """The timeline's events, oldest first (a date's summit first, then in corpus order), as
    `corpus.events.entry_of` took each date when its article was analysed: no caption's date, no
    dateline's, no statistic's year; a summit once, with all its sentences; other events once per
    date and person or place; a date after its article's marked planned."""
    by_venue = {ref.venue: ref for ref in refs}
    stored = stored_groups(index)
    listed = [*held_summits(index), *expected_summits(index)]
    held = {event.entry[len(SUMMIT):]: event for event in listed if event.status != "expected"}
    entries = [TimelineEntry(by_venue[venue].start.isoformat(), "reference", venue,
                             (held[venue],) if venue in held else (), tuple(stored.summits.get(venue, ())))
               for venue in {**held, **stored.summits}]
    next_summit = stored.next_summit
    expected = [event for event in listed if event.status == "expected"]
    if expected:  # the sentences dating the expected summit's year are its sources
        same = [g for g in next_summit if g[0][:4] == expected[0].date[:4]]
        entries.append(TimelineEntry(expected[0].date, "expected", None, tuple(expected),
                                     tuple(key for _, _, keys, _ in same for key in keys)))
        next_summit = [g for g in next_summit if g not in same]
    entries += [TimelineEntry(date_text, status, None, (), tuple(keys), basis_at)
                for date_text, status, keys, basis_at in [*stored.others, *next_summit]]
    return sorted(entries, key=lambda e: (e.date, e.status == "expected", e.summit is None))


@dataclass(frozen=True)
class StoredGroups:
    """The store's dated sentences as the timeline groups them (what `timeline_entries` adds the
    atlas's own summits to), as lists that are kept as they are (JSON)."""
    summits: dict  # venue → [sentence id, position] of each date of its summit
    next_summit: list  # [date, status, [[sentence id, position]], basis_at]: a summit the atlas has no venue for
    others: list  # [date, status, [[sentence id, position], …], basis_at]: each other event


CODE = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()  # a change of the grouping: group again


def stored_groups(index: CorpusIndex) -> StoredGroups:
    """The groups the builder kept for the index's state of the store (`keep_timeline`), else
    worked out now (a few seconds at 100,000 articles)."""
    if index.store.kept("timeline:stamp") == _stamp(index.state):
        kept = json.loads(index.store.kept("timeline") or "{}")
        if kept.get("stamp") == _stamp(index.state):
            return StoredGroups(**kept["groups"])
    return group_stored(index.dated_events(), index.published_of)


def keep_timeline(index: CorpusIndex) -> bool:
    """Unless the store keeps the groups for the index's state, work them out and keep them, so
    that the next start reads them (`corpus.build.load_index` does it). True if it did."""
    stamp = _stamp(index.state)
    if index.store.kept("timeline:stamp") == stamp:
        return False
    groups = group_stored(index.dated_events(), index.published_of)
    index.store.keep("timeline", json.dumps({"stamp": stamp, "groups": groups.__dict__}))
    index.store.keep("timeline:stamp", stamp)  # read alone: whether the groups are good, without reading them
    return True


def _stamp(state: str) -> str:
    return f"{state}:{CODE}"


def group_stored(rows, published_of) -> StoredGroups:
    """Group the store's event rows (`CorpusIndex.dated_events`, in date and corpus order): a
    summit's by its venue, the next summit's apart, and every other one with the first event of
    its date that shares one of its places or people; an event after its article's date (its
    first sentence's: `published_of(article id)`) is planned."""
    summits: dict[str, list] = {}
    next_summit: list = []
    merged: list = []
    # an event joins the first group of its date that shares one of its keys (a group's keys are its
    # first event's): the first group of each (date, key), so that a join is a look-up
    first_with: dict[tuple[str, str], int] = {}

    def group(date_text: str, status: str, basis: str, article: str, key: list) -> list:
        if status == "stated" and date_text > published_of(article)[:len(date_text)]:
            status = "planned"
        return [date_text, status, [key], 0 if basis else -1]

    for sentence, position, date_text, status, basis, entry, article in rows:
        key = [sentence, position]
        if entry.startswith(SUMMIT):
            summits.setdefault(entry[len(SUMMIT):], []).append(key)
            continue
        if entry == NEXT:
            next_summit.append(group(date_text, status, basis, article, key))
            continue
        if not entry.startswith(ABOUT):
            continue
        keys = [(date_text, k) for k in entry[len(ABOUT):].split("|") if k]
        joined = [first_with[k] for k in keys if k in first_with]
        if joined:
            _, _, keys_of, basis_at = joining = merged[min(joined)]
            if basis and basis_at < 0:
                joining[3] = len(keys_of)
            keys_of.append(key)
            continue
        merged.append(group(date_text, status, basis, article, key))
        for k in keys:
            first_with.setdefault(k, len(merged) - 1)
    return StoredGroups(summits, next_summit, merged)


def short_title(text: str, span: tuple[int, int] | None) -> str:
    """A sentence cut to a title: without its date's words and the connectors around them, its
    first clause, at most TITLE_MAX characters at a word's end."""
    if span:
        before = re.sub(r"\s+(?:en|in|on|le|du|au|by|since|depuis|from|dès|des|à|at)\s*$", "", text[:span[0]],
                        flags=re.IGNORECASE)
        text = before + text[span[1]:]
    text = re.sub(r"^\W*(?:(?:c[’']est|it was|en|in|le|la|on|au|since|depuis|dès|des|fin|début|by|until|earlier|auparavant)[\s,]+)*[,\s]*",
                  "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;:—-")
    if len(text) > TITLE_MAX:
        cut = text[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(" ,;:")
        text = cut + "…"
    return text[:1].upper() + text[1:]


# --- every dated sentence, as events ---------------------------------------------------------

def _order(event: Event) -> tuple:
    return event.date, event.status == "expected", event.article.id if event.article else ""


class Timeline(Sequence):
    """Every dated event, oldest first: the dates the store keeps for the sentences (found when
    each article was analysed), with the summits of the atlas's list and the one expected among
    them; each read from the store when asked for."""

    def __init__(self, index: CorpusIndex, listed: list[Event]):
        self._index = index
        self._listed = sorted(listed, key=_order)

    def __len__(self) -> int:
        return self._index.dated_count() + len(self._listed)

    def _first(self, n: int | None) -> list[Event]:
        rows = self._index.dated(n)
        articles = self._index.articles_of([sentence.article_id for sentence, _ in rows])
        stored = [Event(dated.date, dated.status, articles[sentence.article_id], sentence,
                        dated.span, dated.basis, dated.values, dated.entry) for sentence, dated in rows]
        merged, listed = [], list(self._listed)
        for event in stored:  # on equal keys a stored date comes first, as in a stable sort
            while listed and _order(listed[0]) < _order(event):
                merged.append(listed.pop(0))
            merged.append(event)
        if n is None or len(stored) < n:
            merged.extend(listed)
        return merged if n is None else merged[:n]

    def __iter__(self):
        return iter(self._first(None))  # one read, not one a step

    def __getitem__(self, item):
        if isinstance(item, slice):
            if item.step in (None, 1) and item.stop is not None and item.stop >= 0 and (item.start or 0) >= 0:
                return self._first(item.stop)[item.start or 0:]
            return self._first(None)[item]
        events = self._first(item + 1) if item >= 0 else self._first(None)
        return events[item]


def corpus_events(index: CorpusIndex) -> Timeline:
    """Every dated event, oldest first, the dates the timeline does not take among them (a
    dateline's, a caption's, a statistic's year: `Event.entry` ""); a sentence with two dates
    gives two events."""
    return Timeline(index, [*held_summits(index), *expected_summits(index)])


def expected_summits(index: CorpusIndex) -> list[Event]:
    """The next summit: two years after the last one, in China if the last was in Central Asia (and
    the reverse), as the leaders agreed at Xi'an. Cites the sentence that states the rule."""
    summits = sorted((p for p in index.gazetteer.places.values() if p.summit), key=lambda p: p.summit.number)
    if not summits:
        return []
    last = summits[-1]
    rule = next((sentence for phrase in ("tous les deux ans", "every two years") for sentence in index.with_words(phrase)
                 if ALTERNATION.search(fold(sentence.text).text)), None)
    host = "china" if last.country != "CHN" else "central_asia"
    year = int(last.summit.dates[:4]) + 2
    article = index.corpus.articles[rule.article_id] if rule else None
    return [Event(str(year), "expected", article, rule, None, "alternation",
                  (("number", str(last.summit.number + 1)), ("host", host), ("last", last.slug)))]


def held_summits(index: CorpusIndex) -> list[Event]:
    """Each summit on its date from the atlas's summit list, with the sentence that best names it
    among those not already on the timeline under a date of their own (among the venue's first
    NAMING_LOOKED_AT excerpts)."""
    events = []
    for place in index.gazetteer.places.values():
        if not place.summit:
            continue
        best = (s for s in index.excerpts_for_place(place.slug).sentences(NAMING_LOOKED_AT)
                if re.search(r"sommet|summit", fold(s.text).text))
        sentence = next((s for s in best if not index.is_dated(s)), None)
        article = index.corpus.articles[sentence.article_id] if sentence else None
        start = place.summit.dates.split("/")[0]
        events.append(Event(start, "reference", article, sentence, None, "summit_list", (("place", place.slug),),
                            SUMMIT + place.slug))
    return events
