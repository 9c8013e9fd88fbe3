"""The dates a sentence states (months in full or abbreviated: "8 sept. 2025", "Nov. 5") and
those it implies, worked out from the article's date and marked inferred ("il y a 31 ans", "ten
years ago", "in March", "last Tuesday", "l'an dernier", "in the 1990s"). A dateline's date
("URUMQI, March 12 (Xinhua) --", "BICHKEK, 4 avr 2025 (AFP) -") is when the story was filed, not
an event. Part of the analysis: found when each article is analysed and kept in the store; the
timeline that reads them back is corpus.chronology."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from corpus.text import Folded, fold

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
# Abbreviations as agencies write them ("sept.", "févr", "Nov."), after the full names.
ABBREVIATIONS = {"janv": 1, "jan": 1, "fevr": 2, "fev": 2, "feb": 2, "mar": 3, "avr": 4, "apr": 4, "juil": 7,
                 "jul": 7, "jun": 6, "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS = {**MONTHS, **ABBREVIATIONS}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
# Most precise first; matched on folded text (no accents, lower case).
PATTERNS = [
    re.compile(rf"(?<![\w,.]){_DAY}(?:\s*(?:au|et|-|–|to|and)\s*\d{{1,2}})?\s+{_MONTH}"
               rf"(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)"),
    re.compile(rf"{_MONTH}\s+{_DAY}(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\w,.]\d)"),
    re.compile(rf"{_MONTH}\s+(?P<year>(?:19|20)\d\d)(?!\w)"),
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
NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
           "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100, "cent": 100}
_NUMBER = "|".join(sorted(NUMBERS, key=len, reverse=True))
AGO = re.compile(rf"il y a (?P<n>\d{{1,3}}|{_NUMBER}) ans|(?<![\d,.])(?<![\d,.] )(?P<n2>\d{{1,3}}|{_NUMBER}) years ago"
                 r"|(?P<n3>\d{1,3}) (?:лет|года|год) назад|(?P<n4>\d{1,3})\s*年前")
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
            "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAY = "|".join(WEEKDAYS)
_FRENCH_WEEKDAY = "|".join(list(WEEKDAYS)[:7])
_FULL_MONTH = "|".join(m for m in MONTHS if m not in ABBREVIATIONS and m != "may")
# Dates worked out from the article's date; each pattern names what it gives.
RELATIVE = [
    ("year", -1, re.compile(r"\b(?:l'an dernier|l'annee derniere|l'an passe|l'annee passee|last year)\b")),
    ("year", +1, re.compile(r"\b(?:l'an prochain|l'annee prochaine|next year)\b")),
    ("day", -1, re.compile(r"\b(?:hier|yesterday)\b")),
    # "last Tuesday", "mardi dernier", "on Tuesday", "a annoncé vendredi" (news tells the past week)
    ("weekday", 0, re.compile(rf"\b(?:last (?P<w1>{_WEEKDAY})|(?P<w2>{_WEEKDAY}) dernier|on (?P<w3>{_WEEKDAY})"
                              rf"|(?P<w4>{_FRENCH_WEEKDAY})(?!\s+(?:\d|prochain)))\b")),
    ("month", 0, re.compile(rf"\b(?:(?:en|in|last|since|depuis|fin|debut|early|late) (?P<m1>{_FULL_MONTH})(?: dernier)?"
                            rf"|(?P<m2>{_FULL_MONTH}) dernier)\b(?!\s*\d)")),
    ("decade", 0, re.compile(r"\b(?:les annees |the )(?P<decade>(?:19|20)\d0)s?\b")),
]
# A release's own dateline: "PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE)", "BEIJING, June 19, 2025 (…)"
# Every agency's form: "PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE)", "URUMQI, March 12 (Xinhua) --",
# "HOTAN (Chine), 14 juin 2024 (AFP) -", "TURKMENBASHI, Turkmenistan, May 14 (Reuters) -".
# Russian agencies too: "БИШКЕК, 14 октября 2025 года (Кабар) —", "БИШКЕК, 18 июня. /ТАСС/.".
DATELINE = re.compile(r"^[A-ZÀ-ÝА-ЯЁ][A-ZÀ-ÝА-ЯЁ'’ .-]{2,}(?:\s*\([^)]{1,40}\))?(?:,\s*[A-ZА-ЯЁ][a-zà-ÿа-яё]+)?,\s+"
                      r"(?:\d{1,2}(?:er)?\s+[A-Za-zéûÉа-яё]+\.?|[A-Za-z]+\.?\s+\d{1,2},?)(?:\s+\d{4}(?:\s+(?:года|г\.))?)?"
                      r"\.?\s*[(—–/-]")
ENGLISH_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"}


@dataclass(frozen=True)
class Dated:
    """A date a sentence states or implies, as the analysis finds it (and the store keeps it)."""
    date: str
    status: str
    span: tuple[int, int]
    basis: str = ""
    values: tuple[tuple[str, str], ...] = ()
    entry: str = ""  # how the timeline takes it (corpus.events.entry_of), worked out by the analysis


def dates_in(sentence: str, language: str, published: str, folded: Folded | None = None) -> list[Dated]:
    """The dates a sentence of an article (in `language`, published on `published`) states or
    implies; `folded`: fold(sentence), if the caller has it."""
    if "://" in sentence:
        return []
    folded = folded or fold(sentence)
    text = folded.text
    taken: list[tuple[int, int]] = []
    found = []
    if (dateline := DATELINE.match(sentence)) is not None:
        taken.append((0, dateline.end()))  # the release's own date, not an event
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            groups = match.groupdict()
            month_name = groups.get("month") or ""
            if month_name in ENGLISH_MONTHS and language == "en":
                first = sentence[folded.span_in_original(*match.span("month"))[0]]
                if first.islower():  # "may" the verb, not May
                    continue
            year = groups.get("year")
            status, basis = "stated", ""
            if not year:
                year, status, basis = published[:4], "inferred", "article_year"
            month = MONTHS.get(month_name)
            day = int(groups["day"]) if groups.get("day") else None
            if month and day and not _real_day(int(year), month, day):
                day = None  # "31 février": keep the month, not a day that does not exist
            date = year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
            found.append(Dated(date, status, folded.span_in_original(start, end), basis, (("published", published),)))
    for match in AGO.finditer(text):
        spelled = match.group("n") or match.group("n2") or match.group("n3") or match.group("n4")
        years = int(spelled) if spelled.isdigit() else NUMBERS[spelled]
        if not 0 < years <= 200:
            continue
        year = int(published[:4]) - years
        found.append(Dated(str(year), "inferred", folded.span_in_original(*match.span()), "years_before",
                           (("years", str(years)), ("published", published))))
    for unit, step, pattern in RELATIVE:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            worked_out = _relative(unit, step, match, published)
            if worked_out:
                taken.append(match.span())
                span = folded.span_in_original(*match.span())
                found.append(Dated(worked_out, "inferred", span, "relative",
                                   (("words", sentence[span[0]:span[1]]), ("published", published))))
    return found


def _relative(unit: str, step: int, match: re.Match, published: str) -> str | None:
    """The date a relative expression means, from the article's date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    year = int(published[:4])
    if unit == "year":
        return str(year + step)
    if unit == "decade":
        return match.group("decade")
    parts = published.split("-")
    if unit == "month":
        month = MONTHS[match.group("m1") or match.group("m2")]
        month_now = int(parts[1]) if len(parts) > 1 else 12
        return f"{year if month <= month_now else year - 1}-{month:02d}"  # the last such month, as news tells the past
    if len(parts) < 3:
        return None  # a day needs the article's day
    today = date(year, int(parts[1]), int(parts[2]))
    if unit == "day":
        return (today + timedelta(days=step)).isoformat()
    weekday = WEEKDAYS[match.group("w1") or match.group("w2") or match.group("w3") or match.group("w4")]
    back = (today.weekday() - weekday) % 7 or (7 if match.group("w1") or match.group("w2") else 0)
    return (today - timedelta(days=back)).isoformat()


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
