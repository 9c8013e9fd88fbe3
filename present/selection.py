"""What a view selects, in excerpts and in words: the panel, the table view, the exports and the
data routes all read the selection from here."""

from __future__ import annotations

from dataclasses import dataclass

from corpus import ranking
from corpus.excerpts import CorpusIndex, Excerpts, Sentence
from corpus.reading import reading_of
from present.markup import inert
from present.strings import format_coordinates, place_kind, summit_label, t
from present.view import View


def selection_excerpts(view: View, index: CorpusIndex, everything: bool = False) -> Excerpts | None:
    """Excerpts for the view: its place, country or person (narrowed to its theme), else its theme;
    then `q`. None when nothing is selected or searched. Read closely (`corpus.ranking`): content
    only, a venue's summit sentences, specific before general, a person's quotes first. A search
    lists the latest SEARCH_LIMIT of its matches unless `everything` (corpus.excerpts)."""
    reading = reading_of(index)
    if view.place:
        excerpts = ranking.place_excerpts(reading, view.place)
    elif view.country:
        excerpts = ranking.country_excerpts(reading, view.country)
    elif view.person:
        excerpts = ranking.person_excerpts(reading, view.person)
    elif view.theme:
        excerpts = ranking.theme_excerpts(reading, view.theme)
    elif view.q:
        excerpts = index.search(view.q, everything=everything, until=view.until)  # the year before the cut
    else:
        return None
    if view.theme_narrows:
        excerpts = excerpts.about_theme(view.theme)
    excerpts = excerpts.published_by(view.until)  # the map is as of that year: so are its excerpts
    return index.search(view.q, within=excerpts, everything=everything) if view.search_narrows else excerpts


def selection_name(view: View, index: CorpusIndex) -> str:
    """What the view shows, in words: "★ Astana · Smooth trade · search “gas” · as of 2024". Plain
    text (escape it where it is shown)."""
    lang, gazetteer = view.lang, index.gazetteer
    parts = []
    if view.place:
        place = gazetteer.places[view.place]
        parts.append(("★ " if place.summit else "") + place.name(lang))
    if view.country:
        parts.append(gazetteer.countries[view.country].name(lang))
    if view.person:
        parts.append(person_name(index, view.person, lang))
    if view.theme:
        parts.append(index.themes[view.theme].label(lang))
    if view.q:
        parts.append(t(lang, "export_search", q=view.q))
    if not view.selects:
        parts.append(t(lang, "export_whole_map"))
    if view.until is not None:
        parts.append(t(lang, "export_as_of", year=view.until))
    return " · ".join(parts)


@dataclass(frozen=True)
class Heading:
    """The top of the panel: the selection's name, its key facts (Markdown lines, inert) and notes."""
    title: str  # Markdown: anything from the reader or an article in it is inert
    facts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # captions under the facts, Markdown and HTML, inert likewise


def mention_line(index: CorpusIndex, kind: str, key: str, lang: str, until: int | None) -> str:
    sentences = index.mentioning(kind, key, until)
    return t(lang, "mentions", sentences=len(sentences), articles=sentences.article_count())


def heading(view: View, index: CorpusIndex) -> Heading | None:
    """The panel's heading for what the view selects; None for the overview."""
    lang, gazetteer = view.lang, index.gazetteer
    notes = []
    if view.until is not None:
        notes.append(t(lang, "as_of", year=view.until))
    if view.theme_narrows:
        notes.append(t(lang, "theme_filtered", theme=index.themes[view.theme].label(lang)))
    if view.search_narrows:
        notes.append(t(lang, "search_filtered", q=inert(view.q or "")))
    if view.place:
        place = gazetteer.places[view.place]
        country = gazetteer.countries[place.country].name(lang)
        facts = [place_kind(place, country, lang),
                 t(lang, "field", label=t(lang, "coordinates"), value=format_coordinates(place.lat, place.lon, lang))]
        if place.approximate:
            facts.append(t(lang, "approximate_place"))
        if place.summit:
            facts.insert(0, f"**{summit_label(place.summit, lang)}** — {place.summit.facts(lang)}")
        facts.append(mention_line(index, "place", place.slug, lang, view.until))
        return Heading(("★ " if place.summit else "") + place.name(lang), tuple(facts), tuple(notes))
    if view.country:
        country = gazetteer.countries[view.country]
        capital = gazetteer.places[country.capital]
        facts = [t(lang, "field", label=t(lang, "capital"), value=capital.name(lang)),
                 t(lang, "field", label=t(lang, "iso"), value=country.iso3)]
        facts += [t(lang, "field", label=t(lang, "summit_venue"), value=f"★ {p.name(lang)} — {summit_label(p.summit, lang)}")
                  for p in gazetteer.places.values() if p.summit and p.country == country.iso3]
        facts.append(mention_line(index, "country", country.iso3, lang, view.until))
        region = (t(lang, "region_note"),) if country.iso3 != "CHN" else ()
        return Heading(country.name(lang), tuple(facts), region + tuple(notes))
    if view.person:
        return person_heading(view, index, tuple(notes))
    if view.theme:
        theme = index.themes[view.theme]
        facts = (t(lang, "theme_key_facts", n=index.theme_counts(view.until).sentences.get(theme.slug, 0)),)
        return Heading(theme.label(lang), facts, (t(lang, "theme_on_map"), *notes))
    if view.q:
        return Heading(t(lang, "search_results", q=inert(view.q, html=False)), (), tuple(notes))
    return None


@dataclass(frozen=True)
class Fallback:
    """What a narrowed selection that found nothing offers instead."""
    unfiltered: int  # excerpts of the selection without its theme and search
    theme_excerpts: int | None  # the theme's own excerpts, when a theme narrowed it


def fallback(view: View, index: CorpusIndex, excerpts: Excerpts) -> Fallback | None:
    """A place or country narrowed to a theme or a search that leaves nothing: how many excerpts the
    selection has without them (None when that is nothing too, or nothing was narrowed)."""
    if excerpts or not view.chosen or not (view.theme or view.q):
        return None
    unfiltered = selection_excerpts(view.without_filters(), index) or []
    if not unfiltered:
        return None
    theme = selection_excerpts(view.theme_alone(), index) if view.theme else None
    return Fallback(len(unfiltered), len(theme or []) if view.theme else None)


def corpus_languages(index: CorpusIndex) -> list[str]:
    """The languages the articles are in (a search finds words in their own language)."""
    return index.languages()


# --- people ---------------------------------------------------------------------------------

def person_name(index: CorpusIndex, slug: str, lang: str) -> str:
    person = reading_of(index).any_person(slug) or reading_of(index).person(slug)
    return person.name(lang) if person else slug


def person_heading(view: View, index: CorpusIndex, notes: tuple[str, ...]) -> Heading:
    """Who they are (the people file's words, and the offices the articles give them), then how
    many sentences quote, report and name them."""
    lang, reading = view.lang, reading_of(index)
    person = reading.person(view.person or "")
    assert person is not None  # the view checked it
    quoted, reported, named = reading.person_counts(person.slug)
    facts = []
    if person.role.get(lang) or person.role.get("en"):
        facts.append(inert(person.role.get(lang) or person.role["en"]))
    if person.country:
        facts.append(t(lang, "field", label=t(lang, "person_country"), value=index.gazetteer.countries[person.country].name(lang)))
    offices = person_offices(index, person.slug)
    if offices:
        facts.append(t(lang, "field", label=t(lang, "person_as_written"), value=" · ".join(f"“{inert(o)}”" for o in offices)))
    facts.append(t(lang, "person_counts", quoted=quoted, reported=reported, named=named))
    extra = () if person.known else (t(lang, "person_found"),)
    return Heading(inert(person.name(lang)), tuple(facts), extra + notes)


OFFICES_SHOWN = 3
OFFICES_FROM = 400  # a person's first sentences (quotes first, then the latest) whose articles give their offices


def person_offices(index: CorpusIndex, slug: str) -> list[str]:
    """The offices the articles give a person beside their name, as written, most used first."""
    reading = reading_of(index)
    person = reading.person(slug)
    counts: dict[str, int] = {}
    for article_id in reading.person_articles(person, OFFICES_FROM) if person else []:
        for mentions in reading.article(article_id).people:
            for mention in mentions:
                if mention.slug == slug and mention.title:
                    key = mention.title[:1].upper() + mention.title[1:]
                    counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda office: -counts[office])[:OFFICES_SHOWN]


PEOPLE_FROM = 200  # excerpts looked at for the people a selection names


def people_in(excerpts: Excerpts, index: CorpusIndex, leave_out: str | None = None) -> list[tuple[str, int]]:
    """The people named or quoted in a selection's first excerpts, most often first."""
    reading = reading_of(index)
    counts = reading.people_named(excerpts.sentences(PEOPLE_FROM))
    return [(slug, n) for slug, n in counts.items() if slug != leave_out]


# --- why an excerpt is there ----------------------------------------------------------------

def excerpt_reason(view: View, index: CorpusIndex, sentence: Sentence, by_meaning: bool = False) -> str:
    """In a word, why this sentence is in the view's list: "names Kyrgyzstan", "about the Astana
    summit", "lists the five countries", "quotes Xi Jinping", "close in meaning to “…”" (a search
    found it by meaning, not by its words)."""
    lang, reading, gazetteer = view.lang, reading_of(index), index.gazetteer
    role = reading.role(sentence)
    content = [m for m in sentence.mentions if m.start >= role.dateline_end]
    if view.person:
        statement = reading.statement(sentence)
        name = person_name(index, view.person, lang)
        if statement and statement.slug == view.person:
            return t(lang, "why_quotes" if statement.direct else "why_reports", person=name)
        return t(lang, "why_names", name=name)
    if view.place:
        place = gazetteer.places[view.place]
        if reading.summit(sentence) == view.place:
            return t(lang, "why_summit", place=place.name(lang))
        return t(lang, "why_names", name=place.name(lang))
    if view.country:
        country = gazetteer.countries[view.country]
        named = index.countries_named(sentence)
        if len([c for c in named if c != "CHN"]) >= 5:
            return t(lang, "why_lists")
        if any(m.kind == "country" and m.key == view.country for m in content):
            return t(lang, "why_names", name=country.name(lang))
        city = next((gazetteer.places[m.key] for m in content if m.kind == "place"
                     and gazetteer.places[m.key].country == view.country), None)
        if city:
            return t(lang, "why_city", city=city.name(lang), country=country.name(lang))
        return t(lang, "why_region")
    if view.theme:
        return t(lang, "why_theme", theme=index.themes[view.theme].label(lang))
    return t(lang, "why_meaning" if by_meaning else "why_search", q=view.q or "")


# A long article is shown a part at a time: the dialog draws one element per part, and a part
# holds at most this much, so even 50,000 short paragraphs cost the browser one bounded element.
PART_CHARS = 20_000
PART_PARAGRAPHS = 80


def article_parts(paragraphs: tuple[str, ...]) -> list[range]:
    """The article's paragraphs cut into parts of at most PART_PARAGRAPHS paragraphs and about
    PART_CHARS characters (a longer paragraph is a part of its own)."""
    parts, start, size = [], 0, 0
    for number, paragraph in enumerate(paragraphs):
        if number > start and (size + len(paragraph) > PART_CHARS or number - start >= PART_PARAGRAPHS):
            parts.append(range(start, number))
            start, size = number, 0
        size += len(paragraph)
    parts.append(range(start, len(paragraphs)))
    return parts
