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
from typing import TYPE_CHECKING, NamedTuple

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


class Stored(NamedTuple):
    """A dated sentence of the store as the timeline groups it: keys, not text."""
    sentence: int  # its id
    position: int  # the date's order in the sentence
    date: str
    status: str
    basis: str
    article: str  # the article's id


@dataclass(frozen=True)
class TimelineEntry:
    """One event once: its date, how the date is known, and every dated sentence that says it, the
    first one the date's source: the atlas's own events (`Event`: a listed summit, the expected
    one) and the store's (`Stored`), read in full by `sources`."""
    date: str
    status: str  # an Event's status, or "planned" (after its article's date: announced, not done)
    summit: str | None  # the venue's slug, for a summit (held or expected: "expected" status)
    said: tuple  # Event | Stored

    @property
    def sentence_ids(self) -> set[int]:
        return {s.sentence if isinstance(s, Stored) else s.sentence.id for s in self.said
                if isinstance(s, Stored) or s.sentence is not None}

    @property
    def count(self) -> int:
        """How many sentences say it."""
        return len(self.sentence_ids)


def sources(entry: TimelineEntry, index: CorpusIndex, n: int | None = None) -> list[Event]:
    """The first `n` of the entry's sentences (all if None), as events, their sentences and
    articles read now."""
    chosen = [s for s in entry.said if isinstance(s, Stored) or s.sentence is not None][:n]
    return _events(chosen, index)


def basis_source(entry: TimelineEntry, index: CorpusIndex) -> Event | None:
    """The first of the entry's events that says how its date was reached, if one does."""
    said = next((s for s in entry.said if s.basis), None)
    return None if said is None else _events([said], index)[0]


def _events(said: list, index: CorpusIndex) -> list[Event]:
    stored = [s for s in said if isinstance(s, Stored)]
    found = index.dated_at([s.sentence for s in stored])
    articles = index.articles_of([s.article for s in stored])
    events = []
    for s in said:
        if isinstance(s, Event):
            events.append(s)
            continue
        sentence, dated = found[(s.sentence, s.position)]
        events.append(Event(dated.date, dated.status, articles[s.article], sentence, dated.span, dated.basis,
                            dated.values, dated.entry))
    return events


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
    summits: dict[str, list] = {venue: list(said) for venue, said in stored.summits.items()}
    expected: list = []
    for event in [*held_summits(index), *expected_summits(index)]:
        if event.status == "expected":
            expected.append(event)
        else:
            summits.setdefault(event.entry[len(SUMMIT):], []).insert(0, event)  # the atlas's own listing first
    entries = [TimelineEntry(by_venue[venue].start.isoformat(), "reference", venue, tuple(said))
               for venue, said in summits.items()]
    others = list(stored.others)
    if expected:
        same = [s for s in stored.next_summit if s.date[:4] == expected[0].date[:4]]
        entries.append(TimelineEntry(expected[0].date, "expected", None, tuple(expected + same)))
        others += [[s] for s in stored.next_summit if s not in same]
    else:
        others += [[s] for s in stored.next_summit]
    for said in others:
        first = said[0]
        published = index.published_of(first.article)
        status = "planned" if first.status == "stated" and first.date > published[:len(first.date)] else first.status
        entries.append(TimelineEntry(first.date, status, None, tuple(said)))
    return sorted(entries, key=lambda e: (e.date, e.status == "expected", e.summit is None))


@dataclass(frozen=True)
class StoredGroups:
    """The store's dated sentences as the timeline groups them (what `timeline_entries` adds the
    atlas's own summits to)."""
    summits: dict[str, tuple[Stored, ...]]  # venue → the sentences dating its summit
    next_summit: tuple[Stored, ...]  # sentences dating a summit the atlas has no venue for
    others: tuple[tuple[Stored, ...], ...]  # each other event's sentences, by date and corpus order


CODE = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()  # a change of the grouping: group again


def stored_groups(index: CorpusIndex) -> StoredGroups:
    """The groups the builder kept for the index's state of the store (`keep_timeline`), else
    worked out now (a few seconds at 100,000 articles)."""
    kept = index.store.kept("timeline")
    if kept:
        value = json.loads(kept)
        if value["state"] == index.state and value["code"] == CODE:
            return _decoded(value["groups"])
    return group_stored(index.dated_events())


def keep_timeline(index: CorpusIndex) -> bool:
    """Work the groups out and keep them in the store, unless they are kept for this state;
    True if they were worked out. The builder's step after an update: a restart reads them."""
    kept = index.store.kept("timeline")
    if kept:
        value = json.loads(kept)
        if value["state"] == index.state and value["code"] == CODE:
            return False
    groups = group_stored(index.dated_events())
    index.store.keep("timeline", json.dumps({"state": index.state, "code": CODE, "groups": _encoded(groups)}))
    return True


def _encoded(groups: StoredGroups) -> dict:
    return {"summits": {venue: [list(s) for s in said] for venue, said in groups.summits.items()},
            "next": [list(s) for s in groups.next_summit], "others": [[list(s) for s in said] for said in groups.others]}


def _decoded(value: dict) -> StoredGroups:
    return StoredGroups({venue: tuple(Stored(*s) for s in said) for venue, said in value["summits"].items()},
                        tuple(Stored(*s) for s in value["next"]),
                        tuple(tuple(Stored(*s) for s in said) for said in value["others"]))


def group_stored(rows) -> StoredGroups:
    """Group the store's event rows (`CorpusIndex.dated_events`, in date and corpus order): a
    summit's by its venue, the next summit's apart, and every other one with the first event of
    its date that shares one of its places or people."""
    summits: dict[str, list[Stored]] = {}
    next_summit: list[Stored] = []
    merged: list[list[Stored]] = []
    # an event joins the first group of its date that shares one of its keys (a group's keys are its
    # first event's): the first group of each (date, key), so that a join is a look-up
    first_with: dict[tuple[str, str], int] = {}
    for sentence, position, date_text, status, basis, entry, article in rows:
        said = Stored(sentence, position, date_text, status, basis, article)
        if entry.startswith(SUMMIT):
            summits.setdefault(entry[len(SUMMIT):], []).append(said)
            continue
        if entry == NEXT:
            next_summit.append(said)
            continue
        if not entry.startswith(ABOUT):
            continue
        keys = [(date_text, key) for key in entry[len(ABOUT):].split("|") if key]
        joined = [first_with[key] for key in keys if key in first_with]
        if joined:
            merged[min(joined)].append(said)
            continue
        merged.append([said])
        for key in keys:
            first_with.setdefault(key, len(merged) - 1)
    return StoredGroups({venue: tuple(said) for venue, said in summits.items()}, tuple(next_summit),
                        tuple(tuple(said) for said in merged))


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
