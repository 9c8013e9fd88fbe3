"""Dated events of the corpus: every date a sentence states, dates it implies ("il y a 31 ans"),
and the next summit the alternation rule expects. Each event keeps its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.articles import Article
from corpus.excerpts import CorpusIndex, Sentence
from corpus.text import fold

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    # Russian, folded (й → и): genitive after a day ("17 июня"), nominative before a year ("май 2023")
    **{name: number for number, names in enumerate((
        ("января", "январь"), ("февраля", "февраль"), ("марта", "март"), ("апреля", "апрель"), ("мая", "маи"),
        ("июня", "июнь"), ("июля", "июль"), ("августа", "август"), ("сентября", "сентябрь"), ("октября", "октябрь"),
        ("ноября", "ноябрь"), ("декабря", "декабрь")), start=1) for name in names},
    # Chinese: the month is its number and 月 ("6月17日", "2025年6月")
    **{f"{number}月": number for number in range(1, 13)}, **{f"0{number}月": number for number in range(1, 10)},
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
# Most precise first; matched on folded text (no accents, lower case).
PATTERNS = [
    re.compile(rf"(?<![\w,.]){_DAY}(?:\s*(?:au|et|-|–|to|and)\s*\d{{1,2}})?\s+(?P<month>{_MONTH})"
               rf"(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)"),
    re.compile(rf"(?P<month>{_MONTH})\s+{_DAY}(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\w,.]\d)"),
    re.compile(rf"(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)(?!\w)"),
    # Chinese: 2025年6月17日, 6月17日, 2025年6月 (no spaces, no word boundaries)
    re.compile(r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<month>(?:1[0-2]|0?[1-9])月)\s*(?P<day>[0-3]?\d)\s*[日号]"),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>(?:1[0-2]|0?[1-9])月)"),
    # A bare year only where the words around it make it a date: "en 2013", "in 2024", "2022, …"
    re.compile(r"(?:(?<=\ben )|(?<=\bin )|(?<=\bsince )|(?<=\bdepuis )|(?<=\bdes )|(?<=\bfin )|(?<=\bdebut )"
               r"|(?<=\bjusqu'en )|(?<=\buntil )|(?<=\bby )|(?<=\bannee )|(?<=\byear )|(?<=\bl'an )"
               r"|(?<=\bв )|(?<=\bс )|(?<=\bдо )|(?<=\bк ))"  # в 2024 году, с 2013 года
               r"(?P<year>(?:19|20)\d\d)(?![\w/-])"),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*年(?!\s*(?:1[0-2]|0?[1-9])月)(?!代)"),  # 2013年 (not 1990年代)
]
AGO = re.compile(r"il y a (?P<n>\d{1,3}) ans|(?<![\d,.])(?<![\d,.] )(?P<n2>\d{1,3}) years ago"
                 r"|(?P<n3>\d{1,3}) (?:лет|года|год) назад|(?P<n4>\d{1,3})\s*年前")
# A release's own dateline: "PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE)", "BEIJING, June 19, 2025 (…)"
DATELINE = re.compile(r"^[A-ZÀ-Ý' -]{3,},\s+(?:\d{1,2}\s+\w+|\w+\s+\d{1,2},?)\s+\d{4}\s*[(—–-]")
ENGLISH_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"}
ALTERNATION = re.compile(r"tous les deux ans|every two years")


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


def _events_in(sentence: Sentence, article: Article) -> list[Event]:
    if "://" in sentence.text:
        return []
    folded = fold(sentence.text)
    text = folded.text
    taken: list[tuple[int, int]] = []
    found = []
    if (dateline := DATELINE.match(sentence.text)) is not None:
        taken.append((0, dateline.end()))  # the release's own date, not an event
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            groups = match.groupdict()
            month_name = groups.get("month") or ""
            if month_name in ENGLISH_MONTHS and article.language == "en":
                first = sentence.text[folded.span_in_original(*match.span("month"))[0]]
                if first.islower():  # "may" the verb, not May
                    continue
            year = groups.get("year")
            status, basis = "stated", ""
            if not year:
                year, status, basis = article.published[:4], "inferred", "article_year"
            month = MONTHS.get(month_name)
            day = int(groups["day"]) if groups.get("day") else None
            if month and day and not _real_day(int(year), month, day):
                day = None  # "31 février": keep the month, not a day that does not exist
            date = year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
            found.append(Event(date, status, article, sentence, folded.span_in_original(start, end), basis,
                               (("published", article.published),)))
    for match in AGO.finditer(text):
        years = int(match.group("n") or match.group("n2") or match.group("n3") or match.group("n4"))
        if not 0 < years <= 200:
            continue
        year = int(article.published[:4]) - years
        found.append(Event(str(year), "inferred", article, sentence, folded.span_in_original(*match.span()),
                           "years_before", (("years", str(years)), ("published", article.published))))
    return found


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def corpus_events(index: CorpusIndex) -> list[Event]:
    """Every dated event, oldest first; a sentence with two dates gives two events."""
    events = [event for sentence in index.sentences
              for event in _events_in(sentence, index.corpus.articles[sentence.article_id])]
    events.extend(held_summits(index, already={(e.article.id, e.sentence.number) for e in events}))
    events.extend(expected_summits(index))
    return sorted(events, key=lambda e: (e.date, e.status == "expected", e.article.id if e.article else ""))


def expected_summits(index: CorpusIndex) -> list[Event]:
    """The next summit: two years after the last one, in China if the last was in Central Asia (and
    the reverse), as the leaders agreed at Xi'an. Cites the sentence that states the rule."""
    summits = sorted((p for p in index.gazetteer.places.values() if p.summit), key=lambda p: p.summit.number)
    if not summits:
        return []
    last = summits[-1]
    rule = next((s for s in index.sentences if ALTERNATION.search(fold(s.text).text)), None)
    host = "china" if last.country != "CHN" else "central_asia"
    year = int(last.summit.dates[:4]) + 2
    article = index.corpus.articles[rule.article_id] if rule else None
    return [Event(str(year), "expected", article, rule, None, "alternation",
                  (("number", str(last.summit.number + 1)), ("host", host), ("last", last.slug)))]


def held_summits(index: CorpusIndex, already: set[tuple[str, int]] = frozenset()) -> list[Event]:
    """Each summit on its date from the atlas's summit list, with the sentence that best names it
    among those not already on the timeline under a date of their own."""
    events = []
    for place in index.gazetteer.places.values():
        if not place.summit:
            continue
        best = [e.sentence for e in index.excerpts_for_place(place.slug)
                if re.search(r"sommet|summit", fold(e.sentence.text).text)]
        sentence = next((s for s in best if (s.article_id, s.number) not in already), None)
        article = index.corpus.articles[sentence.article_id] if sentence else None
        start = place.summit.dates.split("/")[0]
        events.append(Event(start, "reference", article, sentence, None, "summit_list", (("place", place.slug),)))
    return events
