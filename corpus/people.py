"""The people the articles name: those of `corpus/data/people.yaml` by any of their spellings
(Tokayev, Tokaïev, Токаев), by their surname after a first mention ("Xi", "Lin"), by their title
alone ("le président chinois"), and people the file does not know, by the title beside their name
("le porte-parole Lin Jian", "Foreign Minister Jeenbek Kulubaev", "Cui Zheng, Directeur du …").

A person's slug: lower-case ASCII words joined by hyphens (`xi-jinping`), as in `?person=`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpus.gazetteer import reading
from corpus.text import fold_word, words

DATA = Path(__file__).resolve().parent / "data" / "people.yaml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Person:
    slug: str
    names: dict[str, tuple[str, ...]]  # language → spellings, the shown one first
    role: dict[str, str] = field(default_factory=dict)  # language → who they are, from the hand file
    country: str | None = None
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    since: int | None = None  # the first year their titles were theirs
    known: bool = True  # in the hand file (else found in the articles by a title)
    head_of_state: bool = False

    def name(self, lang: str) -> str:
        spellings = self.names.get(lang) or self.names.get("en") or next(iter(self.names.values()))
        return spellings[0]

    def spellings(self) -> set[str]:
        return {spelling for spellings in self.names.values() for spelling in spellings}


@dataclass(frozen=True)
class PersonMention:
    slug: str
    start: int  # offsets in the sentence
    end: int
    how: str  # "name", "surname", "title" (their title alone) or "found" (a name the file does not know)
    title: str = ""  # the office the sentence gives them, as written ("le porte-parole", "Directeur du …")


def person_slug(name: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Kassym-Jomart Tokaïev" → kassym-jomart-tokaiev."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))


def load_people(path: Path = DATA) -> dict[str, Person]:
    people: dict[str, Person] = {}
    with reading(path):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            slug = str(entry.get("slug", ""))
            if not SLUG.match(slug) or slug in people or not entry.get("names"):
                raise ValueError(f"entry {slug or '?'}: a unique slug of lower-case ASCII words, and names")

            def by_language(key: str) -> dict[str, tuple[str, ...]]:
                return {lang: tuple(str(v) for v in values) for lang, values in (entry.get(key) or {}).items()}

            people[slug] = Person(slug, by_language("names"), {k: str(v) for k, v in (entry.get("role") or {}).items()},
                                  entry.get("country"), by_language("surnames"), by_language("titles"),
                                  entry.get("since"), head_of_state=bool(entry.get("head_of_state")))
    return people


def _key(term: str) -> tuple[str, ...]:
    return tuple(fold_word(term[s:e]) for s, e in words(term))


# Offices that introduce a name the file may not know. Matched on the sentence as written.
OFFICE = (r"(?:porte-parole|spokesperson|spokesman|spokeswoman|vice-ministre|ministre|deputy minister|minister"
          r"|premier ministre|prime minister|vice-premier|vice-président|vice-president|présidente|président|president"
          r"|ambassadeur|ambassadrice|ambassador|envoy|envoyé spécial|directeur|directrice|director"
          r"|secrétaire général|secretary-general|secretary general|chairman|chairwoman|conseiller|adviser|advisor"
          r"|professeur|professor|chercheur|chercheuse|researcher|analyste|analyst|gouverneur|governor|maire|mayor"
          r"|ambassador|head of state|chef de l’état|chef de l'état|senior fellow|fellow|expert|experte|economist"
          r"|économiste|politologue|political scientist|sinologue|sinologist|éditorialiste|editorialist|chroniqueur"
          r"|chroniqueuse|columnist|commentator|commentateur|blogger|blogueur)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]+"
# a name's particles: "Ursula von der Leyen", "Ahmad bin Ali"
_PARTICLES = r"(?:\s+(?:von|van|der|den|de|da|del|di|al|el|bin|ibn))*"
TITLED_NAME = re.compile(
    rf"(?i:\b{OFFICE})(?P<mods>(?:\s+[^\s,;:«»\"“”()]+){{0,6}}?)\s+(?P<name>{_NAME_WORD}(?:{_PARTICLES}\s+{_NAME_WORD})+)"
    r"(?=$|[\s,.;:)»”\"])")
# The office, then the name set off by commas: "le porte-parole de la diplomatie chinoise, Wang
# Wenbin, a souligné", "China's foreign ministry spokesperson, Mao Ning, said".
TITLED_APPOSITION = re.compile(
    rf"(?i:\b{OFFICE})(?:\s+[^\s,;:«»\"“”()]+){{0,6}}?,\s+(?P<name>{_NAME_WORD}(?:{_PARTICLES}\s+{_NAME_WORD}){{1,2}})"
    r"(?=\s*[,.;)])")
NAME_THEN_OFFICE = re.compile(
    rf"(?:^|(?<=[\s(«“\"]))(?P<name>{_NAME_WORD}{_PARTICLES}\s+{_NAME_WORD}),\s+(?:(?i:le|la|l’|l'|the|a|an)\s+)?"
    rf"(?P<office>(?:[a-zà-ÿ-]+\s+){{0,2}}(?i:{OFFICE})[^,;]{{0,70}})")  # "Temirlan Asanov, a transport economist"
# Words a name the file does not know is never made of: offices' institutions and sentence openers.
NOT_NAME = {_key(w)[0] for w in (
    "Affaires Affairs Foreign Étrangères Transports Transport Commerce Commission Ministry Ministère Council Conseil "
    "Centre Center University Université Bank Banque Fund Fonds Committee Comité Republic République State État "
    "Office Service Agency Agence Assembly Assemblée Secretariat Secrétariat Mécanisme Mechanism Summit Sommet "
    "Le La Les L The A An In At On Dans En Selon According Pour For Et And Du Des De Of Mr Mrs Ms M Mme Dr "
    "Chinese Chinois Kazakh Kazakhe Kyrgyz Kirghiz Tajik Tadjik Turkmen Turkmène Uzbek Ouzbek Russian Russe "
    "General Général Générale Deputy Vice Prime Premier Minister Ministre President Président Présidente "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche "
    "Xinhua CGTN AFP Reuters AKIpress Kazinform Belt Road Initiative BRI").split()}
# A cheap first look (most sentences name no office): the offices' first words in lower-case text
# (Python's case-insensitive alternations are slow).
OFFICE_HINT = re.compile(r"porte-parole|spokes|minist|premier|président|president|ambassad|envoy|envoyé|direct"
                         r"|fellow|expert|economist|économiste|politolog|political scientist|sinolog|éditorial"
                         r"|editorial|chroniqu|columnist|commentat|blog"
                         r"|secr[ée]tar|chair|conseiller|advis|profess|cherch|research|analy|gouverneur|governor"
                         r"|maire|mayor|head of state|chef de l")
HONORIFICS = {"m", "mr", "mrs", "ms", "mme", "dr", "president", "president", "presidente", "ministre", "minister",
              "premier", "prime", "porte", "parole", "spokesperson", "spokesman", "spokeswoman", "chef", "leader"}


class PeopleFinder:
    """Finds people in an article's sentences. `not_names`: folded words that are places or
    countries (never taken for a name the file does not know)."""

    def __init__(self, people: dict[str, Person], not_names: set[str] = frozenset()):
        self.people = people
        self.not_names = NOT_NAME | set(not_names)
        self._terms: dict[str, list[tuple[tuple[str, ...], str, str, int | None]]] = {}
        for person in people.values():
            for kind, spellings, since in (("name", person.names, None), ("surname", person.surnames, None),
                                           ("title", person.titles, person.since)):
                for spelling in {s for values in spellings.values() for s in values}:
                    key = _key(spelling)
                    if key:
                        self._terms.setdefault(key[0], []).append((key, person.slug, kind, since))
        for entries in self._terms.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def article(self, sentences: list[str], year: int) -> tuple[list[list[PersonMention]], dict[str, Person]]:
        """Each sentence's mentions, in order, and the people found that the file does not know.
        `year`: the article's (a title names whoever held it then)."""
        named: set[str] = set()  # named in full (or by a title) so far: their surname alone now counts
        found: dict[str, Person] = {}
        result = []
        for text in sentences:
            offices = self._offices(text)
            mentions = self._known(text, year, named, offices)
            mentions += self._unknown(text, mentions, found, offices)
            mentions.sort(key=lambda m: m.start)
            named |= {m.slug for m in mentions}
            result.append(mentions)
        return result, found

    def _known(self, text: str, year: int, named: set[str], offices: dict) -> list[PersonMention]:
        spans = words(text)
        folded = [fold_word(text[s:e]) for s, e in spans]
        mentions: list[PersonMention] = []
        position = 0
        while position < len(spans):
            match = None
            for key, slug, kind, since in self._terms.get(folded[position], ()):
                end = position + len(key)
                if tuple(folded[position:end]) != key:
                    continue
                start_char, end_char = spans[position][0], spans[end - 1][1]
                if kind != "title" and not text[start_char].isupper():
                    continue
                if end_char < len(text) and text[end_char] in "'’ʼ" and text[end_char + 1:end_char + 2].isalpha():
                    continue  # "Xi’an" is a city, not Xi
                if kind == "title" and since and year < since:
                    continue
                if kind == "surname" and slug not in named and not (
                        position > 0 and folded[position - 1] in HONORIFICS):
                    continue
                match = (end, PersonMention(slug, start_char, end_char, kind))
                break
            if match:
                position, mention = match
                mentions.append(mention)
            else:
                position += 1
        # a title right before the person's name is their office, not a second mention
        kept: list[PersonMention] = []
        for mention in mentions:
            if kept and kept[-1].how == "title" and kept[-1].slug == mention.slug and mention.start - kept[-1].end <= 3:
                title = text[kept[-1].start:kept[-1].end]
                kept[-1] = PersonMention(mention.slug, mention.start, mention.end, mention.how, title)
            else:
                kept.append(mention)
        named |= {m.slug for m in kept if m.how in ("name", "title")}
        return self._with_offices(kept, offices)

    @staticmethod
    def _with_offices(mentions: list[PersonMention], offices: dict) -> list[PersonMention]:
        """Each named person with the office the sentence gives them, when it does."""
        out = []
        for mention in mentions:
            title = mention.title or next((office for (s, e), office in offices.items() if s <= mention.start < e), "")
            out.append(PersonMention(mention.slug, mention.start, mention.end, mention.how, title))
        return out

    def _offices(self, text: str) -> dict[tuple[int, int], str]:
        """Name spans the sentence gives an office to, with that office as written."""
        offices: dict[tuple[int, int], str] = {}
        if not OFFICE_HINT.search(text.lower()):
            return offices
        for match in TITLED_NAME.finditer(text):
            start, end = self._last_two(text, match.start("name"), match.end("name"))
            offices[(start, end)] = text[match.start():start].strip(" ,.;:")
        for match in TITLED_APPOSITION.finditer(text):
            offices.setdefault(match.span("name"), text[match.start():match.start("name")].strip(" ,.;:"))
        for match in NAME_THEN_OFFICE.finditer(text):
            offices[match.span("name")] = match.group("office").strip(" ,.;:")
        return offices

    @staticmethod
    def _last_two(text: str, start: int, end: int) -> tuple[int, int]:
        """A run of capitalised words after an office: its last two are the name ("des Transports Azim Ibrohim")."""
        pieces = list(re.finditer(r"\S+", text[start:end]))
        first = pieces[-2] if len(pieces) >= 2 else pieces[0]
        return start + first.start(), end

    def _unknown(self, text: str, known: list[PersonMention], found: dict[str, Person],
                 offices: dict) -> list[PersonMention]:
        mentions = []
        for (start, end), office in offices.items():
            if any(m.start < end and start < m.end for m in known):
                continue
            name = text[start:end]
            if any(_key(word)[:1] and _key(word)[0] in self.not_names for word in name.split()):
                continue
            slug = person_slug(name)
            if not slug or slug in self.people:
                continue
            found.setdefault(slug, Person(slug, {"en": (name,)}, known=False))
            mentions.append(PersonMention(slug, start, end, "found", office))
        return mentions
