"""The fields an article file does not state, inferred from its text: a headline or a faithful
shortening of the first sentence for the title; the dateline's date and agency ("PÉKIN, 19 juin 2025
(GLOBE NEWSWIRE) —", "ASTANA, June 17 (Reuters) -", "АСТАНА, 17 июня. /ТАСС/.", "新华社阿斯塔纳6月17日电");
the language detected (py3langid, restricted to the atlas's languages). Each value says where it came
from, so that it is shown as inferred.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from corpus.formats import Extracted

TITLE_LENGTH = 110  # characters: a headline's length; a longer first sentence is shortened


@dataclass(frozen=True)
class Inferred:
    title: str
    published: str
    language: str
    source: str | None
    url: str | None
    inferred: tuple[str, ...]  # the fields above that the file did not state as such
    note: str  # how each inferred value was found
    paragraphs: tuple[str, ...]  # the body (without a headline taken as the title)


class LanguageError(ValueError):
    """The text is in a language the atlas does not read."""


# --- dates -------------------------------------------------------------------------------------

MONTHS = {
    **{name: number for number, names in enumerate((
        ("janvier", "january", "jan", "января", "январь"), ("février", "fevrier", "february", "feb", "февраля", "февраль"),
        ("mars", "march", "mar", "марта", "март"), ("avril", "april", "apr", "апреля", "апрель"),
        ("mai", "may", "мая", "май"), ("juin", "june", "jun", "июня", "июнь"), ("juillet", "july", "jul", "июля", "июль"),
        ("août", "aout", "august", "aug", "августа", "август"),
        ("septembre", "september", "sept", "sep", "сентября", "сентябрь"),
        ("octobre", "october", "oct", "октября", "октябрь"), ("novembre", "november", "nov", "ноября", "ноябрь"),
        ("décembre", "decembre", "december", "dec", "декабря", "декабрь")), start=1) for name in names},
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# 19 juin 2025 · 17 июня 2025 года · June 17, 2025 · 17 June · June 17 · 2025年6月17日 · 6月17日
DATE_PATTERNS = (
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>{_MONTH})\.?(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)", re.IGNORECASE),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?(?!\w)",
               re.IGNORECASE),
    re.compile(r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<month>1[0-2]|0?[1-9])\s*月\s*(?P<day>[0-3]?\d)\s*日"),
)


def find_date(text: str, year_hint: int) -> tuple[str, bool] | None:
    """The first date written in `text` as YYYY-MM-DD, and whether its year was written (else `year_hint`)."""
    found = []
    for pattern in DATE_PATTERNS:
        if match := pattern.search(text):
            found.append(match)
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    year = int(match.group("year")) if match.group("year") else year_hint
    try:
        return date(year, month, int(match.group("day"))).isoformat(), bool(match.group("year"))
    except ValueError:  # 31 June
        return None


# --- the dateline ------------------------------------------------------------------------------

# Agencies as they sign a dateline, and how the atlas names them.
AGENCIES = {"globe newswire": "GlobeNewswire", "globenewswire": "GlobeNewswire", "reuters": "Reuters", "afp": "AFP",
            "ap": "AP", "xinhua": "Xinhua", "新华社": "Xinhua (新华社)", "тасс": "ТАСС", "tass": "TASS",
            "kazinform": "Kazinform", "казинформ": "Kazinform", "akipress": "AKIpress", "kabar": "Kabar",
            "кабар": "Kabar", "uza": "UzA", "уза": "UzA", "khovar": "Khovar", "ховар": "Khovar", "tdh": "TDH",
            "cgtn": "CGTN", "trend": "Trend", "interfax": "Interfax", "интерфакс": "Интерфакс", "ria novosti": "РИА Новости",
            "риа новости": "РИА Новости", "中新社": "China News Service (中新社)", "24.kg": "24.kg"}
# Where a dateline ends: a dash, TASS's "/ТАСС/.", Xinhua's 电 ("dispatch").
_DATELINE_END = re.compile(r"\s[—–]\s|\s--?\s|—|–|/\s*[^/\n]{2,30}/\.?|电")
_PARENTHESES = re.compile(r"[(（]([^()（）\d]{2,40})[)）]")
_SLASHES = re.compile(r"/\s*([^/\d]{2,30}?)\s*/")
_SIGNATURE = re.compile(r"\b(KAZINFORM|Kazinform|AKIpress|KABAR|Kabar|Trend|Xinhua)\b|^(新华社|中新社)")


@dataclass(frozen=True)
class Dateline:
    text: str  # as written, for the note
    date: str | None  # YYYY-MM-DD
    year_written: bool
    agency: str | None  # as the atlas names it
    agency_text: str | None  # as written


def agency_name(written: str) -> str | None:
    key = re.sub(r"\s+", " ", written.strip().strip(".")).lower()
    key = re.sub(r"^(корр\.?|correspondent)\s+", "", key)
    return AGENCIES.get(key) or AGENCIES.get(key.split(" ")[0])


def find_dateline(paragraph: str, year_hint: int) -> Dateline | None:
    """The dateline that opens a news item: a place, maybe a date, maybe an agency, then a dash."""
    head = paragraph[:200]
    end = _DATELINE_END.search(head)
    signature = _SIGNATURE.search(head)
    if end is None and signature is None:
        return None
    text = head[:end.end()].strip() if end else head[:signature.end()].strip()
    if len(text) > 150 or not re.match(r"[A-ZÀ-ÞА-ЯЁ\u4e00-\u9fff]", text):
        return None
    agency_text = None
    for pattern in (_PARENTHESES, _SLASHES, _SIGNATURE):
        for match in pattern.finditer(text):
            written = next(group for group in match.groups() if group)
            if agency_name(written) or pattern is _PARENTHESES and written.isupper():
                agency_text = written
        if agency_text:
            break
    dated = find_date(text, year_hint)
    if not dated and not agency_text:
        return None
    agency = (agency_name(agency_text) or agency_text.strip()) if agency_text else None
    return Dateline(text, dated[0] if dated else None, bool(dated and dated[1]), agency, agency_text)


# A closing credit: "(Avec entrée de Xinhua)", "(With input from Xinhua)", "(Source: AFP)", "（来源：新华社）".
_CREDIT = re.compile(r"^[(（]\s*((?:avec (?:entrée|des informations) d[eu']\s*|with inputs? from |source\s*:\s*|"
                     r"по материалам |来源[:：]\s*)[^()（）]{2,40})[)）]$", re.IGNORECASE)


def closing_credit(paragraphs: tuple[str, ...]) -> str | None:
    for paragraph in reversed(paragraphs[-3:]):
        if match := _CREDIT.match(paragraph.strip()):
            return match.group(1).strip()
    return None


# --- the title ---------------------------------------------------------------------------------

# A photo caption ("… 3 juillet 2024. / VCG", "Photo : AFP", "Фото: ТАСС", "图为…") is not the article's start.
_CAPTION = re.compile(r"(/\s*[A-Z][\w .-]{1,20}$)|(^(photo|фото|图为|图片)\b)|((photo|фото)\s*:\s*[\w .-]{2,30}$)",
                      re.IGNORECASE)


def is_caption(paragraph: str) -> bool:
    return bool(_CAPTION.search(paragraph.strip()))


def is_headline(paragraph: str) -> bool:
    """A short line with no closing punctuation, as headlines are written."""
    text = paragraph.strip()
    return (0 < len(text) <= 160 and len(text.split()) <= 25 and text[-1] not in ".!:;,…。！；，" and "\n" not in text
            and not is_caption(text) and not text.startswith(("http://", "https://")))


_SCRAPER_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")


def shorten(sentence: str, limit: int = TITLE_LENGTH) -> str:
    """A faithful short title from a sentence: all of it if short enough, else up to the last clause
    break (a comma, a colon, a dash) that keeps most of it, else up to a word, with an ellipsis."""
    text = _SCRAPER_DATE.sub("", re.sub(r"\s+", " ", sentence)).strip().rstrip(".。")
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in (", ", " — ", " – ", ": ", "，", "："))
    if cut >= limit * 0.45:
        return text[:cut].rstrip()
    if re.search(r"[\u4e00-\u9fff]", text[:limit]):  # Chinese has no spaces to cut at
        return text[:limit // 2] + "…"
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def first_sentence(paragraph: str, language: str) -> str:
    from corpus.text import split_sentences

    spans = split_sentences(paragraph, language)
    return paragraph[spans[0][0]:spans[0][1]] if spans else paragraph


# --- the language ------------------------------------------------------------------------------

SURE = 0.9  # py3langid's probability over all its languages above which an unsupported one is believed
SAME_LANGUAGE = {"wuu": "zh", "yue": "zh"}  # py3langid calls some Mandarin "wuu"


@functools.cache
def _identifiers():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    every = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    restricted = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return every, restricted


def detect_language(text: str, languages: tuple[str, ...]) -> str:
    """The language of `text` among `languages`; LanguageError when it is surely another one."""
    every, restricted = _identifiers()
    sample = text[:3000]
    found, probability = every.classify(sample)
    found = SAME_LANGUAGE.get(found, found)
    if found in languages:
        return found
    if probability >= SURE:
        raise LanguageError(f"written in a language the atlas does not read ({found}; it reads "
                            f"{', '.join(languages)})")
    restricted.set_languages(list(languages))
    return restricted.classify(sample)[0]


# --- all together ------------------------------------------------------------------------------

def infer(extracted: Extracted, file_date: date, languages: tuple[str, ...], declared_language: str | None = None
          ) -> Inferred:
    """Every field of an article from what its file gives; raises LanguageError for a text in
    another language."""
    paragraphs = extracted.paragraphs
    inferred: list[str] = []
    notes: list[str] = []

    body_text = "\n".join(paragraphs)
    language = declared_language or detect_language(body_text, languages)
    if not declared_language:
        inferred.append("language")
        notes.append(f"Language detected ({language}).")

    title = extracted.title
    if title:
        if extracted.title_from == "headline":
            notes.append("Title from the headline.")
    elif len(paragraphs) > 1 and is_headline(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
        notes.append("Title from the headline.")
    if not paragraphs:
        raise ValueError("no body text")
    opening = [p for p in paragraphs[:4] if not is_caption(p)] or list(paragraphs)
    year_hint = int((extracted.published or extracted.created or file_date.isoformat())[:4])
    dateline = next((found for p in opening[:3] if (found := find_dateline(p, year_hint))), None)
    if not title:
        lead = opening[0]
        if dateline and lead.startswith(dateline.text) and lead[len(dateline.text):].strip():
            lead = lead[len(dateline.text):].lstrip(" -–—.")  # "БИШКЕК, 18 июня. /ТАСС/." is no title
        title = shorten(first_sentence(lead, language))
        inferred.append("title")
        notes.append("Title derived from the first sentence.")
    lead_date = find_date(opening[0][:300], year_hint)  # the lead (a dateline "АСТАНА. KAZINFORM –" has none)
    published = extracted.published
    if published and dateline and dateline.date and dateline.date.startswith(published) and len(published) < 10:
        published = None  # a metadata month that the dateline's day makes precise
    if published:
        notes.append("Date from the page's metadata.")
    elif dateline and dateline.date:
        published = dateline.date
        inferred.append("published")
        year = "" if dateline.year_written else " (its year from the file)"
        notes.append(f"Date from the dateline «{dateline.text}»{year}.")
    elif lead_date and lead_date[1]:  # "…провели переговоры 17 июня 2025 года в Астане"
        published = lead_date[0]
        inferred.append("published")
        notes.append("Date from the lead, which states it.")
    elif extracted.published or extracted.created:
        published = extracted.published or extracted.created
        inferred.append("published")
        notes.append("Date from the file's metadata (when it was made).")
    else:
        published = file_date.isoformat()
        inferred.append("published")
        notes.append("Date unknown: the file's own date.")

    source = extracted.source
    if source:
        notes.append("Source from the file's metadata.")
    elif dateline and dateline.agency:
        source = dateline.agency
        inferred.append("source")
        notes.append(f"Source from the dateline «{dateline.agency_text}».")
    elif credit := closing_credit(paragraphs):
        source = credit
        inferred.append("source")
        notes.append(f"Source from the closing credit «({credit})».")
    else:
        notes.append("Source not stated.")
    if extracted.url:
        notes.append("Address from the page's metadata (canonical link).")
    return Inferred(title=title, published=published, language=language, source=source, url=extracted.url,
                    inferred=tuple(inferred), note=" ".join(notes), paragraphs=paragraphs)
