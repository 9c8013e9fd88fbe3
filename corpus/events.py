"""Which summit a sentence is about, even where it does not name the venue, and what each summit
signed, created, agreed and heard.

An article has a subject: the summit it reports (named by its venue or its number, "le deuxième
sommet", or the summit held within days of its date). Its sentences belong to that summit when
they speak of it ("the summit", "les dirigeants", "on Tuesday" for a summit held that Tuesday,
signed, agreed, the treaty…), when a head of state speaks in it, or when they go on from a sentence
that does; never when they state another time ("En 2020", "Earlier", "en mars" for a June summit,
"à ce jour"), and never when they are not content (captions, datelines, metadata). A sentence that
names a summit by its venue or number belongs to that one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from corpus.quotes import Statement
from corpus.roles import Role
from corpus.text import fold_plain
from corpus.timeline import dates_in

MONTHS = {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
          "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "january": 1, "february": 2, "march": 3,
          "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
          "december": 12}
WEEKDAYS = ({"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6} |
            {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6})
NEAR_DAYS = 10  # an article this close to a summit may speak of it by its weekday ("mardi")
LEAD = 2  # sentences of content: what an article reports, it says there

SUMMIT_WORD = re.compile(r"\b(?:sommets?|summits?)\b")
GATHERING = re.compile(r"\b(?:gathering|rencontre|reunion)\b")  # "the Xi'an gathering": a summit with its venue
# A sentence going back to the meeting the one before it spoke of: "At that meeting, Xi announced…",
# "Les six dirigeants s'étaient alors donné rendez-vous…" (folded text)
BACK_TO_IT = re.compile(r"\b(?:that|this|cette|cet|ce)\s+(?:meeting|reunion|rencontre|gathering|sommet|summit)\b")
BACK_THEN = re.compile(r"\b(?:alors|then|at the time|a cette occasion|on that occasion|on this occasion|a l'epoque"
                       r"|la-bas|there)\b")
THE_SUMMIT = re.compile(r"\b(?:the|this|that|ce|cet|cette|le|la|du|au)\s+(?:sommet|summit|gathering|rencontre)\b")  # not "every summit"
ORDINALS = {1: r"premier|premiere|1er|first|inaugural", 2: r"deuxieme|second|2e|2nd", 3: r"troisieme|third|3e|3rd"}
# The words of a summit's number, as the full-text index finds them (the summit's articles, quickly)
NUMBER_WORDS = {1: ("premier sommet", "first summit"), 2: ("deuxieme sommet", "second summit", "2e sommet"),
                3: ("troisieme sommet", "third summit")}
NUMBERED = {n: re.compile(rf"\b(?:{words})\b(?:[\s-]+[\w'-]+){{0,3}}?[\s-]+(?:sommet|summit)\b") for n, words in ORDINALS.items()}
DOCUMENT_WORD = re.compile(r"\b(?:traite|treaty|declaration|accords?|agreements?|programme|program|memorandum|"
                           r"feuille de route|roadmap)\b")
# What happens at a summit. Matched on folded text (no accents, lower case).
SIGNALS = re.compile(
    r"\b(?:dirigeants|leaders|chefs d'etat|heads of state|en marge|on the sidelines|sidelines|signe|signed|signent|"
    r"signature|adopte|adopted|convenu|agreed|decide|decided|annonce|announced|traite|treaty|declaration|"
    r"commitment|pledged|s'est tenu|was held|discours|speech|keynote|ceremonie|ceremony|signer|sign|will sign)\b")
_COUNT = r"(?:\d+|un|deux|trois|quatre|cinq|six|dix|a|one|two|three|four|five|six|ten)"
OTHER_TIME = re.compile(r"\b(?:earlier|auparavant|precedemment|a ce jour|to date|so far|jusqu'a present|"
                        rf"il y a {_COUNT} ans|{_COUNT} years? ago|in the past|dans le passe)\b")
# Another meeting than the C+C5 summits: a sentence that names one is about it, not about the
# article's summit ("G7 leaders are expected…", "Au sommet de l'OCS, à Tianjin", "le premier sommet
# Russie–Asie centrale", "a state visit"). Matched on folded text.
OTHER_MEETING = re.compile(
    r"\b(?:g7|g20|brics|sco|ocs|cica|cis|cei|otan|nato|asean|apec|ots|otc|turkic states|etats turciques"
    r"|(?:organisation|organization) de (?:cooperation de )?shanghai|shanghai cooperation organi[sz]ation"
    r"|russie\W+asie centrale|russia\W+central asia|(?:ue|eu|union europeenne|european union)\W+(?:asie centrale|central asia)"
    r"|c5\+1|central asia\W*plus|asie centrale\W*plus|etats-unis\W+asie centrale|us\W+central asia"
    r"|japon\W+asie centrale|japan\W+central asia|coree\W+asie centrale|korea\W+central asia"
    r"|state visit|visite d'etat|official visit|visite officielle|bilateral talks|entretiens bilateraux"
    r"|putin|poutine|von der leyen|biden|trump|modi|erdogan|kishida|his own first summit|its own summit"
    r"|union europeenne|european union|l'ue|the eu"
    r"|forum|congress|congres|expo|exposition|salon)\b")
OUR_SERIES = re.compile(r"\b(?:chine\W+asie centrale|china\W+central asia|c\+c5|china-central asian)\b")
NEXT_SUMMIT = re.compile(r"\b(?:next|prochain|prochaine|upcoming|future)\s+(?:[\w-]+\s+){0,3}"
                         r"(?:sommet|summit|meeting|rencontre|reunion)\b")
SINCE_YEAR = re.compile(r"\b(?:depuis|since|des|from)\s+(?:(?:le|la|l'|the)\s+)?(?:[\w'-]+\s+){0,4}?((?:19|20)\d\d)\b")
DECISION = re.compile(r"\b(?:agreed|decided|convenu|convenus|decide|decident|conviennent|resolved)\b")
YEAR = re.compile(r"(?<![\w/-])((?:19|20)\d\d)(?![\w/-])")
ANAPHOR_START = re.compile(r"^(?:\W*)(?:il|elle|ils|elles|he|she|they|ce|cet|cette|ces|this|these|those|"
                           r"(?:\w+\s+){0,2}(?:cette|ce|this)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class SummitRef:
    venue: str  # the venue's place slug
    number: int
    start: date
    end: date
    month: int


def summit_refs(summits: dict[str, tuple[int, str]]) -> list[SummitRef]:
    """`summits`: venue slug → (number, dates "YYYY-MM-DD" or "start/end")."""
    refs = []
    for venue, (number, dates) in summits.items():
        first, _, last = dates.partition("/")
        start = date.fromisoformat(first)
        refs.append(SummitRef(venue, number, start, date.fromisoformat(last or first), start.month))
    return sorted(refs, key=lambda ref: ref.number)


def published_date(published: str) -> date:
    parts = [int(p) for p in published.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2] if len(published.split("-")) > 2 else 1)


def explicit(folded: str, venues_named: set[str], refs: list[SummitRef]) -> list[str]:
    """Summits a sentence names: by number ("le premier sommet"), or by its venue next to a word
    for a summit or its documents ("sommet d'Astana", "the Xi'an Declaration")."""
    if other_meeting(folded):  # "le premier sommet Russie–Asie centrale", "le sommet de l'OCS à Astana"
        return []
    found = [ref.venue for ref in refs if NUMBERED.get(ref.number) and NUMBERED[ref.number].search(folded)]
    if SUMMIT_WORD.search(folded) or DOCUMENT_WORD.search(folded) or GATHERING.search(folded):
        found += [ref.venue for ref in refs if ref.venue in venues_named]
    return list(dict.fromkeys(found))


def _ours_first(folded: str) -> bool:
    """"The summit" said before another meeting is named: the sentence is about ours."""
    ours, other = THE_SUMMIT.search(folded), OTHER_MEETING.search(folded)
    return bool(ours and other and ours.start() < other.start())


def other_meeting(folded: str) -> bool:
    """The sentence names another meeting than a China–Central Asia summit, and not one of ours."""
    return bool(OTHER_MEETING.search(folded)) and not OUR_SERIES.search(folded)


def names_other_number(folded: str, refs: list[SummitRef]) -> bool:
    """A summit by a number the atlas has no venue for ("the third summit")."""
    known = {ref.number for ref in refs}
    return bool(NEXT_SUMMIT.search(folded)) or any(n not in known and pattern.search(folded)
                                                   for n, pattern in NUMBERED.items())


def article_subject(folded: list[str], venues: list[set[str]], roles: list[Role], published: str,
                    refs: list[SummitRef]) -> SummitRef | None:
    """The summit an article reports, as its lead says: the one held within days of its date (unless
    the lead reports another meeting), else the one its first sentences of content name most. An
    article whose lead is about something else only recalls a summit: it has no subject, and only
    the sentences that name a summit belong to one."""
    counts: dict[str, int] = {}
    others = 0  # the lead's sentences about another meeting: an article about the SCO summit is not about ours
    lead = [(text, named) for text, named, role in zip(folded, venues, roles) if role.content][:LEAD]
    for n, (text, named) in enumerate(lead):
        for venue in explicit(text, named, refs):
            counts[venue] = counts.get(venue, 0) + 1 + (n == 0)
        others += (other_meeting(text) and not _ours_first(text)) * (1 + (n == 0))  # a forum, a visit, another summit
    when = published_date(published)
    near = [ref for ref in refs if abs((when - ref.start).days) <= NEAR_DAYS]
    if near and not (others and not counts.get(near[0].venue)):
        return near[0]
    if counts:
        best = max(counts, key=lambda venue: counts[venue])
        if others > counts[best]:
            return None
        return next(ref for ref in refs if ref.venue == best)
    return None


def _other_time(folded: str, subject: SummitRef, published: date) -> bool:
    if OTHER_TIME.search(folded):
        return True
    since = set(SINCE_YEAR.findall(folded))  # "depuis le lancement du mécanisme en 2023" dates no event here
    if any(int(year) < subject.start.year and year not in since for year in YEAR.findall(folded)):
        return True
    months = {MONTHS[word] for word in re.findall(r"[a-z]+", folded) if word in MONTHS}
    months.discard(subject.month)
    months.discard(subject.end.month)
    if "may" in folded and "may" not in re.findall(r"\bmay\s+\d", folded):
        months.discard(5)  # "may" the verb
    return bool(months)


def _next_after(subject: SummitRef | None, refs: list[SummitRef], published: date) -> str | None:
    """The summit after the article's (or after the last one held before it was written), if the
    atlas knows it and it had not been held when the article was written."""
    held = _held(refs, published)
    base = subject.number if subject else (held[-1].number if held else 0)
    following = [ref for ref in refs if ref.number == base + 1 and ref.start > published]
    return following[0].venue if following else None


def _ours_unnamed(folded: str, refs: list[SummitRef], published: date) -> str | None:
    """A China–Central Asia summit named without its venue or number: by its series ("the
    China-Central Asia summit in June": the one of that month, else the last one held before the
    article was written), or by its date ("the summit in June", "en mai 2023 … pour un sommet")."""
    if not SUMMIT_WORD.search(folded) or other_meeting(folded):
        return None
    months = {MONTHS[word] for word in re.findall(r"[a-z]+", folded) if word in MONTHS}
    years = set(YEAR.findall(folded))
    dated = [ref for ref in refs if ref.month in months and str(ref.start.year) in years]
    if dated:
        return dated[-1].venue
    by_month = [ref for ref in _held(refs, published) if ref.month in months and (published - ref.start).days <= 366]
    if by_month and (OUR_SERIES.search(folded) or THE_SUMMIT.search(folded)):
        return by_month[-1].venue
    if OUR_SERIES.search(folded):
        held = _held(refs, published)
        return held[-1].venue if held else None
    return None


def _held(refs: list[SummitRef], published: date) -> list[SummitRef]:
    """The summits held when the article was written, in order."""
    return [ref for ref in refs if ref.start <= published]


def _on_summit_day(folded: str, subject: SummitRef, published: date) -> bool:
    if abs((published - subject.start).days) > NEAR_DAYS:
        return False
    days = {(subject.start + timedelta(days=n)).weekday() for n in range((subject.end - subject.start).days + 1)}
    return any(WEEKDAYS[word] in days for word in re.findall(r"[a-z]+", folded) if word in WEEKDAYS)


def attach(texts: list[str], paragraphs: list[int], roles: list[Role], venues: list[set[str]],
           statements: list[Statement | None], leaders: set[str], published: str,
           refs: list[SummitRef]) -> list[str | None]:
    """The venue of the summit each sentence of an article is about (None: no summit).
    `venues`: the summit venues each sentence names (outside its dateline); `leaders`: slugs of
    heads of state."""
    folded = [fold_plain(text) for text in texts]
    subject = article_subject(folded, venues, roles, published, refs)
    when = published_date(published)
    near = subject is not None and abs((when - subject.start).days) <= NEAR_DAYS  # a leader's words count then
    attached: list[str | None] = []
    previous: tuple[int, str | None] = (-1, None)  # the last content sentence: its paragraph and summit
    for number, (text, role) in enumerate(zip(folded, roles)):
        venue = None
        if role.content:
            named = explicit(text, venues[number], refs)
            elsewhere = [ref.venue for ref in refs if ref.venue in venues[number] and subject and ref.venue != subject.venue]
            if named:
                venue = named[0]
            elif other_meeting(text) and not (subject and _ours_first(text)):
                venue = None  # about another meeting ("Le sommet coïncidait avec celui du G7" is ours)
            elif on_its_date := _venue_on_its_date(texts[number], venues[number], refs, published):
                venue = on_its_date  # "À Astana, le 17 juin, Xi Jinping avait promis…" in a story about another forum
            elif not subject and previous[1] and previous[0] >= paragraphs[number] - 1 and not other_meeting(text) \
                    and (THE_SUMMIT.search(text) or BACK_TO_IT.search(text) or SIGNALS.search(text) and BACK_THEN.search(text)):
                venue = previous[1]  # "At that meeting, Xi announced …", after a sentence about a summit
            elif elsewhere and SIGNALS.search(text):
                venue = elsewhere[0]  # "Il y a deux ans, à Xi'an, les dirigeants avaient lancé…"
            elif names_other_number(text, refs):
                # the next summit: as the leaders decided it there ("The leaders agreed that the third
                # summit will be held in 2027"); or, written before it, the one the atlas knows
                # ("Kazakhstan will host the next meeting in 2025", in 2023); else a plan, no summit held
                if subject and DECISION.search(text) and not _other_time(text, subject, when):
                    venue = subject.venue
                elif NEXT_SUMMIT.search(text):
                    venue = _next_after(subject, refs, when)
            elif series := _ours_unnamed(text, refs, when):
                venue = series  # "the China-Central Asia summit in June", venue and number unsaid
            elif subject and not _other_time(text, subject, when):
                statement = statements[number]
                if (SIGNALS.search(text) or SUMMIT_WORD.search(text) or _on_summit_day(text, subject, when)
                        or (statement and statement.slug in leaders and near)):
                    venue = subject.venue
                elif previous[1] == subject.venue and (previous[0] == paragraphs[number]
                                                       or ANAPHOR_START.match(texts[number])):
                    venue = subject.venue  # goes on from a sentence about the summit
            previous = (paragraphs[number], venue)
        attached.append(venue)
    return attached


def _venue_on_its_date(text: str, venues: set[str], refs: list[SummitRef], published: str) -> str | None:
    """The summit venue a sentence names together with its summit's day ("À Astana, le 17 juin")."""
    named = [ref for ref in refs if ref.venue in venues]
    if not named:
        return None
    days = [d.date for d in dates_in(text, "", published) if len(d.date) == 10]
    return next((ref.venue for ref in named for day in days if _compatible(day, ref)), None)


# --- the timeline's events ------------------------------------------------------------------

STATISTIC = re.compile(r"(?:\d[\d.,\u00a0\u202f ]*\s*(?:%|pour ?cent|per ?cent|percent|milliards?|millions?|billions?|"
                       r"bn|tonnes?|tons?|km|kilometres?|kilometers?|cubic|m3|barrels?|barils?)|\$\s?\d)", re.IGNORECASE)


def _compatible(date_text: str, ref: SummitRef) -> bool:
    """A date that could be the summit's: its year, and its month and day if given."""
    parts = [int(p) for p in date_text.split("-")]
    if parts[0] != ref.start.year:
        return False
    if len(parts) > 1 and parts[1] not in (ref.start.month, ref.end.month):
        return False
    # a visit around the summit ("du 16 au 18 juin" for the 17th) is the summit's too
    return len(parts) < 3 or ref.start - timedelta(days=2) <= date(parts[0], parts[1], parts[2]) <= ref.end + timedelta(days=2)


NOT_AN_EVENT, NEXT, SUMMIT, ABOUT = "", "next", "summit:", "about:"  # how the timeline takes a date (`entry_of`)


def entry_of(date_text: str, span: tuple[int, int] | None, text: str, places: set[str],
             people: list[str], role: Role, venue: str | None, refs: list[SummitRef]) -> str:
    """How the timeline takes a date a sentence states, worked out when its article is analysed
    (and kept beside the date): NOT_AN_EVENT for a caption's, a dateline's or a statistic's
    year; SUMMIT + venue for one of the summits (named, numbered, or the one its article is
    about, on a compatible date); NEXT for a summit the atlas has no venue for ("the third
    summit … in 2027"); else ABOUT + the places and people it is about, "|"-joined (events on
    one date that share one are one event)."""
    if not role.content or (span and span[0] < role.dateline_end):
        return NOT_AN_EVENT
    if len(date_text) == 4 and STATISTIC.search(text):
        return NOT_AN_EVENT  # "94,8 milliards de dollars en 2024": the year of a figure, not an event
    folded = fold_plain(text)
    if names_other_number(folded, refs):
        return NEXT
    by_venue = {ref.venue: ref for ref in refs}
    named = explicit(folded, places, refs)
    venue = next((v for v in [venue, *named] if v and _compatible(date_text, by_venue[v])), None)
    if venue:
        return SUMMIT + venue
    return ABOUT + "|".join(sorted({f"place:{slug}" for slug in places} | {f"person:{slug}" for slug in people}))
