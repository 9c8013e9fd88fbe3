"""What each sentence of an article is: the story's dateline, a photo caption or credit, a byline
or other metadata, boilerplate, an intertitle, a quotation, or body text.

Only body text and quotations are content: a caption describes a picture (often of another day),
a dateline says where the story was filed, metadata and boilerplate say who wrote or sent it.
A dateline opening a sentence of content ("ASTANA, June 17 (Xinhua) -- Xi Jinping ...") leaves the
sentence content, but the place it names is where the story was filed (`Role.dateline_end`).
Rules written for news as the agencies write it (Xinhua, CGTN, Kazinform, AKIpress, AFP, Reuters);
measured on tests/data/summit_labels.yaml by bench/bench_reading.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BODY, QUOTATION, CAPTION, METADATA, BOILERPLATE, HEADING, DATELINE = (
    "body", "quotation", "caption", "metadata", "boilerplate", "heading", "dateline")
CONTENT = frozenset({BODY, QUOTATION})

_UPPER = "A-ZÀ-ÖØ-Þ"
_CITY = rf"[{_UPPER}][{_UPPER}'’.\-]+(?:[ \-][{_UPPER}][{_UPPER}'’.\-]*)*"
_DATE = r"(?:\d{1,2}(?:er)?\s+[a-zéû]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?"
# "ASTANA, June 17 (Xinhua) --", "PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE) —", "XI'AN, China (AFP) —",
# "BISHKEK (AKIpress) -", "PÉKIN, 18 juin 2025 —", "KAZINFORM –" (after a lone "ASTANA.")
DATELINE_AT_START = re.compile(
    rf"^(?:{_CITY}(?:,\s*[A-Z][a-z]+)?(?:,\s*{_DATE})?\s*(?:\([^()]{{2,40}}\))?|\([^()]{{2,40}}\)|[{_UPPER}]{{3,}}"
    rf"|[{_UPPER}][a-zà-ÿ'’\-]+(?:[ \-][{_UPPER}][a-zà-ÿ'’\-]+)?(?:\s*\([{_UPPER}][a-zà-ÿ]+\))?(?:,\s*{_DATE})?"
    r"\s*\((?:AFP|Reuters|AP|Xinhua|ANSA|EFE|DPA)\)"
    # Mediapart's and Le Canard's form: "Bichkek (Kirghizstan).– Plus de 600…"
    rf"|[{_UPPER}][a-zà-ÿ'’\-]+(?:[ \-][{_UPPER}][a-zà-ÿ'’\-]+)?(?:\s*\([{_UPPER}][a-zà-ÿ]+\))?\.(?=[–—]))"
    r"\s*(?:--|—|–|-)\s+(?=\S)")
LONE_DATELINE = re.compile(rf"^(?P<city>{_CITY})(?:,\s*[A-Z][a-z]+)?(?:,\s*{_DATE})?\.?$")  # "ASTANA, Kazakhstan, June 17."

# A photo's credit: "/ VCG", "(Xinhua/Li Xueren)", "(Photo by X / POOL / AFP)", "Photo : AFP", "Photo credit: Akorda"
CREDIT = re.compile(
    r"(?:^|\s)/\s*[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2}\s*$"  # "/ VCG", "© AP / Florence Lo"
    r"|\S\s+©\s*\S[^©]{0,80}$"  # a credit after the caption: "… le 17 juin 2025. © Présidence via AFP"
    r"|\((?:AP|AFP|Reuters|Xinhua|EPA|Getty)\b[^()]{0,40}\)\s*$|\bvia Getty Images\s*$|\bGetty Images\s*$"
    r"|\S/(?:AFP|AP|Reuters|Xinhua|EPA|Sputnik|TASS|Getty Images|VCG|Kyodo)\s*$"  # "PHOTO LI XIN/AFP"
    # the agency before the photographer: "REUTERS/Pavel Mikheyev", "AP Photo/Ng Han Guan"
    r"|(?:^|\s)(?:REUTERS|AP Photo|AFP PHOTO|EPA-EFE|XINHUA)/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$"
    r"|\s\|\s*(?:AFP|AP|Reuters|Xinhua|EPA|Getty Images|Maxppp|Sipa)\s*$"  # "…, le 4 avril 2025. | AFP"
    r"|^photo\s+[A-Z][^.!?]{2,60}$"  # "Photo President’s press service"
    r"|^\((?:crédits?|credits?|photos?|illustration)\s*:?[^()]{1,60}\)$"  # "(Crédits : REUTERS)"
    r"|\bvia REUTERS\b|\bPurchase Licensing Rights\b|\bvia AFP\s*$"
    r"|\((?:right|left|centre|center|second (?:left|right)|à gauche|à droite|au centre)\)"  # "Tokayev (right) greets"
    r"|^\((?:photo\b[^()]*|[A-Z][A-Za-z]+/[^()]+)\)$"
    r"|^(?:photo|photos|image|illustration|crédit photo|photo credit|credit|picture)\s*(?:credit)?\s*:\s*\S",
    re.IGNORECASE)
# A byline or credit line: short, a word that announces it, then a name.
BYLINE = re.compile(
    r"^(?i:editor|editing by|edited by|reporting by|reported by|written by|author|auteur|rédaction|rédacteur"
    r"|par|by|source|sources|published|updated|publié le|mis à jour|texte par|text by|avec notre correspondante?"
    r"|de notre correspondante?|from our correspondent)\s*:?\s+(?:(?:à|in|en)\s+[A-ZÀ-Þ][^,]*,\s*)?[A-ZÀ-Þ]")
BYLINE_MAX = 80  # characters
METADATA_LINE = re.compile(
    r"^\((?:avec|with)\b[^()]*\)$"  # "(Avec entrée de Xinhua)", "(With input from Xinhua)"
    r"|^date\s+\d{4}(?:-\d\d)?\b"  # a line of page data left at the top of a release
    r"|distribution id\s+\d+\s*$"
    # the page's own dates and flags: "Publié le : 18/05/2023 - 10:45", "Updated 3 hours ago",
    # "Publié le 5 septembre 2025 à 06h00", "Article réservé aux abonnés", "Subscribers only"
    r"|^(?:publié|mis à jour|mise à jour|modifié|actualisé|published|updated|posted|last updated)(?:\s+(?:le|on|at))?\s*:?\s*\d"
    r"|^(?:article\s+)?réservé aux abonnés\.?$|^(?:for\s+)?subscribers only\.?$|^premium\.?$"
    # who wrote it, with the agency: "France 24 avec AFP", "Le Monde avec AFP et Reuters", "(avec AFP)"
    r"|^(?:[\w'’ .-]{2,30}\s+)?(?:avec|with)\s+(?:l[’']?)?(?:AFP|Reuters|AP|agences?|Xinhua|Belga)(?:\s+(?:et|and)\s+\w+)?\.?$"
    r"|^additional reporting by\b[^.]{0,60}$"
    r"|^\d{1,2}:\d\d\s*[/|,-]?\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*[/|,-]?\s*\d{1,2}:\d\d$"
    r"|^(?:reporting|reported|additional reporting) by\b.*\b(?:editing|writing) by\b"
    # "… contributed to this report", "—With assistance from …", "Aziz Karimov, rédacteur pour Novastan"
    r"|\bcontributed to this (?:report|story|article)\.?$|\ba contribué à (?:cet article|ce reportage)\.?$"
    r"|^[—–-]*\s*with (?:assistance|reporting|help) from\b"
    r"|^[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2} (?:is|was|est) (?:(?:a|an|un|une) )?(?:[\w-]+ ){0,2}"
    r"(?:journalist|reporter|writer|correspondent|editor|journaliste|correspondante?|rédactrice|rédacteur)\b"
    r"|^(?:tags|mots-clés|keywords|topics|related topics|thèmes|sujets|sujets associés)\s*:"
    r"|\|\s*(?:publié|mis à jour|updated|published)\b[^|]{0,30}\d"  # "French.news.cn | Publié le 2025-09-02"
    r"|^[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2},? [A-Z][a-z]{2}\.? \d{1,2},? \d{4}$"  # "Aibek Toktosunov Jun 7, 2024"
    r"|^(?-i:[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2}),? \d{1,2}(?:er)? [a-zéû]+ \d{4}(?:,? à \d{1,2}h\d\d)?$"  # "Léa Ferrand 3 juillet 2025 à 18h55"
    # who wrote it and from where: "Aliya Dzhaksybekova in Almaty and Tom Harlowe in Beijing"
    r"|^(?-i:(?!(?:De|Du|Des|From|Of|La|Le|Les|The|Between|Entre)\b)[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2} (?:in|à) [A-ZÀ-Þ][\w'’-]+"
    r"(?:,? (?:and|et) [A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2} (?:in|à) [A-ZÀ-Þ][\w'’-]+)*)$"
    r"|^[^.!?]{3,60},\s*(?:[\w-]+ ){0,2}(?:staff writers?|staff reporters?|correspondents?|envoyés? spéciaux)\.?$"  # "KENJI ARAKAWA and LIU MEI, Nikkei staff writers"
    # a programme's guest: "Avec Marie Durand, chercheuse au centre Russie/Eurasie de l'IFRI."
    r"|^(?:avec|with) (?-i:[A-ZÀ-Þ][\w'’-]+ [A-ZÀ-Þ][\w'’-]+), (?:chercheu\w+|professeu\w+|directeur|directrice|spécialiste|"
    r"politologue|économiste|historien\w*|researcher|professor|director|analyst|analyste|fellow|economist|historian)\b"
    # a page's date and time alone, or before its flags: "19 May 2023, 17:45", "25 April 2025",
    # "Tue 17 Jun 2025 15.41 BST Last modified on …", "Mercredi 18 juin 2025 — Écouter plus tard — 27 min"
    r"|^(?:(?:mon|tue|wed|thu|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[a-z]*\.?,?\s+)?"
    r"\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}(?:,?\s+(?:à\s+|at\s+)?\d{1,2}[:.h]\d\d(?:\s*[ap]m)?(?:\s+[a-z]{2,4})?)?"
    r"\s*(?:$|[—–|]|-\s|last modified|updated|mis à jour|modifié)"
    r"|^[A-Z][a-z]+\.? \d{1,2},? \d{4},? \d{1,2}:\d\d\b"  # "September 1, 2025 7:42 AM GMT+8 Updated 3 hours ago"
    r"|^[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2},\s*(?:rédacteur|rédactrice|journaliste|correspondant|correspondante"
    r"|envoyée? spéciale?|reporter|staff writer|correspondent|editor)\b[^.]{0,40}$"
    # a line that is only a date and a time: "September 2, 2025 at 6:30 AM GMT+2", "04/04/2025 à 14h32"
    r"|^(?:(?:updated|published|posted)(?: on)?\s+)?[A-Z][a-z]+\.? \d{1,2},? \d{4}(?:,? (?:at )?\d{1,2}[:.h]\d\d\s*(?:[AP]M)?"
    r"(?:\s*(?:GMT|UTC)[+-]?\d*)?)?\.?$",
    re.IGNORECASE)
BOILERPLATE_LINE = re.compile(  # matched on the lower-cased sentence
    r"^©|\bcopyright\b|all rights reserved|tous droits réservés|^follow\b.*\bon\b|^suivez\b"
    r"|pour plus d[’']informations|for more information|\bclick here\b|cliquez ici|veuillez cliquer"
    r"|^(?:https?://|www\.)\S+$|^(?:read more|related|lire la suite)\s*[:|]"
    # the agency's own promotion and house notes
    r"|^our standards\b|trust principles|\bpress ctrl\s*\+\s*enter\b|^if you find an error\b"
    r"|^(?:stay up[- ]to[- ]date|subscribe|sign up|join us|join our|abonnez-vous|inscrivez-vous)\b.*"
    r"\b(?:channel|newsletter|telegram|whatsapp|chaîne|lettre d[’']information)\b"
    r"|\b(?:inscrivez-vous|abonnez-vous|subscribe|sign up)\b[^.]{0,40}\b(?:newsletter|lettre d[’']information)\b"
    r"|^il vous reste \d+(?:[.,]\d+)?\s*%|\bla suite est réservée\b|^(?:cet |l[’'])article est réservé aux abonnés"
    r"|©\s*(?:19|20)\d\d|^[\w/ .&-]{2,40},? inc\.?$|^(?:lire aussi|à lire aussi|read also|read next|see also|voir aussi)\b"
    r"|\b(?:boîte|boite) (?:mail|e-mail|aux lettres)\b|\bdownload (?:our|the) app\b|\btéléchargez l[’']application\b"
    r"|\bpermitted only with\b|\breproduction (?:interdite|prohibited)\b|\bhyperlink to the source\b"
    r"|\bmay not be (?:published|reproduced|broadcast)\b|\bindependent news organi[sz]ation\b|^support (?:our|us)\b"
    r"|\bbecome a (?:member|subscriber)\b|^je m[’']abonne\b|\bvotre abonnement\b|^découvrir (?:les|nos) offres\b"
    r"|\bvous propose de revenir\b|^no reproduction\b|\buse of (?:the )?materials?\b[^.]{0,40}\bpermitted\b|\bpermitted with a link\b"
    r"|^(?:publicité|advertisement|advertising|annonce|sponsored|contenu sponsorisé)\.?$"
    r"|^(?:partager|share)(?: (?:cet article|this article|this story|on|sur))?\b(?!.{80})"
    r"|\b(?:recevez|receive|get)\b[^.]{0,40}\b(?:newsletter|lettre d[’']information)\b"
    r"|\babonnez-vous\b|\bsubscribe (?:now|today|to our|to the)\b")
LONE_NAME = re.compile(r"^(?:By\s+|Par\s+)?[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+){1,2}$")
ENDS_SENTENCE = re.compile(r"[.!?…:;»”\"')]\s*$")
HEADING_MAX = 90  # characters

# Quoted words: « … », “ … ”, " … " (straight quotes paired in order). More than three words inside
# are someone's words, unless they name a treaty, a plan or a drill; fewer are someone's words when
# a speech verb in the sentence says so ("a salué un « tournant historique »", "said the documents
# were “almost ready”"), else a term or a name in quotes.
QUOTE_MARKS = {"«": "»", "“": "”", '"': '"'}
NAME_IN_QUOTES_MAX = 3  # words
# What people say: used here for short quotes, and by corpus/quotes.py to find who said it.
SPEECH_VERB = re.compile(
    r"(?<![\w-])(?:"
    # French: participles (after "a", "ont", "avait", "a pour sa part"…) and present tense
    r"déclaré|ajouté|précisé|souligné|indiqué|annoncé|affirmé|estimé|noté|expliqué|dit|assuré|rappelé|salué"
    r"|appelé|exhorté|plaidé|proposé|insisté|martelé|averti|promis|répondu|confié|écrit|lancé|poursuivi|conclu(?!e?s?\s+par)"
    r"|déploré|jugé|observé|relevé|prévenu|réaffirmé|dénoncé|signalé|fait savoir|reconnu|admis|confirmé"
    r"|démenti|critiqué|mis en garde|fait valoir|qualifié|décrit|évoqué"
    r"|déclare|ajoute|précise|souligne|indique|annonce|affirme|estime|explique|assure|rappelle|insiste"
    r"|a-t-il|a-t-elle|ont-ils|ont-elles|selon|d’après|d'après|répète|répété|répétait"
    # words that are also nouns, as verbs only right after a closing quote: "», analyse Camille Brunet"
    r"|(?<=», )(?:analyse|résume|tranche|commente|glisse|observe|note)|(?<=”, )(?:analyse|résume|tranche|commente|glisse|observe|note)"
    # English
    r"|said|says|told|tells|added|adds|noted|stressed|announced|stated|declared|urged|called for|called on"
    r"|proposed|wrote|pledged|warned|insisted|explained|emphasi[sz]ed|underlined|remarked|asserted|affirmed"
    r"|argued|suggested|recalled|welcomed|hailed|praised|according to|acknowledged|admitted|conceded|confirmed"
    r"|saying|adding|noting|stressing|calling for|calling on|urging|warning that|called|described|dubbed"
    r"|promised|vowed|pointed out|highlighted|focused on|spoke of|spoke about|offered"
    r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Role:
    kind: str
    dateline_end: int = 0  # the dateline's end in the sentence (0: none)
    quotes: tuple[tuple[int, int], ...] = ()  # quoted words' spans in the sentence (marks excluded)
    open_quote: bool = False  # a quotation starts here and goes on into the next sentence

    @property
    def content(self) -> bool:
        return self.kind in CONTENT


def quote_spans(text: str, open_from_before: str | None = None) -> tuple[list[tuple[int, int]], str | None]:
    """The quoted stretches of a sentence, and the closing mark still awaited at its end.
    `open_from_before`: the closing mark a quotation begun in an earlier sentence awaits."""
    spans: list[tuple[int, int]] = []
    awaiting, start = open_from_before, 0
    for position, char in enumerate(text):
        if awaiting is not None:
            if char == awaiting and not (char == '"' and position == start):
                spans.append((start, position))
                awaiting = None
        elif char in QUOTE_MARKS:
            awaiting, start = QUOTE_MARKS[char], position + 1
    if awaiting is not None:
        spans.append((start, len(text)))
    return spans, awaiting


DOCUMENT_NAME = re.compile(r"(?:traité|treaty|accord|agreement|déclaration|declaration|programme|program|plan"
                           r"|initiative|stratégie|strategy|charte|charter|pacte|pact|projet|project|opération"
                           r"|operation|exercices?|exercise|drills?)(?:\s+(?:de|d[’']|du|des|on|of|for|sur|pour))?\s*[«“\"]?\s*$",
                           re.IGNORECASE)


def _names_a_document(text: str, start: int) -> bool:
    """Quoted words that name a treaty, a plan or an exercise ("un « traité de bon voisinage
    éternel »", "the treaty on “eternal good-neighbourliness”"), not someone's words."""
    quoted = text[start:start + 12].lower()
    return bool(DOCUMENT_NAME.search(text[max(0, start - 40):start])) or quoted.startswith(
        ("traité", "treaty", "accord", "déclaration", "declaration", "plan ", "programme", "initiative"))


def outside(spans, start: int, end: int | None = None) -> bool:
    """Whether [start, end] (or the one position `start`) lies within none of the spans."""
    if end is None:
        return not any(s <= start < e for s, e in spans)
    return not any(s <= start and end <= e for s, e in spans)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def read_roles(paragraphs: list[list[str]]) -> list[Role]:
    """The role of each sentence of an article, given its paragraphs as lists of sentences, in order."""
    roles: list[Role] = []
    awaiting: str | None = None
    after_lone_dateline = False
    for sentences in paragraphs:
        credits = [bool(CREDIT.search(s.strip())) and not BOILERPLATE_LINE.search(s.strip().lower()) for s in sentences]
        caption_paragraph = any(credits) and len(sentences) <= 3
        for number, sentence in enumerate(sentences):
            text = sentence.strip()
            continued = awaiting
            spans, awaiting = quote_spans(text, awaiting)
            cue = any(outside(spans, m.start()) for m in SPEECH_VERB.finditer(text))
            quotes = tuple((s, e) for s, e in spans
                           if (_words(text[s:e]) > NAME_IN_QUOTES_MAX and not _names_a_document(text, s)) or cue
                           and _words(text[s:e]) >= 1 or (s, e) == spans[0] and continued)
            kind, dateline_end = BODY, 0
            if caption_paragraph and (credits[number] or number < max(i for i, c in enumerate(credits) if c)):
                kind = CAPTION
            elif METADATA_LINE.search(text) or (BYLINE.match(text) and len(text) <= BYLINE_MAX):
                kind = METADATA
            elif BOILERPLATE_LINE.search(text.lower()):
                kind = BOILERPLATE
            elif (number == 0 and (lone := LONE_DATELINE.match(text))  # "ASTANA." then "KAZINFORM –"
                  and lone.group("city").upper() == lone.group("city")):
                kind = DATELINE
            elif (match := DATELINE_AT_START.match(text)) and (after_lone_dateline or _looks_filed(match.group())
                                                                or not any(r.content for r in roles)
                                                                and _capital_head(match.group())):
                dateline_end = match.end()  # the story's first words: "ASTANA – President Tokayev said"
            elif len(sentences) == 1 and len(roles) < 4 and LONE_NAME.match(text):
                kind = METADATA  # a byline at the top: "Zhao Mingyue"
            elif (len(sentences) == 1 and not ENDS_SENTENCE.search(text) and len(text) <= HEADING_MAX
                  and not continued):
                kind = HEADING
            if kind == BODY and (quotes or continued):
                kind = QUOTATION
            after_lone_dateline = kind == DATELINE
            if kind not in CONTENT:
                awaiting = None  # a stray mark in a caption does not open a quotation
            roles.append(Role(kind, dateline_end, quotes if kind == QUOTATION else (),
                              kind == QUOTATION and awaiting is not None))
    return roles


def _capital_head(dateline: str) -> bool:
    head = dateline.split(",")[0].split("(")[0].strip(" -–—")
    return len(head) >= 4 and head.upper() == head and any(c.isalpha() for c in head)


def _looks_filed(dateline: str) -> bool:
    """A dateline has an upper-case city and a date or an agency: not a sentence opening with an
    acronym ("BRI - ...")."""
    head = dateline.split(",")[0].split("(")[0].strip(" -–—")
    return bool(re.search(r"\d|\(|\.[–—]", dateline)) or (len(head) >= 4 and head.upper() == head
                                                     and ("," in dateline or "--" in dateline))
