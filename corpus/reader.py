"""An article read closely, when it is analysed: each sentence's role (dateline, caption,
quotation, body…), the people it names, whose words it carries and the summit it is about
(`corpus.roles`, `corpus.people`, `corpus.quotes`, `corpus.events`). The store keeps what this
finds beside each sentence (`as_json` / `from_json`), so that a panel is a query and nothing is
read again when one is opened (`corpus.reading` answers from the store).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from corpus.events import SummitRef, attach, summit_refs
from corpus.gazetteer import Gazetteer
from corpus.people import Person, PeopleFinder, PersonMention, load_people
from corpus.quotes import Statement, attribute
from corpus.recognise import Mention
from corpus.roles import Role, read_roles
from corpus.text import fold_word, words


@dataclass(frozen=True)
class SentenceReading:
    role: Role
    people: tuple[PersonMention, ...]
    statement: Statement | None
    summit: str | None  # the venue of the summit the sentence is about


class CloseReader:
    """Reads articles against one gazetteer and people file."""

    def __init__(self, gazetteer: Gazetteer, people: dict[str, Person] | None = None):
        self.people = people if people is not None else load_people()
        not_names = {fold_word(alias[s:e]) for place in gazetteer.places.values() for alias in place.aliases
                     for s, e in words(alias)}
        not_names |= {fold_word(name[s:e]) for country in gazetteer.countries.values()
                      for name in (country.name_en, country.name_fr, *country.aliases) for s, e in words(name)}
        self.finder = PeopleFinder(self.people, not_names)
        self.summits: list[SummitRef] = summit_refs(
            {slug: (place.summit.number, place.summit.dates) for slug, place in gazetteer.places.items() if place.summit})
        self.venues = {ref.venue for ref in self.summits}
        self.leaders = {slug for slug, person in self.people.items() if person.head_of_state}

    def article(self, texts: list[str], paragraphs: list[int], mentions: list[tuple[Mention, ...]],
                published: str) -> tuple[list[SentenceReading], dict[str, Person]]:
        """Each sentence's reading, and the people the article names with a title that the people
        file does not know. `paragraphs`: each sentence's paragraph number."""
        grouped: list[list[str]] = []
        for number, text in enumerate(texts):
            if not number or paragraphs[number] != paragraphs[number - 1]:
                grouped.append([])
            grouped[-1].append(text)
        roles = read_roles(grouped)
        people, found = self.finder.article(texts, int(published[:4]))
        statements = attribute(texts, roles, people)
        named = [{m.key for m in found_in if m.kind == "place" and m.key in self.venues and m.start >= role.dateline_end}
                 for found_in, role in zip(mentions, roles)]
        summits = attach(texts, paragraphs, roles, named, statements, self.leaders, published, self.summits)
        return ([SentenceReading(role, tuple(people_in), statement, summit)
                 for role, people_in, statement, summit in zip(roles, people, statements, summits)], found)


# --- as the store keeps it --------------------------------------------------------------------

def as_json(reading: SentenceReading) -> str:
    role = reading.role
    return json.dumps([role.kind, role.dateline_end, role.quotes, role.open_quote,
                       [(m.slug, m.start, m.end, m.how, m.title) for m in reading.people],
                       None if reading.statement is None else [reading.statement.slug, reading.statement.direct],
                       reading.summit], ensure_ascii=False)


def from_json(text: str) -> SentenceReading:
    kind, dateline_end, quotes, open_quote, people, statement, summit = json.loads(text)
    return SentenceReading(Role(kind, dateline_end, tuple(tuple(q) for q in quotes), open_quote),
                           tuple(PersonMention(*m) for m in people),
                           None if statement is None else Statement(*statement), summit)


def person_json(person: Person) -> str:
    return json.dumps(asdict(person), ensure_ascii=False)


def person_from_json(text: str) -> Person:
    fields = json.loads(text)
    for key in ("names", "surnames", "titles"):
        fields[key] = {lang: tuple(values) for lang, values in fields[key].items()}
    return Person(**fields)
