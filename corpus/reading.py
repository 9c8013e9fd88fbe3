"""A close reading of the corpus, article by article and only when asked: each sentence's role,
the people it names, whose words it carries and which summit it is about (`corpus.roles`,
`corpus.people`, `corpus.quotes`, `corpus.events`). One `CorpusReading` per index (`reading_of`);
an article is read once, the first time a selection needs it.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from corpus.events import NEAR_DAYS, NUMBER_WORDS, SummitRef, attach, published_date, summit_refs
from corpus.excerpts import CorpusIndex, Sentence
from corpus.people import Person, PeopleFinder, PersonMention, load_people
from corpus.quotes import Statement, attribute
from corpus.roles import Role, read_roles
from corpus.text import fold_word, words


@dataclass(frozen=True)
class ArticleReading:
    sentences: tuple[Sentence, ...]
    roles: tuple[Role, ...]
    people: tuple[tuple[PersonMention, ...], ...]
    statements: tuple[Statement | None, ...]
    summits: tuple[str | None, ...]  # the venue of the summit each sentence is about
    found: dict[str, Person]  # people named with a title that the people file does not know


class CorpusReading:
    def __init__(self, index: CorpusIndex, people: dict[str, Person] | None = None):
        self.index = index
        self.people = people if people is not None else load_people()
        gazetteer = index.gazetteer
        not_names = {fold_word(alias[s:e]) for place in gazetteer.places.values() for alias in place.aliases
                     for s, e in words(alias)}
        not_names |= {fold_word(name[s:e]) for country in gazetteer.countries.values()
                      for name in (country.name_en, country.name_fr, *country.aliases) for s, e in words(name)}
        self.finder = PeopleFinder(self.people, not_names)
        self.summits: list[SummitRef] = summit_refs(
            {slug: (place.summit.number, place.summit.dates) for slug, place in gazetteer.places.items() if place.summit})
        self.leaders = {slug for slug, person in self.people.items() if person.head_of_state}
        self._articles: dict[str, ArticleReading] = {}
        self._found: dict[str, Person] = {}
        self.ranked: dict = {}  # rankings worked out from this reading (corpus.ranking), once each
        self._lock = threading.Lock()

    # --- one article ------------------------------------------------------------------------

    def article(self, article_id: str) -> ArticleReading:
        if article_id not in self._articles:
            reading = self._read(article_id)
            with self._lock:
                self._articles[article_id] = reading
                for slug, person in reading.found.items():
                    self._found.setdefault(slug, person)
        return self._articles[article_id]

    def _read(self, article_id: str) -> ArticleReading:
        index = self.index
        article = index.corpus.articles[article_id]
        sentences = []
        while (sentence := index.article_sentence(article_id, len(sentences) + 1)) is not None:
            sentences.append(sentence)
        paragraphs: list[list[str]] = []
        for number, sentence in enumerate(sentences):
            if not number or sentence.paragraph != sentences[number - 1].paragraph:
                paragraphs.append([])
            paragraphs[-1].append(sentence.text)
        roles = read_roles(paragraphs)
        texts = [s.text for s in sentences]
        people, found = self.finder.article(texts, int(article.published[:4]))
        statements = attribute(texts, roles, people)
        venues = {ref.venue for ref in self.summits}
        named = [{m.key for m in s.mentions if m.kind == "place" and m.key in venues and m.start >= role.dateline_end}
                 for s, role in zip(sentences, roles)]
        summits = attach(texts, [s.paragraph for s in sentences], roles, named, statements, self.leaders,
                         article.published, self.summits)
        return ArticleReading(tuple(sentences), tuple(roles), tuple(tuple(m) for m in people), tuple(statements),
                              tuple(summits), found)

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

    # --- people -----------------------------------------------------------------------------

    def person(self, slug: str) -> Person | None:
        """A person of the people file, or one the articles name with a title (looked for by name)."""
        if slug in self.people:
            return self.people[slug]
        if slug not in self._found:
            for article_id in self._articles_with(" ".join(slug.split("-"))):
                self.article(article_id)
        return self._found.get(slug)

    def _articles_with(self, words_of_name: str) -> list[str]:
        """Articles with a sentence holding every word of the name (through the full-text index)."""
        return list(dict.fromkeys(s.article_id for s in self.index.search(words_of_name, everything=True).sentences()))

    def person_articles(self, person: Person) -> list[str]:
        return list(dict.fromkeys(a for spelling in sorted(person.spellings()) for a in self._articles_with(spelling)))

    def person_sentences(self, slug: str) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
        """(the sentences quoting their words; those reporting them; the other sentences naming them)."""
        person = self.person(slug)
        if person is None:
            return [], [], []
        quoted, reported, named = [], [], []
        for article_id in self.person_articles(person):
            reading = self.article(article_id)
            for sentence, role, mentions, statement in zip(reading.sentences, reading.roles, reading.people,
                                                           reading.statements):
                if statement is not None and statement.slug == slug:
                    (quoted if statement.direct else reported).append(sentence)
                elif role.content and any(m.slug == slug for m in mentions):
                    named.append(sentence)
        return quoted, reported, named

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
        return dict(self._found)

    def any_person(self, slug: str) -> Person | None:
        return self.people.get(slug) or self._found.get(slug)

    # --- summits ----------------------------------------------------------------------------

    def summit_sentences(self, venue: str) -> list[Sentence]:
        """Every sentence about the summit held at `venue`, in corpus order, named or not."""
        candidates = self._summit_articles(venue)
        found = []
        for article_id in sorted(candidates):
            reading = self.article(article_id)
            found += [s for s, summit in zip(reading.sentences, reading.summits) if summit == venue]
        return found


    def _summit_articles(self, venue: str) -> set[str]:
        """The articles that can be about that summit (`corpus.events.article_subject`): those naming
        its venue, naming it by its number, or published within days of it."""
        ref = next(r for r in self.summits if r.venue == venue)
        index = self.index
        candidates = {s.article_id for s in index.mentioning("place", venue)}
        for words_of_number in NUMBER_WORDS.get(ref.number, ()):
            candidates |= {s.article_id for s in index.search(words_of_number, everything=True).sentences()}
        for article in index.corpus.articles.values():
            if abs((published_date(article.published) - ref.start).days) <= NEAR_DAYS:
                candidates.add(article.id)
        return candidates


_READINGS: "weakref.WeakKeyDictionary[CorpusIndex, CorpusReading]" = weakref.WeakKeyDictionary()
_READINGS_LOCK = threading.Lock()


def reading_of(index: CorpusIndex) -> CorpusReading:
    """The index's reading, made once."""
    with _READINGS_LOCK:
        if index not in _READINGS:
            _READINGS[index] = CorpusReading(index)
        return _READINGS[index]
