"""Who said it: each sentence that quotes or reports someone's words, attributed to its speaker.

Direct quotations (« … », “…”, "…") and reported speech ("a déclaré X", "X said", "selon X",
"X a ajouté :") are attributed to the person named next to the speech verb: after it when the
sentence is inverted ("…, a déclaré le porte-parole Lin Jian"), else before it ("Tokayev said").
A pronoun ("a-t-il ajouté", "He said") is the article's last speaker; an office without a name
("le porte-parole a indiqué") is the person the article gave that office; a quotation running over
several sentences, or a bare quotation right after another, keeps its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.people import PersonMention
from corpus.roles import QUOTATION, SPEECH_VERB, Role, outside

FOLLOWED_BY_NAME = re.compile(r"^(?:selon|d’après|d'après|according to)$", re.IGNORECASE)
PRONOUN_FORMS = re.compile(r"^(?:a-t-il|a-t-elle|ont-ils|ont-elles)$", re.IGNORECASE)
PRONOUN_BEFORE = re.compile(r"(?:^|[\s,;:»”\"])(?:il|elle|ils|elles|he|she|they)(?:\s+(?:lui|leur|also|then|"
                            r"a|ont|avait|had|has|later|further|n[’']a))*\s*(?:\S+\s+){0,2}$", re.IGNORECASE)
THAT = re.compile(r"(?<![\w-])(?:que|qu’|qu'|that)(?![\w-])", re.IGNORECASE)
OFFICE_WORD = re.compile(r"(?<![\w-])(?:porte-parole|spokesperson|spokesman|spokeswoman|ministre|minister"
                         r"|ambassadeur|ambassador|président|president|head of state|chef de l[’']état|leader"
                         r"|diplomat|diplomate|politologue|analyst|analyste|expert|experte|researcher|chercheur"
                         r"|chercheuse|economist|économiste)(?![\w-])",
                         re.IGNORECASE)
OFFICE_AT_END = re.compile(OFFICE_WORD.pattern + r"\s*,?\s*$", re.IGNORECASE)  # "The President noted": an office, not an institution
# Offices that name a head of state without saying "president": the title the article gave them
# earlier says it ("the Kyrgyz President Sadyr Japarov … the head of state said")
HEAD_OF_STATE_WORDS = ("head of state", "chef de l’état", "chef de l'état", "leader")
INSTITUTIONS = {"ministry", "government", "office", "agency", "service", "committee", "ministère", "gouvernement",
                "agence", "service", "comité", "kremlin", "akorda", "embassy", "ambassade", "bank", "banque"}
# Capitalised words before a verb that are not its subject: pronouns, days, months
NOT_SUBJECTS = {"he", "she", "they", "it", "we", "i", "il", "elle", "ils", "elles", "on", "nous", "monday", "tuesday",
                "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi",
                "vendredi", "samedi", "dimanche", "also", "then", "later", "earlier", "today", "yesterday"}
LISTENER_VERBS = re.compile(r"^(?:told|tells)$", re.IGNORECASE)  # "X told Xi": the person after listens
INVERTED_REACH = 100  # characters after the verb where an inverted subject may stand
SUBJECT_REACH = 160  # characters before it
LOOK_BACK = 6  # sentences in which a pronoun or an office finds its person


@dataclass(frozen=True)
class Statement:
    """Whose words a sentence carries."""
    slug: str | None  # None: someone the article does not name ("a spokesman said")
    direct: bool  # quoted words (else reported speech)


def attribute(sentences: list[str], roles: list[Role], people: list[list[PersonMention]]) -> list[Statement | None]:
    """Each sentence's statement (None when it quotes and reports no one)."""
    statements: list[Statement | None] = []
    last_speaker: str | None = None
    for number, (text, role) in enumerate(zip(sentences, roles)):
        if not role.content:
            statements.append(None)
            continue
        quotes = role.quotes
        mentions = [m for m in people[number] if outside(quotes, m.start, m.end) and m.start >= role.dateline_end]
        slug, found = _speaker(text, quotes, mentions, sentences, people, number, last_speaker)
        direct = role.kind == QUOTATION
        previous = statements[-1] if statements else None
        if not found and direct and previous is not None and roles[number - 1].kind == QUOTATION:
            slug, found = previous.slug, True  # a quotation going on from the sentence before
        if found or direct:
            statements.append(Statement(slug, direct))
            last_speaker = slug or last_speaker
        else:
            statements.append(None)
    # A quotation running over several sentences: one speaker for all of them, found where it ends.
    number = 0
    while number < len(roles):
        if roles[number].open_quote:
            end = number
            while end + 1 < len(roles) and roles[end].open_quote:
                end += 1
            group = range(number, end + 1)
            speaker = next((statements[i].slug for i in reversed(group) if statements[i] and statements[i].slug), None)
            for i in group:
                statements[i] = Statement(speaker, True)
            number = end + 1
        else:
            number += 1
    return statements


def _speaker(text: str, quotes, mentions: list[PersonMention], sentences: list[str],
             people: list[list[PersonMention]], number: int, last_speaker: str | None) -> tuple[str | None, bool]:
    """(speaker, found): found is False when the sentence reports no speech."""
    for verb in SPEECH_VERB.finditer(text):
        if not outside(quotes, *verb.span()):
            continue
        word = verb.group()
        after = [m for m in mentions if m.start >= verb.end() and m.start - verb.end() <= INVERTED_REACH
                 and not THAT.search(text[verb.end():m.start]) and "," not in text[verb.end():m.start].strip()[:-1]]
        if FOLLOWED_BY_NAME.match(word):
            close = [m for m in after if m.start - verb.end() <= 40]
            if close:
                return close[0].slug, True
            continue  # "selon les douanes": an institution, not a person
        if PRONOUN_FORMS.match(word):
            return last_speaker or _recent(people, number), True
        if after and not LISTENER_VERBS.match(word):
            return after[0].slug, True
        lead_word = re.search(r"([\w’'-]+)\s*,?\s*$", text[:verb.start()])
        word_before = lead_word.group(1) if lead_word else ""
        if word_before and (word_before[:1].isupper() and word_before.lower() not in NOT_SUBJECTS
                            or word_before.lower() in INSTITUTIONS) \
                and not OFFICE_AT_END.search(text[:verb.start()]) \
                and not any(m.start <= lead_word.start(1) < m.end for m in mentions) \
                and not re.search(r",\s*$", text[:verb.start()]):
            return None, True  # "Beijing says", "the ministry said": an institution, not a person
        before = [m for m in mentions if m.end <= verb.start() and verb.start() - m.end <= SUBJECT_REACH
                  and not re.search(r"[.;]", text[m.end:verb.start()])]
        inverted_office = OFFICE_WORD.search(text[verb.end():verb.end() + 40])
        if inverted_office and not THAT.search(text[verb.end():verb.end() + inverted_office.start()]):
            if re.search(r"(?<![\w-])(?:un|une|a|an)\s+(?:[\w-]+\s+)?$", text[verb.end():verb.end() + inverted_office.start()],
                         re.IGNORECASE):
                # "», analyse un diplomate européen": someone the article does not name, unless it names
                # one person with that very office ("un porte-parole … le porte-parole Lin Jian")
                return _with_office(inverted_office.group(), people, number, exact=True), True
            return _with_office(inverted_office.group(), people, number), True  # "…, a annoncé le porte-parole"
        lead = text[max(0, verb.start() - 40):verb.start()]
        office = OFFICE_WORD.search(text[max(0, verb.start() - 60):min(len(text), verb.end() + 60)])
        if PRONOUN_BEFORE.search(lead) and not (before and before[-1].end > verb.start() - 25):
            if before:  # "Xi first brought the leaders together …, when he promised": the sentence's subject
                return before[0].slug, True
            return last_speaker or _recent(people, number), True
        if before and re.search(r"(?<![\w-])(?:and|et(?:\s+(?:a|ont|avait))?)\s*$", text[:verb.start()]):
            return before[0].slug, True  # "Wang Yi conveyed greetings from Xi Jinping and said": the subject
        if before:
            return before[-1].slug, True
        if office:
            return _with_office(office.group(), people, number), True
    return None, False


def _recent(people: list[list[PersonMention]], number: int) -> str | None:
    """The last person named before this sentence."""
    for mentions in reversed(people[max(0, number - LOOK_BACK):number]):
        if mentions:
            return mentions[-1].slug
    return None


def _with_office(office: str, people: list[list[PersonMention]], number: int, exact: bool = False) -> str | None:
    """The person near this sentence whom the article gave this office ("le porte-parole Lin Jian");
    `exact`: that office word itself (a "diplomate" is not "la diplomatie chinoise"'s spokesperson)."""
    office = office.lower()
    nearby = [*reversed(people[max(0, number - LOOK_BACK):number + 1]), *people[number + 1:number + 3]]
    if exact:
        word = re.compile(rf"(?<![\w-]){re.escape(office)}s?(?![\w-])")
        return next((m.slug for mentions in nearby for m in mentions if word.search(m.title.lower())), None)
    wanted = (("president", "président", "leader", "chef de l", "head of state")
              if office in HEAD_OF_STATE_WORDS or office in ("president", "président")  # Akorda: "Head of State X … The President noted"
              else ("ambassad", "minist", "envoy", "diplomat") if office in ("diplomat", "diplomate")
              else (office[:8],))  # "analyst" finds "an analyst at …", "politologue" "la politologue ouzbèke"
    for mentions in nearby:
        for mention in mentions:
            if any(word in mention.title.lower() for word in wanted):
                return mention.slug
    return None
