"""The close reading of the corpus as the store keeps it: each sentence's role, the people it
names, whose words it carries and which summit it is about, worked out when each article was
analysed (`corpus.reader`) and read back here, an article at a time (a bounded cache). One
`CorpusReading` per index (`reading_of`); nothing is read again when a panel is opened.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

from corpus.events import SummitRef, summit_refs
from corpus.excerpts import CorpusIndex, Sentence
from corpus.people import Person, PersonMention, load_people
from corpus.quotes import Statement
from corpus.reader import from_json, person_from_json
from corpus.roles import Role
from corpus.analysis import NAMED, QUOTED, REPORTED

UNREAD = '["body", 0, [], false, [], null, null]'  # a sentence stored without a reading: plain content
KEPT_ARTICLES = 2_000  # articles' readings kept in memory (each read back from the store when needed)


@dataclass(frozen=True)
class ArticleReading:
    sentences: tuple[Sentence, ...]
    roles: tuple[Role, ...]
    people: tuple[tuple[PersonMention, ...], ...]
    statements: tuple[Statement | None, ...]
    summits: tuple[str | None, ...]  # the venue of the summit each sentence is about


class CorpusReading:
    def __init__(self, index: CorpusIndex, people: dict[str, Person] | None = None):
        self.index = index
        self.people = people if people is not None else load_people()
        gazetteer = index.gazetteer
        self.summits: list[SummitRef] = summit_refs(
            {slug: (place.summit.number, place.summit.dates) for slug, place in gazetteer.places.items() if place.summit})
        self._articles: OrderedDict[str, ArticleReading] = OrderedDict()
        self._found: dict[str, Person] = {}
        self.ranked: dict = {}  # what is worked out from this reading (the timeline, the summit sheets), once each
        self._lock = threading.Lock()

    # --- one article ------------------------------------------------------------------------

    def article(self, article_id: str) -> ArticleReading:
        with self._lock:
            if article_id in self._articles:
                self._articles.move_to_end(article_id)
                return self._articles[article_id]
        reading = self._read(article_id)
        with self._lock:
            self._articles[article_id] = reading
            while len(self._articles) > KEPT_ARTICLES:
                self._articles.popitem(last=False)
        return reading

    def _read(self, article_id: str) -> ArticleReading:
        index = self.index
        first, count = index._extent.get(article_id, (0, 0))
        sentences = index.sentences_by_id(list(range(first, first + count)))
        read = [from_json(text) if text else from_json(UNREAD) for text in index.readings(article_id)]
        return ArticleReading(tuple(sentences), tuple(r.role for r in read), tuple(r.people for r in read),
                              tuple(r.statement for r in read), tuple(r.summit for r in read))

    def role(self, sentence: Sentence) -> Role:
        return self.article(sentence.article_id).roles[sentence.number]

    def statement(self, sentence: Sentence) -> Statement | None:
        return self.article(sentence.article_id).statements[sentence.number]

    def summit(self, sentence: Sentence) -> str | None:
        return self.article(sentence.article_id).summits[sentence.number]

    def people_in(self, sentence: Sentence) -> tuple[PersonMention, ...]:
        return self.article(sentence.article_id).people[sentence.number]

    def counts_for(self, sentence: Sentence, kind: str, key: str) -> bool:
        """Whether the sentence speaks of (kind, key) as content: not in a caption, metadata or
        boilerplate, and not only in its dateline (which says where the story was filed)."""
        role = self.role(sentence)
        return role.content and any(m.kind == kind and m.key == key and m.start >= role.dateline_end
                                    for m in sentence.mentions)

    # --- people ---------------------------------------------------------------------------

    def person(self, slug: str) -> Person | None:
        """A person of the people file, or one the articles name with a title."""
        if slug in self.people:
            return self.people[slug]
        return self._found_person(slug)

    def _found_person(self, slug: str) -> Person | None:
        if slug not in self._found:
            stored = self.index.found_people().get(slug)
            if stored is None:
                return None
            self._found[slug] = person_from_json(stored)
        return self._found[slug]

    def person_articles(self, person: Person, limit: int | None = None) -> list[str]:
        """The articles quoting, reporting or naming them, those quoting first, then the latest
        (the first `limit` sentences' articles only, if given)."""
        return list(dict.fromkeys(s.article_id for s in self.index.panel(("person", person.slug)).sentences(limit)))

    def person_sentences(self, slug: str) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
        """(the sentences quoting their words; those reporting them; the other sentences naming them)."""
        if self.person(slug) is None:
            return [], [], []
        panel = self.index.panel(("person", slug))
        return tuple(panel.placed(group).sentences() for group in (QUOTED, REPORTED, NAMED))  # type: ignore[return-value]

    def person_counts(self, slug: str) -> tuple[int, int, int]:
        """How many sentences quote, report and name them (counted by the store)."""
        panel = self.index.panel(("person", slug))
        return tuple(len(panel.placed(group)) for group in (QUOTED, REPORTED, NAMED))  # type: ignore[return-value]

    def people_named(self, sentences: list[Sentence]) -> dict[str, int]:
        """People named or quoted in these sentences, with how many of them, most first."""
        counts: dict[str, int] = {}
        for sentence in sentences:
            statement = self.statement(sentence)
            slugs = {m.slug for m in self.people_in(sentence)} if self.role(sentence).content else set()
            if statement and statement.slug:
                slugs.add(statement.slug)
            for slug in slugs:
                counts[slug] = counts.get(slug, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: -item[1]))

    def found_people(self) -> dict[str, Person]:
        return {slug: person for slug in self.index.found_people() if (person := self._found_person(slug))}

    def any_person(self, slug: str) -> Person | None:
        return self.person(slug)

    # --- summits ----------------------------------------------------------------------------

    def summit_sentences(self, venue: str) -> list[Sentence]:
        """Every sentence about the summit held at `venue`, named or not, by article and in reading order."""
        sentences = self.index.panel(("summit", venue)).sentences()
        return sorted(sentences, key=lambda s: (s.article_id, s.number))


_READINGS: "weakref.WeakKeyDictionary[CorpusIndex, CorpusReading]" = weakref.WeakKeyDictionary()
_READINGS_LOCK = threading.Lock()


def reading_of(index: CorpusIndex) -> CorpusReading:
    """The index's reading, made once."""
    with _READINGS_LOCK:
        if index not in _READINGS:
            _READINGS[index] = CorpusReading(index)
        return _READINGS[index]
