"""What a summit produced, as its sentences say it: documents signed or adopted, mechanisms
created, commitments and their figures, what the leaders agreed; the themes raised and who
attended and spoke. Each item keeps every sentence that states it (one item, many sources,
French and English alike: "le Traité …" and "the Treaty …" are one treaty)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corpus.figures import AMOUNT
from corpus.text import fold, fold_plain

if TYPE_CHECKING:  # the analysis reads outcome_of; the query side's sentences are only named
    from corpus.excerpts import Sentence

DOCUMENT, MECHANISM, COMMITMENT, AGREED = "document", "mechanism", "commitment", "agreed"
KINDS = (DOCUMENT, MECHANISM, COMMITMENT, AGREED)

# Matched on folded text (lower case, no accents).
SIGNING = re.compile(r"\b(?:signe\w*|signed|signing|signature|adopte\w*|adopted|conclu|concluded|paraphe\w*)\b")
DOCUMENT_NOUN = re.compile(r"\b(?:traites?|treat(?:y|ies)|declarations?|accords?|agreements?|memorand(?:um|a)|"
                           r"programmes?|programs?|feuilles? de route|roadmaps?|documents?)\b")
CREATING = re.compile(r"\b(?:creer|create[sd]?|creating|set up|sets up|setting up|etabli\w*|establish\w*|"
                      r"mettre en place|mis en place|launch\w*|lancer|ouvrir|open)\b")
BODY_NOUN = re.compile(r"\b(?:centres?|centers?|plateformes?|platforms?|secretariats?|mecanismes?|mechanisms?|"
                       r"fonds|funds?|branch|antenne|bureaux?|offices?)\b")
GIVING = re.compile(r"\b(?:provide\w*|fourni\w*|accord\w*|pledg\w*|allocat\w*|financ\w*|grants?|aid|aide|dons?|"
                    r"subventions?|invest\w*)\b")
AGREEING = re.compile(r"\b(?:agreed(?: to| that| on)?|ont convenu(?: de| que)?|sont convenus(?: de| que)?|"
                      r"convenu(?: de| que)?|decided to|ont decide de|a decide de|designate\w*)\s+")
STOP = {"at", "lors", "during", "pendant", "qui", "which", "that", "covering", "entre", "between", "in", "ont",
        "est", "agreed", "adopted", "signed", "convenu", "signe", "have", "has", "were", "was", "will", "to", "avec",
        "with", "dans", "au", "aux", "by", "par", "en", "lors"}
TRAILING = {"and", "et", "de", "d", "of", "the", "la", "le", "les", "l", "du", "des", "a", "an", "un", "une", "on",
            "sur", "for", "pour"}
NUMBERS = {"one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4, "quatre": 4,
           "five": 5, "cinq": 5, "six": 6}
MAX_WORDS = 12


@dataclass
class Outcome:
    kind: str
    key: str  # the same thing in any language
    labels: dict[str, str] = field(default_factory=dict)  # language → its words in the first article saying it
    sentences: list[Sentence] = field(default_factory=list)

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()))


def outcome_of(text: str) -> str | None:
    """What kind of outcome a sentence states, if any."""
    folded = fold_plain(text)
    if SIGNING.search(folded) and DOCUMENT_NOUN.search(folded):
        return DOCUMENT
    if CREATING.search(folded) and BODY_NOUN.search(folded):
        return MECHANISM
    if GIVING.search(folded) and _amounts(text):
        return COMMITMENT
    if AGREEING.search(folded):
        return AGREED
    return None


def _amounts(text: str) -> list[re.Match]:
    return [m for m in AMOUNT.finditer(text) if m["unit"] or m["dollar"]]


def _phrase(text: str, start: int, max_words: int = MAX_WORDS, commas: bool = True) -> tuple[int, int]:
    """From `start`, words up to a stop word, a full stop or `max_words`; connectors trimmed off its end."""
    pieces = []
    for match in re.finditer(r"\d+(?:[.,]\d+)*|[\w'’\-]+|[^\w\s]", text[start:]):
        token = match.group()
        folded = fold_plain(token)
        if token in ".;:()«»“”\"!?" or (token == "," and not commas) or (pieces and folded in STOP):
            break
        pieces.append((start + match.start(), start + match.end(), folded))
        if len([p for p in pieces if p[2] != ","]) >= max_words:
            break
    while pieces and (pieces[-1][2] in TRAILING or pieces[-1][2] == ","):
        pieces.pop()
    return (pieces[0][0], pieces[-1][1]) if pieces else (start, start)


def _document(text: str) -> tuple[str, str] | None:
    folded = fold(text)
    match = DOCUMENT_NOUN.search(folded.text)
    if not match:
        return None
    start, _ = folded.span_in_original(*match.span())
    before = re.search(r"([A-ZÀ-Þ][\w'’\-]+)\s+$", text[:start])  # "the Astana Declaration", "Xi'an Declaration"
    if before and fold(before.group(1)).text not in TRAILING | {"the", "le", "la"}:
        start = before.start(1)
    s, e = _phrase(text, start)
    label = text[s:e]
    noun = match.group().split()[0]
    noun = {"traite": "treaty", "traites": "treaty", "treaties": "treaty", "declarations": "declaration",
            "accord": "agreement", "accords": "agreement", "agreements": "agreement"}.get(noun, noun)
    key = noun if noun in ("treaty", "declaration") else f"{noun}:{fold(label).text}"
    return key, label


def _mechanism(text: str) -> tuple[str, str] | None:
    folded = fold(text)
    verb = CREATING.search(folded.text)
    if not verb:
        return None
    start = folded.span_in_original(*verb.span())[1]
    start += len(text[start:]) - len(text[start:].lstrip())
    s, e = _phrase(text, start, 16)
    label = text[s:e]
    noun = BODY_NOUN.search(fold(label).text)
    if not noun:
        return None
    count = next((NUMBERS[w] for w in re.findall(r"\w+", fold(label).text) if w in NUMBERS), 1)
    root = {"center": "centre", "centers": "centre", "centres": "centre", "plateforme": "platform",
            "plateformes": "platform", "platforms": "platform", "mecanisme": "mechanism"}.get(noun.group(), noun.group())
    return f"{root}:{count}", label


def _commitment(text: str, language: str) -> tuple[str, str] | None:
    amounts = _amounts(text)
    if not amounts:
        return None
    match = amounts[0]
    s, e = _phrase(text, match.start(), 9, commas=False)
    value = re.sub(r"\D", "", match["value"])
    unit = "CNY" if "yuan" in (match["unit"] or "").lower() else "USD"
    return f"{value}:{match['scale'][:3].lower()}:{unit}", text[s:e]


def _agreed(text: str) -> tuple[str, str] | None:
    folded = fold(text)
    verb = AGREEING.search(folded.text)
    if not verb:
        return None
    start = folded.span_in_original(*verb.span())[1]
    s, e = _phrase(text, start, 14, commas=False)
    label = text[s:e]
    return f"agreed:{' '.join(re.findall(r'[a-z0-9]+', fold(label).text)[:5])}", label


def outcomes_in(text: str, language: str) -> list[tuple[str, str, str]]:
    """What one sentence of a summit states it produced, as (kind, key, label): a sentence may
    state a document and a mechanism at once. Found when an article is analysed and kept in the
    store (corpus.store's outcomes table), so that a summit's sheet is a query."""
    folded = fold_plain(text)
    candidates = []
    if SIGNING.search(folded):
        candidates.append((DOCUMENT, _document(text)))
    if CREATING.search(folded) and BODY_NOUN.search(folded):
        candidates.append((MECHANISM, _mechanism(text)))
    if GIVING.search(folded):
        candidates.append((COMMITMENT, _commitment(text, language)))
    if AGREEING.search(folded) and not any(item for _, item in candidates[:2] if _ != COMMITMENT):
        candidates.append((AGREED, _agreed(text)))  # unless it is what they agreed to sign or create
    return [(kind, *item) for kind, item in candidates if item and item[1].strip()]


def summit_outcomes(sentences: list[tuple[Sentence, str]]) -> dict[str, list[Outcome]]:
    """Each kind's outcomes from a summit's sentences (with their article's language), in the
    order first stated; one item, all the sentences stating it."""
    found: dict[str, dict[str, Outcome]] = {kind: {} for kind in KINDS}
    for sentence, language in sentences:
        for kind, key, label in outcomes_in(sentence.text, language):
            outcome = found[kind].setdefault(key, Outcome(kind, key))
            outcome.labels.setdefault(language, label)
            if sentence not in outcome.sentences:
                outcome.sentences.append(sentence)
    return {kind: list(items.values()) for kind, items in found.items()}
