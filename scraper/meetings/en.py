"""English rules: the words and sentence patterns of English-language press releases.

Everything English lives here (and in the ``en`` columns of ``data/*.toml``): month names,
title connectors, meeting verbs ("met", "held talks", "spoke by phone", "received"), the
cues that make a mention not a meeting (future, recalled, negated, generic), datelines and
attribution tails. The calendar, gazetteers, entity chains and record assembly are shared.

To add a rule: add a pattern or word list below, and a test sentence of your own in
``tests/meetings/test_en.py``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from scraper.meetings import topics as topics_mod
from scraper.meetings.analysis import BACKREF, STRONG, VISIT, WEAK, Place, SentenceInfo, Trigger
from scraper.meetings.dates import (
    EXPLICIT,
    MONTH,
    RELATIVE,
    SAME_DAY,
    WEEKDAY,
    DateMention,
    DatePatterns,
    DateWords,
    find_dates,
)
from scraper.meetings.gazetteer import CITY, COUNTRY, Gazetteer, PlaceMention, fold_surname, load
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, Entity, EntityWords, Mentions, find_entities
from scraper.meetings.text import Sentence


def _words(text: str) -> frozenset[str]:
    """A word list written as running text (easier to read and extend than a literal)."""
    return frozenset(text.split())

# Bounds that keep the time per sentence small on pathological input (real sentences are
# a few hundred characters with a handful of meetings).
MAX_SENTENCE = 1500
MAX_TRIGGERS = 12

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
DATE_WORDS = DateWords(
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    relative={"today": 0, "yesterday": -1, "the day before yesterday": -2, "this morning": 0,
              "this afternoon": 0, "tonight": 0, "earlier today": 0, "earlier in the day": 0},
    same_day=(r"\b(?:on\s+)?the\s+same\s+day\b", r"\blater\s+(?:that|in\s+the|the\s+same)\s+day\b",
              r"\bthat\s+same\s+day\b", r"\bon\s+that\s+day\b"),
)

_MINISTRY_DOMAINS = (
    "Foreign Affairs|Foreign Economic Relations|Economy|Economic Development|Finance|Education|Culture|"
    "Health|Healthcare|Defence|Defense|Agriculture|Trade|Industry|Transport|Justice|Interior|"
    "Internal Affairs|Labour|Labor|Social Protection of the Population|Social Protection|Energy|"
    "Digital Development|Ecology|Natural Resources|Emergency Situations|Youth|Sports?|Tourism|"
    "Science|Communications?|Information Technologies|Construction|Architecture|Water Resources|"
    "Textile Industry|Investments?|Development|National Security|Environment|Oil and Gas|"
    "Innovation|Higher Education|Public Health|Economy and Finance|Finance and Economy|"
    "Foreign Affairs and Trade|International Cooperation"
)
_DOMAIN_CHAIN = rf"(?:the\s+)?(?:{_MINISTRY_DOMAINS})(?:(?:,\s*|\s+and\s+)(?:the\s+)?(?:{_MINISTRY_DOMAINS}))*"

ENTITY_WORDS = EntityWords(
    stopwords=_words("""The A An On In At During According After Before Following Within As It He She They We
        This That These Those His Her Their Its Our Both Two Other Earlier Later Meeting Meetings
        Talks Consultations Opening Greeting Referring Mentioning Pointing Speaking Welcoming
        Commending Given Noting Voicing Passing Writing Thanking Particular Finally Simultaneously
        Guided Also Deputy Minister Ministers Ministry Ministries Republic Foreign Affairs Cabinet
        Council Commission Joint Intergovernmental Inter-governmental Embassy Culture Cultural Days
        Day Agreement Declaration Memorandum Convention Summit Forum Conference Organization
        Organisation Union States State National International Parliament Government Security
        Center Centre Foundation Fund Museum Monument Independence Chairman Chairperson Chairwoman
        President Presidents Prime Speaker Secretary General Ambassador Extraordinary Plenipotentiary
        Special Representative Head Vice First Senior Mr Mrs Ms Dr Report Trend News Source By
        Author Analysis Energy Economic Economy Trade Transport Finance Education Health Defence
        Defense Agriculture Justice Interior Labour Industry Development Investment Tourism Youth
        Sports Science Emergency Situations Ecology Cooperation Co-operation Bilateral Political
        Strategic Partnership Relations Round Third Second Fourth Fifth Sixth Seventh Eighth Ninth
        Tenth Informal Advisory Corridor Southern Gas Caspian Sea Black Middle East West North South
        Eastern Western Northern Southern Central Asia Asian European Europe Union's Heads Leader
        Leaders People's People Peoples Assembly Grand Office Service Protocol Chief Director
        Directorate Department Agency Committee Board Group Party Movement Front Coalition
        Council's Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
        April May June July August September October November December Mission Permanent Resident
        Coordinator Chair Co-Chair Co-chair Envoy
        Diplomacy Diplomatic Forum's Today Yesterday Tomorrow However Meanwhile Moreover Furthermore
        In Under Over For From With Without Upon Via Per Among Between Against Toward Towards
        Thu Fri Sat Sun Mon Tue Wed UTC AM PM Currency Updated Related Read More Photo Video Source
        Highness Excellency Majesty Royal Emir King Queen Prince Sheikh Sultan Senator Honorable
        Governor Mayor Commander General's Staff Chancellor Premier Vice-Premier Vice-premier
        Official Officials Spokesman Spokesperson Press Media Agency's Ministers' Presidential
        Supreme Assembly's Holding Held Signing Signed Talks' Dear Excellencies Humanitarian Areas
        Fields Issues Matters Sphere Spheres Affairs Relations Programme Program Plan Initiative"""),
    date_words=_words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"),
    particles=_words("oglu ogly oğlu kyzy gizi qizi bin ibn al el de da van von der del la le"),
    org_suffixes=_words("""Center Centre Foundation Fund Charity Charitable Museum Airport Avenue Street Square
        University Institute Prize Order Stadium Hall Palace Park Mosque Monument School Library
        International Airlines Group Company Bank Corridor Forum Field Award Medal Heritage Academy
        Boulevard Bridge Port Highway Road Pipeline Prospect District Region Province"""),
    # gap text allowed inside a title chain: small words and capitalised words that are not
    # names (names are items of their own and end a chain)
    chain_connectors=re.compile(
        r"(?:\s|\(|\)|'s\b|’s\b|'|\bof\b|\bthe\b|\bfor\b|\band\b|\bat\b|\bto\b|\bin\b|\bon\b|\bnewly\b|"
        r"\bappointed\b|\bnew\b|\bincoming\b|\bvisiting\b|\bacting\b|\bMr\.?|\bMs\.?|\bMrs\.?|\bDr\.?|"
        r"\bH\.E\.?|-|–|\b[A-Z][\w'’-]*|\bparliament\b|\blegislature\b|\bchambers?\b|\bboth\b|"
        r"\bmember\b|\bstates\b|\bcountries\b)*"
    ),
    group_nouns=re.compile(
        r"(?:'s|’s)?\s+(?:visiting\s+|official\s+|governmental\s+|government\s+|parliamentary\s+|"
        r"cultural\s+|business\s+|high-level\s+|high-ranking\s+|senior\s+|foreign\s+)*"
        r"(?:delegations?|side|officials|government|leadership|Foreign Ministry|foreign ministry|"
        r"Ministry of (?:" + _MINISTRY_DOMAINS + r")|MFA|counterparts?|partners|authorities)\b"
    ),
    extra_offices=(
        (re.compile(r"\bhead of (?:the\s+)?(?:[A-Z][\w]*(?:'s|’s)\s+)?(?:MFA|Foreign Ministry|Ministry of Foreign "
                    r"Affairs|diplomacy)\b", re.I), "foreign_minister"),
        (re.compile(r"\b(?:speaker|chairman|chairperson|chairwoman|head) of (?:the\s+)?(?:[A-Z][\w]*(?:'s|’s)\s+)?"
                    r"(?:parliament|legislature)\b", re.I), "speaker"),
        (re.compile(rf"\b(?:(?:First\s+)?Deputy\s+)?Minister (?:of|for) {_DOMAIN_CHAIN}"), "minister"),
        (re.compile(r"\b(?:his|her|their) (?:[A-Z]\w+ )?counterparts?\b"), "counterpart"),
        (re.compile(r"\bcounterparts?\b"), "counterpart"),
    ),
)

# --- cues -----------------------------------------------------------------------------------

_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is to|are to|was to|were to|due to|expected to|plans? to|planning to|"
    r"intends? to|intending to|scheduled to|going to|agreed to|agree to|set to|ready to|unable to|"
    r"could not|cannot|can not|did not|does not|do not|didn't|failed to|may|might|could|should|"
    r"wants? to|wishes? to|hopes? to|invited .{0,40} to|invitation to|proposed to|offered to|"
    r"preparing to|prepares to|about to|not|never|no|Will|Would)\b(?:\s+[\w'-]+){0,3}\s*$",
)
_RECALL_WORDS = re.compile(
    r"\b(?:recalled|recalling|recall|last year|last month|previous|earlier|former|will|would|planned|"
    r"upcoming|forthcoming)\b", re.I
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:also\s+)?$", re.I)
_PREPOSITION = re.compile(r"(?<![\w-])(?:in|on|at|with|by|from|during|after|before)(?![\w-])", re.I)
_NEW_ONE = re.compile(
    r"(?i)\b(?:next|new|another|second|third|fourth|fifth|first|round|session|\d+(?:st|nd|rd|th))\b"
)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:also\s+)?$", re.I)
_RECALL_BEFORE = re.compile(
    r"\b(?:recalled|recalling|recall|recalls|remembered|reminded|reminisced|last year'?s?|recent|recently|"
    r"previous|previously|earlier(?!\s+(?:today|in the day|this (?:morning|week)|that day|on))|in the past|had|"
    r"have been|once(?!\s+again))\b(?:\s+[\w'-]+){0,3}\s*$",
    re.I,
)
# "met five times last year", "held talks in 2019": the clause itself dates the meeting back
_RECALL_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:last (?:year|month|week)|\d+ times|several times|many times|more than \w+ times|recent|"
    r"in (?:19|20)\d\d\b|previously|in the past|years ago|months ago)",
    re.I,
)
_SAME_TRIP = re.compile(
    r"\b(?:earlier (?:that|in the) day|earlier today|during (?:the|this|his|her|their) (?:current )?"
    r"(?:visit|trip|stay)|on the same day|the same day)\b",
    re.I,
)
_RECALL_SENTENCE = re.compile(
    r"^(?:By way of background|For background|Background|To recap|For reference|Previously|"
    r"Before that|Earlier(?!\s+(?:today|in the day|on|this morning|that day))|In (?:19|20)\d\d|"
    r"Last (?:year|month|week)|In the past)\b",
    re.I,
)
_GENERIC_NP = re.compile(
    r"\b(?:many|such|several|numerous|regular|frequent|previous|past|earlier|last|upcoming|"
    r"forthcoming|future|planned|possible|potential|those|these|whose|which|that|any|every|no|"
    r"recent|first-ever|annual|periodic)\b",
    re.I,
)
_NOT_MEETING_NOUNS = re.compile(
    r"\b(?:press conference|conference|briefing|ceremony|reception|concert|exhibition|festival|"
    r"event|declaration|agreement|memorandum|documents?|exercise|match|game|tournament|celebration|"
    r"gala|dinner|lunch|breakfast|rally|parade|show|fair|roundtable|round table|seminar|webinar|"
    r"lecture|training|course|screening|opening|campaign|contest|competition|dialogue)\b",
    re.I,
)
_EVENT_NOUNS = re.compile(
    r"\b(?P<n>meetings?|talks|negotiations|consultations|conversations?|sessions?|summit|ministerial|"
    r"rounds?|videoconference|video conference|phone call|telephone call)\b",
    re.I,
)
_PREDICATE = re.compile(
    r"\b(?:(?:was|were|has been|have been|had been|is being|are being)\s+(?:also\s+)?"
    r"(?:held|organi[sz]ed|conducted|convened)|(?:also\s+)?(?:took place|has taken place|"
    r"have taken place|is taking place|are taking place|opened|was opened|convened|kicked off|"
    r"got under way|began|started))\b",
    re.I,
)

# --- triggers -------------------------------------------------------------------------------

_PHONE_CUE = re.compile(
    r"\b(?:by|over the|on the|via|in a|in|during a)\s+(?:tele)?phone(?:\s+(?:call|conversation))?\b|"
    r"\b(?:a |an )?(?:telephone|phone) (?:conversation|call|talks?)\b",
    re.I,
)
_PHONE_VERB = re.compile(r"\b(?:phoned|telephoned|rang)\b", re.I)
_VIDEO_CUE = re.compile(
    r"\b(?:by|via|through|over|in|in the format of|in a|during a)\s+(?:a\s+|the\s+)?"
    r"(?:video ?conference|videoconference|video-conference|video link|videolink|video call|"
    r"videoconferencing|online format|video format)\b|\bvideo ?conference\b|\bvideoconference\b",
    re.I,
)
_CONTACT_VERB = re.compile(
    r"\b(?:spoke|talked|conversed|held|had|conducted|discussed|exchanged views|met|hold|holding|received)\b", re.I
)
_PHONE_LEAD = re.compile(r"^\s*(?:In|During)\s+(?:a|the|their)\s+(?:tele)?phone\s+(?:call|conversation|talk)\s+with\b",
                         re.I)
_HELD = re.compile(
    r"\b(?:held|had(?!\s+(?:held|met|been|spoken|conducted|had|hosted|received|talked)\b)|conducted|holding|"
    r"co-chaired|chaired)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?P<n>talks|meetings?|negotiations|consultations|conversation|session|summit|exchange of views)\b",
    re.I,
)
_MET = re.compile(r"\b(?:met|has met|have met)(?:\s+with)?\b", re.I)
_TOOK_PART = re.compile(
    r"\b(?:(?:took part|participated|takes part|is taking part)\s+in|attended)\s+(?:the|a)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:meeting|session|summit|ministerial)\b(?!s)",
    re.I,
)
# present tense for what happens on the day of the report: "X meets Y in Baku today"
_PRESENT = re.compile(r"\b(?:meets|meet|receives|hosts|hold talks|holds talks|hold a meeting|holds a meeting)\b",
                      re.I)
_TODAY = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|currently)\b", re.I)
_GATHERED = re.compile(r"\b(?:gathered|convened|assembled)\s+(?:in|at|for|on)\b", re.I)
_RECEIVED_BY = re.compile(
    r"\b(?:was|were|has been|have been|had been)\s+(?:also\s+|then\s+|later\s+)?(?:received|hosted)\s+by\b", re.I
)
# "The ambassador called on the Prime Minister" (a courtesy call), not "called on X to stop ..."
_CALLED_ON = re.compile(r"\b(?:called on|paid a (?:courtesy )?call on|made a courtesy call on|sat down with|"
                        r"conferred with)\b", re.I)
_URGE_AFTER = re.compile(r"[^,.;]{0,80}?\bto\s+(?!discuss\b|exchange\b|review\b|the\b|a\b|an\b|his\b|her\b)[a-z]+",
                         re.I)
_RECEIVED = re.compile(r"\b(?:received|has received|have received|hosted|has hosted|have hosted)\b", re.I)
_RECEIVING = re.compile(r"\bfor receiving\s+(?P<ref>him|her|them)\b", re.I)
_CRED = r"(?:credentials|letters?\s+of\s+credence|credential\s+letters?|letters?\s+of\s+credentials)"
_CREDENTIALS = re.compile(
    rf"\b(?:accepted|received|receives|accepts)\s+(?:the\s+)?{_CRED}|"
    rf"\b(?:accepted|received)\s+(?:the\s+)?cop(?:y|ies)\s+of\s+(?:the\s+|his\s+|her\s+)?{_CRED}|"
    rf"\b(?:presented|handed(?:\s+over)?|submitted)\s+(?:his|her|their|the|a)?\s*(?:cop(?:y|ies)\s+of\s+"
    rf"(?:his|her|their|the)\s+)?{_CRED}",
    re.I,
)
_VISIT = re.compile(
    r"\b(?:visited|is visiting|was visiting|are visiting|were visiting|"
    r"(?:paid|made|is making|was making|is paying|is on|was on|are on)\s+(?:an?\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}visit\s+to|"
    r"arrived\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:on|for)\s+an?\s+(?:[\w-]+\s+){0,2}visit)\b",
    re.I,
)
_DURING_TALKS = re.compile(
    r"\b(?:during|at|in the course of)\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|meeting|negotiations|consultations|(?:tele)?phone (?:call|conversation))\b|"
    r"\bin\s+(?:a|the|their|his|her)\s+(?:[\w-]+\s+)?meeting\s+with\b",
    re.I,
)
_POSS_MEETING = re.compile(r"\b(?P<ref>his|her|their)\s+(?:[\w-]+\s+)?meetings?\s+with\b", re.I)

_NON_PERSON_OBJECT = re.compile(
    r"^\s*(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:letter|message|call|report|"
    r"invitation|congratulations|support|award|order|medal|reception|dinner|ceremony|guests|visitors|"
    r"applause|attention|approval|praise|news|information|briefing|votes?|proposals?|documents?|"
    r"honou?r|prize|degree|title|gifts?|delivery|shipment|aid|assistance|loan|funding|grant|notes?|"
    r"appeals?|requests?|protests?|complaints?|reply|replies|response|answers?|signals?|applications?|"
    r"petitions?|offers?|consignments?|batch|vaccines?|certificates?|licen[cs]es?|status|approval|"
    r"permission|votes|copies|copy|instructions?|orders?|training|education|treatment|attention)\b",
    re.I,
)

# --- zones that hold no participants ----------------------------------------------------------

_SETTING = re.compile(
    r"\b(?:within|as part of|on the (?:sidelines|margins|fringes) of|in the framework of|"
    r"in the context of|ahead of|in the run-up to|at the invitation of|in the presence of|"
    r"on behalf of|for the|in connection with|during (?:the |his |her |their |its )?[\w' -]{0,60}?"
    r"(?:participation|visit|trip|stay|tour) (?:in|to)|(?:who|which) is visiting[^,;]*? for)\b[^,;]*",
    re.I,
)
_TOPIC = re.compile(
    r"\b(?:on|about|regarding|concerning|over)\s+(?!the (?:sidelines|margins|fringes)\b)"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)\b)"
    r"(?=(?-i:[a-z]))[^,;]*?(?=\s+with\b|,|;|$)|"
    r"\bto (?:congratulate|discuss|exchange|review|consider|strengthen|mark|attend|thank|express|"
    r"convey|brief|present|sign|explore|address)\b[^;]*?(?=,|;|$)|"
    r"\b(?:situation|developments|conflict|crisis|war|peace process|relations|ties|cooperation|"
    r"partnership) (?:in|on|around|between|with)\b[^,;]*",
    re.I,
)
_RELATIVE = re.compile(r",\s*(?:who|which|whose|where)\b[^;]*?(?=,\s*(?:[A-Z][\w.-]*\s+){1,4}"
                       r"(?:reports?|informs?|said|told)|;|$)")
_ATTRIBUTION = re.compile(
    r"(?:,|\s-|\s–)\s*(?:(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,6}(?:reports?|informs?|said|says|told|learned|"
    r"writes|wrote|quoted|stated|announced|added)\b|(?:[\w.]+\s+)?(?:was|were)\s+told\s+by\b|"
    r"according to\b|citing\b|with reference to\b).*$"
)
_ATTRIBUTION_LEAD = re.compile(r"^\s*(?:According to|As (?:reported|informed) by|Citing)\b[^,;]*,")
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:but|while|whereas)\s+|,?\s+and\s+(?=(?:the two|both|they|he|she)\b)|"
    r"\b(?:said|says|noted|stressed|added|stated|recalled|announced|reported|believes|thinks) that\b"
)
# "... held talks with X and spoke before Y": a second verb ends the object list
_VERB_COORD = re.compile(
    r",?\s+and\s+(?:then\s+|also\s+|later\s+)?(?:[a-z]+ed|spoke|met|held|made|took|gave|laid|went|"
    r"saw|paid|sent|began|wrote|told|said|signed)\b"
)

_SUBJECT_REFS = re.compile(
    r"\b(?P<ref>the two (?:sides|parties|leaders|ministers|presidents|officials|diplomats|heads|"
    r"delegations|countries)|the two|both sides|both|the parties|the sides|the interlocutors|"
    r"the leaders|the ministers|the officials|the diplomats|the delegations|he|she|they)\b",
    re.I,
)

_DATELINE = re.compile(
    r"^\s*(?:\((?:MENAFN|[^)]{0,40}News[^)]{0,20})[^)]*\)\s*)?"
    r"(?P<place>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?)"
    r"(?:\s*,\s*(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"(?P<place2>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?))?"
    r"(?P<rest>(?:\s*[,.]?\s*(?:\((?P<paren>[^)]{0,80})\))?\s*[,.]?\s*"
    r"(?P<date>(?:[0-3]?\d(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+[0-3]?\d(?:st|nd|rd|th)?)"
    r"(?:,?\s*(?:19|20)\d\d)?)?\s*[.,]?\s*(?:/?[A-Z][A-Za-z.]*(?:\.[A-Za-z]+)*/?\s*[.:]?|\([^)]{0,60}\)\s*:?)?"
    r"\s*(?:--|–|—|-|:)?\s*))"
)
_BYLINE = re.compile(r"^(?:By|Author:?)\s+[A-Z]", re.I)
_COMMENTARY = re.compile(
    r"^(?:Analysis|Analyst|Opinion|Commentary|Op-ed|Column|Editorial|Interview|Expert|Viewpoint)\b\s*:?", re.I
)
_ANALYST_SOURCE = re.compile(
    r"\b(?:political |foreign policy |an? )?(?:analyst|political scientist|expert|observer|"
    r"commentator|scholar|pundit)\s+(?:[A-Z][\w'-]+\s+){1,3}(?:told|said|says|writes|believes)\b|"
    r"^According to (?:the )?(?:political |foreign policy )?(?:analyst|expert|political scientist|observer)"
)
_PARTICIPATION = re.compile(
    r"\b(?:attended|took part|taking part|participated|were present|was present|"
    r"(?:was|were) represented by|signed by (?:the )?representatives of|with the participation of|"
    r"counterparts from|participants|attendees|joined by)\b",
    re.I,
)
_HEAD_ACTIVE = re.compile(r"\b(?:headed|led|chaired|co-chaired)\s+(?!by\b|to\b)", re.I)
_HEAD_PASSIVE = re.compile(r"\b(?:was|were|is|are)\s+(?:co-)?(?:headed|led|chaired|represented)\s+by\b", re.I)
_DELEGATION_LED = re.compile(r"\b(?:delegation|side)\s+(?:led|headed)\s+by\b", re.I)
_VISIT_CONTEXT = re.compile(
    r"\b(?:is|was|are|were)\s+(?:in|visiting)\b|\bhad come to\b|\bcame to\b|\barrived in\b|"
    r"\bvisit(?:ed|ing)?\s+to\b|\bvisit(?:ed|ing)\b|\btrip to\b|\bvisit to\b",
    re.I,
)
_MINISTRY_AT = re.compile(
    r"\bat\s+(?:the\s+)?(?:(?P<poss>[A-Z][\w-]+)(?:'s|’s)\s+)?(?:Ministry of [A-Z][\w ]+?|Foreign Ministry|MFA)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+))?\b"
)
_CITY_PREFIX = re.compile(
    r"\b(?:in|at|to|into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:city|town|resort|capital) of\s+)?$", re.I
)


# every trigger pattern below contains one of these words; a sentence without any is skipped
_ANY_TRIGGER_WORD = re.compile(
    r"\b(?:met|meet|meets|meeting|held|had|hold|holds|holding|conducted|receiv\w*|host\w*|phone\w*|"
    r"telephon\w*|rang|call\w*|visit\w*|arrived|talks?|talked|consultations?|credentials?|credence|sessions?|"
    r"summit|ministerial|conversations?|negotiations|gathered|convened|assembled|took|participated|attended|"
    r"video\w*|sat|conferred|co-chaired|chaired|round|exchange|spoke|discussed|exchanged)\b",
    re.I,
)


_NEW_CLAUSE = re.compile(r",\s+(?:and|while)\s+(?=(?:the\s+)?[A-Z])")


def _clause_end(body: str, end: int, limit: int) -> int:
    """Where the objects of a meeting verb stop: the next verb of the sentence, a clause
    break, a relative clause, an attribution ("..., Trend reports") or "and spoke ..."."""
    cend = limit
    for rx in (_CLAUSE_BREAK, _RELATIVE, _ATTRIBUTION, _VERB_COORD):
        m = rx.search(body, end)
        if m and m.start() < cend:
            cend = m.start()
    if limit < len(body):
        # "A met B, and C held talks with D": a new subject before the next meeting verb
        m = _NEW_CLAUSE.search(body, end, limit)
        if m and m.start() < cend:
            cend = m.start()
    return cend


def _kind_from_noun(np_text: str) -> tuple[str, bool]:
    """The kind a meeting noun phrase names, and whether it is a multi-state session."""
    low = np_text.lower()
    co_chairs = re.search(r"\bco-?chair(?:s|men|persons)?\s+of\b", low) is not None
    if not co_chairs and re.search(r"\b(?:inter-?governmental|joint) (?:\w+ )*?commission\b|\bcommission\b", low):
        return "commission", False
    if "consultation" in low:
        return "consultations", False
    if re.search(r"\b(?:tele)?phone\b", low):
        return "phone_call", False
    if re.search(r"video", low):
        return "video_call", False
    if re.search(r"\bsummit\b|\bministerial\b|\bforum\b|\btrilateral\b|\bmultilateral\b|\bcouncil\b", low):
        return "meeting", True
    return "meeting", False


@dataclass(slots=True)
class _Zones:
    """Spans of a sentence whose names are not parties (settings, topics, relative clauses, sources)."""
    spans: list[tuple[int, int]]

    def inside(self, a: int, b: int) -> bool:
        """Is [a, b) wholly inside one zone?"""
        return any(s <= a and b <= e for s, e in self.spans)

    def usable(self, e: Entity, a: int, b: int) -> bool:
        """Is ``e`` within [a, b) and outside every zone?"""
        return a <= e.start and e.end <= b and not self.inside(e.start, e.end)


class EnglishRules:
    """The English rule set (see the module docstring)."""

    language = "en"

    def __init__(self) -> None:
        self.gaz: Gazetteer = load("en")
        self.date_patterns = DatePatterns(DATE_WORDS)
        self.words = ENTITY_WORDS

    # --- document-level -----------------------------------------------------------------
    def is_commentary(self, sentences: list[Sentence], title: str) -> bool:
        """Op-eds, analyses and expert comments report no meeting of their own."""
        if _COMMENTARY.match(title or ""):
            return True
        for s in sentences[:4]:
            if _COMMENTARY.match(s.text) or re.match(r"^Author\s*:", s.text):
                return True
        return any(_ANALYST_SOURCE.search(s.text) for s in sentences[:2])

    def topics(self, text: str) -> tuple[str, ...]:
        """Topics of the sentences that report a meeting."""
        return topics_mod.tag(text, "en")

    # --- datelines ----------------------------------------------------------------------
    def _dateline(self, text: str, published: date | None) -> tuple[int, Place | None, date | None]:
        m = _DATELINE.match(text)
        if not m:
            return 0, None, None
        place = m.group("place")
        ref = self._place_ref(place)
        if ref is None and not place.isupper():
            return 0, None, None
        has_marker = bool(m.group("date") or m.group("paren")) or bool(
            re.search(r"[/:–—-]|--", m.group("rest") or "")
        )
        if not has_marker or not m.group("rest").strip():
            return 0, None, None
        # the dateline must be followed by a sentence, or be the whole line
        rest_text = text[m.end() :]
        if rest_text and not re.match(r"[A-Z\"'(0-9]", rest_text):
            return 0, None, None
        dl_date = None
        if m.group("date"):
            ds = find_dates(m.group("date"), self.date_patterns, published)
            if ds and ds[0].value:
                dl_date = ds[0].value
        city = None
        country = None
        if ref is not None:
            if ref.ref.type == CITY:
                city, country = ref.ref.city, ref.ref.code
            elif ref.ref.type == COUNTRY:
                country = ref.ref.code
        return m.end(), Place(city, country), dl_date

    def _place_ref(self, word: str) -> PlaceMention | None:
        """The place a single word names exactly ("BAKU", "Baku"), if any."""
        cands = [word, word.title()]
        for c in cands:
            for pm in self.gaz.find_places(c):
                if pm.start == 0 and pm.end == len(c):
                    return pm
        return None

    # --- per sentence -------------------------------------------------------------------
    def analyse(self, sentences: list[Sentence], published: date | None) -> list[SentenceInfo]:
        """Findings for every sentence; two passes so that a surname alone is known from its full name."""
        # first pass: names written in full anywhere, so that "Meredov" alone is known later
        known: set[str] = set()
        first: dict[str, Mentions] = {}
        for s in sentences:
            head = s.text[:MAX_SENTENCE]
            first[head] = found = find_entities(head, self.gaz, self.words)
            for e in found.entities:
                if e.kind == PERSON and e.name and len(e.name.split()) > 1:
                    known.add(fold_surname(e.name.split()[-1]))
        # without a publication date, a dated header or dateline of the report stands in
        reference = published or self._header_date(sentences)
        infos: list[SentenceInfo] = []
        background = False
        for s in sentences:
            info = self._sentence(s, reference, known, first)
            if s.first_in_paragraph:
                background = bool(_RECALL_SENTENCE.match(info.body))
            info.background = background or bool(_RECALL_SENTENCE.match(info.body))
            infos.append(info)
        if published is None and reference is not None and infos and infos[0].dateline_date is None:
            infos[0].dateline_date = reference  # the header's date is the report's day
        return infos

    def _header_date(self, sentences: list[Sentence]) -> date | None:
        """A full date (with its year) in the first lines: a dateline or a dated header."""
        for s in sentences[:4]:
            _, _, dl_date = self._dateline(s.text, None)
            if dl_date is not None:
                return dl_date
            if s.heading or len(s.text) < 40:
                for d in find_dates(s.text, self.date_patterns, None):
                    if d.kind == EXPLICIT and d.has_year and d.value is not None:
                        return d.value
        return None

    def _sentence(self, s: Sentence, published: date | None, known: set[str],
                  first: dict[str, Mentions]) -> SentenceInfo:
        """Findings for one sentence (dateline removed, length bounded)."""
        cut, dl_place, dl_date = self._dateline(s.text, published)
        body = s.text[cut:][:MAX_SENTENCE]
        info = SentenceInfo(sentence=s, body=body, dateline_place=dl_place, dateline_date=dl_date)
        if s.heading or not body.strip():
            return info
        mentions = first.get(body)
        if mentions is None or mentions.rejected & known:
            mentions = find_entities(body, self.gaz, self.words, known)
        info.entities = mentions.entities
        info.places = mentions.places
        info.dates = find_dates(body, self.date_patterns, published)
        info.same_day = any(d.kind == SAME_DAY for d in info.dates)
        info.unqualified_ministry = bool(
            re.search(r"\bat the (?:Ministry of Foreign Affairs|Foreign Ministry|MFA)\b(?!\s+of\b)", body)
        )
        info.triggers = self._triggers(body, info, mentions.places)
        self._heads(body, info)
        if _PARTICIPATION.search(body):
            info.attendance = [e for e in info.entities if e.kind in (PERSON, TITLE, STATE, GROUP)]
        self._visit_context(body, info, mentions.places)
        return info

    def _zones(self, body: str) -> _Zones:
        """Where names in this sentence cannot be parties of its meetings."""
        spans = [(m.start(), m.end()) for m in _ATTRIBUTION_LEAD.finditer(body)]
        for rx in (_SETTING, _TOPIC, _RELATIVE, _ATTRIBUTION):
            spans += [(m.start(), m.end()) for m in rx.finditer(body)]
        return _Zones(spans)

    # --- triggers -----------------------------------------------------------------------
    def _find_trigger_spans(self, body: str) -> list[tuple[int, int, str, str, bool]]:
        """(start, end, kind, strength, passive) for every meeting expression in ``body``."""
        found: list[tuple[int, int, str, str, bool]] = []
        if not _ANY_TRIGGER_WORD.search(body):
            return found  # most narrative sentences ("The sides discussed ...") hold no meeting

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e, *_ in found)

        video = _VIDEO_CUE.search(body)
        for m in _CREDENTIALS.finditer(body):
            found.append((m.start(), m.end(), "credentials", STRONG, False))
        for m in _PHONE_VERB.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "phone_call", STRONG, False))
        for cue in _PHONE_CUE.finditer(body):
            # the verb that goes with "by phone": nearest contact verb before it in the clause
            lo = max(0, cue.start() - 160)
            window = body[lo : cue.start()]
            verbs = [v for v in _CONTACT_VERB.finditer(window) if ";" not in window[v.start() :]]
            if verbs:
                v = verbs[-1]
                a = lo + v.start()
                if free(a, lo + v.end()):
                    found.append((a, lo + v.end(), "phone_call", STRONG, False))
            elif re.match(r"(?i)\s*(?:in|during|over|by)\b", body[cue.start() : cue.start() + 8]) and free(
                    cue.start(), cue.end()) and not _PHONE_LEAD.match(body):
                # "X congratulated Y in a phone call": the call is told by its circumstance
                found.append((cue.start(), cue.end(), "phone_call", BACKREF, False))
        phone_lead = _PHONE_LEAD.match(body)
        if phone_lead and free(phone_lead.start(), phone_lead.end()):
            # "In a phone call with X, Y discussed ...": both sides follow the cue
            text = phone_lead.group(0)
            found.append((phone_lead.start() + len(text) - len(text.lstrip()), phone_lead.end(),
                          "phone_call", STRONG, False))
        for m in _RECEIVED_BY.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "meeting", STRONG, True))
        for m in _HELD.finditer(body):
            if not free(m.start(), m.end()):
                continue
            # "were held on the sidelines of the summit" is passive (a noun-phrase report), and
            # a preposition between "held" and the noun means the noun is not its object
            aux = _PASSIVE_AUX.search(body[max(0, m.start() - 12) : m.start()])
            passive = m.group(0).lower().startswith("held") and aux is not None
            if passive or _PREPOSITION.search(m.group(0)[4:]):
                continue
            kind, _multi = _kind_from_noun(body[m.start() : min(len(body), m.end() + 80)])
            if kind == "commission" and not re.search(r"commission", m.group(0), re.I) and not re.match(
                    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?commission", body[m.end() : m.end() + 90], re.I):
                kind = "meeting"
            if m.group("n").lower() == "conversation" and not re.search(r"phone", m.group(0), re.I):
                continue
            if video and kind == "meeting":
                kind = "video_call"
            if kind == "meeting" and _kind_from_noun(m.group(0))[1]:
                kind = "multi:meeting"  # "held a trilateral meeting", "held a summit"
            found.append((m.start(), m.end(), kind, STRONG, False))
        for m in _TOOK_PART.finditer(body):
            # "X took part in the meeting of the OTS Council of Foreign Ministers": the session
            if free(m.start(), m.end()) and not _NOT_MEETING_NOUNS.search(m.group(0)):
                found.append((m.start(), m.end(), "multi:meeting", BACKREF, False))
        for m in _MET.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "video_call" if video else "meeting", STRONG, False))
        if _TODAY.search(body):
            for m in _PRESENT.finditer(body):
                if free(m.start(), m.end()) and not _NON_PERSON_OBJECT.match(body[m.end() :]):
                    found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in _CALLED_ON.finditer(body):
            urged = m.group(0).lower() == "called on" and _URGE_AFTER.match(body, m.end()) is not None
            if free(m.start(), m.end()) and not urged:
                found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in _GATHERED.finditer(body):
            # "gathered in Astana for their consultative meeting" (not "for the ceremony")
            after = body[m.end() : m.end() + 70]
            ev, other = _EVENT_NOUNS.search(after), _NOT_MEETING_NOUNS.search(after)
            if ev is None or (other is not None and other.start() < ev.start()):
                continue
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "multi:meeting", STRONG, False))
        for m in _RECEIVED.finditer(body):
            if free(m.start(), m.end()) and not _NON_PERSON_OBJECT.match(body[m.end() :]):
                found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in _RECEIVING.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "meeting", WEAK, False))
        for m in _POSS_MEETING.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "meeting", WEAK, False))
        if video and not found:
            verbs = [v for v in _CONTACT_VERB.finditer(body[: video.start()])]
            if verbs:
                v = verbs[-1]
                found.append((v.start(), v.end(), "video_call", STRONG, False))
        for m in _VISIT.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", VISIT, False))
        for p in _PREDICATE.finditer(body):
            clause_start = max(body.rfind(";", 0, p.start()) + 1, 0)
            np = body[clause_start : p.start()]
            # the subject noun phrase: the first event-like noun of the clause
            first_event = _EVENT_NOUNS.search(np)
            first_other = _NOT_MEETING_NOUNS.search(np)
            if not first_event or (first_other and first_other.start() < first_event.start()):
                continue
            # skip a leading adverbial ("On the same day, ", "According to the report, ")
            head_start = clause_start + first_event.start()
            lead = body[clause_start:head_start]
            lead_np = lead[lead.rfind(",") + 1 :] if "," in lead else lead
            if _GENERIC_NP.search(lead_np) or _GENERIC_NP.search(np[first_event.start() : first_event.end() + 5]):
                continue
            if re.search(r"\b(?:whose|which|that)\s*$", body[max(0, head_start - 20) : head_start], re.I):
                continue
            kind, multi = _kind_from_noun(body[head_start : p.start()])
            if video and kind == "meeting":
                kind = "video_call"
            # "The meeting was held in ...", "The closed-door talks took place ...": the meeting
            # already reported; "the next round of consultations was held" is a new one
            definite = re.fullmatch(r"(?i)the\s+(?:[\w-]+\s+){0,2}", lead_np.lstrip()) is not None
            new_one = _NEW_ONE.search(lead_np) or re.search(r"(?i)rounds?|sessions?", first_event.group(0))
            strength = BACKREF if definite and not new_one else STRONG
            if multi and strength == BACKREF:
                strength = STRONG
            # the noun phrase starts after the last comma of the lead ("The Kazakh-Uzbek talks")
            np_start = clause_start + (lead.rfind(",") + 1 if "," in lead else 0)
            np_start += len(body[np_start:head_start]) - len(body[np_start:head_start].lstrip())
            if free(np_start, p.end()):
                found.append((np_start, p.end(), "multi:" + kind if multi else kind, strength, False))
        # "X and Y discussed ... during talks in Moscow": the talks, or more about them
        for m in _DURING_TALKS.finditer(body):
            if free(m.start(), m.end()):
                kind, _ = _kind_from_noun(m.group(0))
                found.append((m.start(), m.end(), kind, BACKREF, False))
        # a noun-only report at the event: "reached today in Islamabad at the third round of ...
        # Political Consultations" (consultations / commission sessions named as such)
        for m in re.finditer(r"\b(?:at|during|in the course of) the (?P<np>(?:[\w-]+ ){0,6}?(?:round of|session of)"
                             r"[^,;.]{0,80}?(?:[Cc]onsultations|[Cc]ommission))\b", body):
            if found:
                break
            kind, _ = _kind_from_noun(m.group("np"))
            found.append((m.start(), m.end(), kind, STRONG, False))
        found.sort()
        return found

    def _triggers(self, body: str, info: SentenceInfo, places: list[PlaceMention]) -> list[Trigger]:
        """Each meeting expression with its subject, objects, date and place."""
        spans = self._find_trigger_spans(body)[:MAX_TRIGGERS]
        out: list[Trigger] = []
        if not spans:
            return out
        zones = self._zones(body)
        ents = info.entities
        prev_subject: list[Entity] = []
        prev_ref: str | None = None
        prev_end = 0
        for n, (start, end, kind, strength, passive) in enumerate(spans):
            before = body[max(0, start - 80) : start]
            if strength != BACKREF and (
                _FUTURE_BEFORE.search(before) or _INFINITIVE_BEFORE.search(before)
            ):
                continue
            if strength != BACKREF and (_RECALL_BEFORE.search(before) or _RECALL_AFTER.match(body, end)):
                # "he had met X earlier in the day / during the visit": a further meeting of
                # the same trip, kept when it shares a participant with the reported one
                if not _SAME_TRIP.search(body, end, min(len(body), end + 120)) or _RECALL_AFTER.match(body, end):
                    continue
                strength = WEAK
            nxt = spans[n + 1][0] if n + 1 < len(spans) else len(body)
            # clause limits
            cstart = 0
            for cb in _CLAUSE_BREAK.finditer(body, 0, start):
                cstart = cb.end()
            cend = _clause_end(body, end, nxt)
            multi_hint = kind.startswith("multi:")
            kind = kind.removeprefix("multi:")
            trig = Trigger(kind=kind, start=start, end=end, strength=strength, multilateral_hint=multi_hint)

            own = _Zones([z for z in zones.spans if not (z[0] <= start < z[1])])
            usable = own.usable

            subj_lo = max(cstart, prev_end if n else 0)
            subj = [e for e in ents if usable(e, subj_lo, start)] + [e for e in ents if usable(e, start, end)]
            if not subj:
                # "During the visit to Baku Foreign Minister X met Y": the name right before the verb
                subj = [e for e in ents if e.kind in (PERSON, TITLE) and subj_lo <= e.start and e.end <= start
                        and body[e.end : start].strip(" ,") in ("", "also", "then")][-1:]
            during = strength == BACKREF and (_DURING_TALKS.fullmatch(body[start:end]) is not None
                                              or _PHONE_CUE.fullmatch(body[start:end]) is not None)
            trig.noun_phrase = during or strength == BACKREF or _PREDICATE.search(body[start:end]) is not None
            if not during and (strength == BACKREF or _PREDICATE.search(body[start:end]) is not None):
                # noun-phrase trigger: parties sit inside the noun phrase ("between A and B",
                # "with President X") and in the rest of the clause
                subj = [e for e in ents if usable(e, start, end)]
            objs = [e for e in ents if usable(e, end, cend)]
            ref_m = None
            if re.search(r",\s*who\s+(?:also\s+|then\s+)?$", body[max(0, start - 30) : start]):
                # "met the new ambassador, who presented a copy of his credentials": the same meeting
                subj, ref_m = [], "who"
            elif not subj:
                lead = body[subj_lo:start]
                refs = list(_SUBJECT_REFS.finditer(lead))
                earlier = [e for e in ents if e.kind == PERSON and e.end <= start and not own.inside(e.start, e.end)]
                if refs:
                    ref_m = refs[-1].group("ref").lower()
                    if ref_m in ("he", "she") and earlier:
                        subj, ref_m = earlier[:1], None
                elif n and prev_subject:
                    subj = prev_subject
                elif n and prev_ref:
                    ref_m = prev_ref
            trig.subject = subj
            trig.subject_ref = ref_m
            m_obj = re.match(r"\s*(?:with\s+)?(?P<r>him|her|them)\b", body[end:])
            if m_obj:
                trig.object_ref = m_obj.group("r").lower()
            if strength == WEAK:
                rr = re.search(r"(?P<r>him|her|them|his|her|their)\b", body[start:end], re.I)
                if rr:
                    trig.object_ref = rr.group("r").lower()
            if kind == "visit":
                trig.objects = []
                trig.location = self._location(body, start, cend, places, any_prefix=True)
            else:
                trig.objects = objs
                trig.location = self._location(body, cstart, len(body), places, any_prefix=False)
            trig.split_objects = kind in ("meeting", "video_call", "credentials") and strength == STRONG and not passive
            trig.date = self._pick_date(info.dates, start, end)
            out.append(trig)
            if ref_m == "who":
                continue  # a relative clause leaves the main clause's subject in place
            prev_subject = subj
            prev_ref = ref_m
            prev_end = cend
        return out

    def _pick_date(self, dates: list[DateMention], start: int, end: int) -> DateMention | None:
        """The date that belongs to a meeting verb: the nearest, a day given next to a weekday first."""
        usable = [d for d in dates if d.kind in (EXPLICIT, WEEKDAY, RELATIVE, SAME_DAY, MONTH)]
        if not usable:
            return None
        explicit = [d for d in usable if d.kind == EXPLICIT]
        weekday = [d for d in usable if d.kind == WEEKDAY]
        # "On Wednesday (7 Dec)": the day given next to the weekday wins
        for w in weekday:
            for e in explicit:
                if 0 <= e.start - w.end <= 4:
                    return e

        def dist(d: DateMention) -> int:
            return 0 if d.start <= start <= d.end else min(abs(d.start - end), abs(start - d.end))

        return min(usable, key=dist)

    def _location(self, body: str, lo: int, hi: int, places: list[PlaceMention], any_prefix: bool) -> Place | None:
        """Where the meeting took place: "in/at <city>", "at Turkmenistan's Ministry of ..."
        (its capital), or for visits "to <country>"; never a pipeline like "Baku-Tbilisi"."""
        for pm in places:
            if pm.ref.type != CITY or not (lo <= pm.start < hi):
                continue
            if body[pm.end : pm.end + 1] in ("-", "–") or body[pm.start - 1 : pm.start] in ("-", "–"):
                continue
            if _CITY_PREFIX.search(body[max(0, pm.start - 60) : pm.start]):
                return Place(pm.ref.city, pm.ref.code)
        m = _MINISTRY_AT.search(body, lo, hi) if lo < hi else None
        if m:
            for key in (m.group("poss"), m.group("of")):
                if key:
                    ref = self._place_ref(key)
                    if ref is not None and ref.ref.type == COUNTRY:
                        cap = self.gaz.capitals.get(ref.ref.code)
                        return Place(cap, ref.ref.code)
        for pm in places:
            if pm.ref.type != COUNTRY or pm.ref.form == "adj" or not (lo <= pm.start < hi):
                continue
            before = body[max(0, pm.start - 20) : pm.start]
            if re.search(r"\bvisit to\s+(?:the\s+)?$", before) or (
                    any_prefix and re.search(r"\b(?:trip to|in|to)\s+(?:the\s+)?$", before)):
                return Place(None, pm.ref.code)
        return None

    # --- side information ---------------------------------------------------------------
    def _heads(self, body: str, info: SentenceInfo) -> None:
        """Delegation heads and co-chairs: "X headed the Azerbaijani delegation", "the Turkmen
        side was led by Y", "The consultations were co-chaired by A and B"."""
        heads: list[Entity] = []
        clauses = [(0, len(body))]
        cuts = [m.start() for m in re.finditer(r",\s+and\s+|;\s*", body)]
        if cuts:
            bounds = [0, *cuts, len(body)]
            clauses = list(itertools.pairwise(bounds))
        for a, b in clauses:
            clause = body[a:b]
            side = None
            sm = re.search(r"(?P<w>[A-Z][\w-]+)(?:'s|’s)?\s+(?:delegation|side)\b", clause)
            if sm:
                ref = self._place_ref(sm.group("w"))
                if ref is not None and ref.ref.type != CITY:
                    side = ref.ref.code
            pm = _HEAD_PASSIVE.search(clause) or re.search(r"\b(?:delegation|side)\s+by\b", clause)
            am = _HEAD_ACTIVE.search(clause)
            ents = [e for e in info.entities if a <= e.start and e.end <= b and e.kind in (PERSON, TITLE)]
            if pm:
                chosen = [e for e in ents if e.start >= a + pm.end()]
            elif am and not _DELEGATION_LED.search(clause) and re.match(
                r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}(?:delegations?|side|consultations|talks|meeting|session)\b",
                clause[am.end() :], re.I,
            ):
                chosen = [e for e in ents if e.end <= a + am.start()][-1:]
            else:
                continue
            for e in chosen:
                if e.kind == PERSON or e.name:
                    heads.append(e if e.country or not side else e.with_country(side))
        info.heads = heads

    def _visit_context(self, body: str, info: SentenceInfo, places: list[PlaceMention]) -> None:
        """Where the visit told in this sentence takes place (not a recalled or planned one)."""
        if not _VISIT_CONTEXT.search(body) or _RECALL_WORDS.search(body):
            return
        cue = len(body)
        for m in _VISIT_CONTEXT.finditer(body):
            for pm in places:
                if pm.start < m.end() or pm.start > m.end() + 45:
                    continue
                if re.search(r"\b(?:will|would|to)\s+(?:\w+\s+)?$", body[max(0, m.start() - 20) : m.start()]):
                    continue
                if pm.ref.type == CITY:
                    info.visit_place = Place(pm.ref.city, pm.ref.code)
                    break
                if pm.ref.type == COUNTRY and pm.ref.form != "adj" and info.visit_place is None:
                    info.visit_place = Place(None, pm.ref.code)
                    break
            if info.visit_place is not None:
                cue = m.start()
                break
        if info.visit_place is not None:
            # the visitor is the first person or delegation named before the visit words
            before = [e for e in info.entities if e.kind in (PERSON, TITLE, GROUP) and e.start < cue]
            info.visitor = before[:1]
            spans = [d for d in info.dates if d.kind == EXPLICIT]
            if spans and spans[0].value is not None and spans[0].end_value is not None:
                info.visit_span = (spans[0].value, spans[0].end_value)


__all__ = ["DATE_WORDS", "ENTITY_WORDS", "GROUP", "STATE", "TITLE", "EnglishRules"]
