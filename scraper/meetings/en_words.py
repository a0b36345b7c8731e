"""English words and patterns: the lexicon the English rules (``en.py``) read.

Month and weekday names, the title connectors and stop words of names, the verbs and nouns
that report a meeting, and the cues that make a mention something else (announced, recalled,
negated, generic, a setting, a topic, an attribution). Word lists that are data rather than
grammar live in ``data/*.toml``.
"""

from __future__ import annotations

import re

from scraper.meetings.dates import DateWords
from scraper.meetings.matching import gated, phrase_alternation
from scraper.meetings.people import EntityWords


def words(text: str) -> frozenset[str]:
    """A word list written as running text (easier to read and extend than a literal)."""
    return frozenset(text.split())

# Bounds that keep the time per sentence small on pathological input (real sentences are
# a few hundred characters with a handful of meetings).
MAX_SENTENCE = 1500
MAX_TRIGGERS = 12

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
DATE_WORDS = DateWords(
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative={"today": 0, "yesterday": -1, "the day before yesterday": -2, "this morning": 0,
              "this afternoon": 0, "tonight": 0, "earlier today": 0, "earlier in the day": 0},
    same_day=(r"\b(?:on\s+|in\s+)?the\s+same\s+(?:day|evening|morning|afternoon)\b",
              r"\b(?:later|earlier)\s+(?:that|in\s+the|the\s+same)\s+day\b",
              r"\bthat\s+same\s+day\b", r"\bon\s+that\s+day\b"),
    day_offsets=((r"\b(?:the|a)\s+day\s+(?:before|earlier)\b(?!\s+yesterday)", -1), (r"\bthe\s+previous\s+day\b", -1),
                 (r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b", 1),
                 (r"\b(?:on\s+)?the\s+second\s+day\s+of\b", 1), (r"\b(?:on\s+)?the\s+third\s+day\s+of\b", 2),
                 (r"\bon\s+the\s+eve\b", -1), (r"\btwo\s+days\s+later\b", 2),
                 (r"\bthree\s+days\s+later\b", 3)),
)

MINISTRY_DOMAINS = (
    "Foreign Affairs|Foreign Economic Relations|Economy|Economic Development|Finance|Education|Culture|"
    "Health|Healthcare|Defence|Defense|Agriculture|Trade|Industry|Transport|Justice|Interior|"
    "Internal Affairs|Labour|Labor|Social Protection of the Population|Social Protection|Energy|"
    "Digital Development|Ecology|Natural Resources|Emergency Situations|Youth|Sports?|Tourism|"
    "Science|Communications?|Information Technologies|Construction|Architecture|Water Resources|"
    "Textile Industry|Investments?|Development|National Security|Environment|Oil and Gas|"
    "Innovation|Higher Education|Public Health|Economy and Finance|Finance and Economy|"
    "Foreign Affairs and Trade|International Cooperation|International Partnerships|Enlargement|"
    "Neighbourhood|Climate Action|Economy and Productivity|Energy and Housing|Home Affairs|Migration|"
    "Crisis Management|Human Rights|Mediterranean|Central Asia"
)
DOMAIN_CHAIN = rf"(?:the\s+)?(?:{MINISTRY_DOMAINS})(?:(?:,\s*|\s+and\s+)(?:the\s+)?(?:{MINISTRY_DOMAINS}))*"

ENTITY_WORDS = EntityWords(
    stopwords=words("""The A An On In At During According After Before Following Within As It He She They We
        Human Rights This That These Those His Her Their Its Our Both Two Other Earlier Later Meeting Meetings
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
        UTC AM PM Currency Updated Related Read More Photo Video Source
        Highness Excellency Majesty Royal Emir King Queen Prince Sheikh Sultan Senator Honorable
        Governor Mayor Commander General's Staff Chancellor Premier Vice-Premier Vice-premier
        Official Officials Spokesman Spokesperson Press Media Agency's Ministers' Presidential
        Supreme Assembly's Holding Held Signing Signed Talks' Dear Excellencies Humanitarian Areas
        Fields Issues Matters Sphere Spheres Affairs Relations Programme Program Plan Initiative
        Ayatollah Seyed Sayyid Hero Hero-Arkadag His Her Excellency"""),
    # names unless next to a number: "Sun" is a Chinese surname as well as Sunday
    date_words=words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun"),
    particles=words("oglu ogly oğlu kyzy gizi qizi bin ibn al el de da van von der del la le"),
    org_suffixes=words("""Center Centre Foundation Fund Charity Charitable Museum Airport Avenue Street Square
        University Institute Prize Order Stadium Hall Palace Park Mosque Monument School Library
        International Airlines Group Company Bank Corridor Forum Field Award Medal Heritage Academy
        Boulevard Bridge Port Highway Road Pipeline Prospect District Region Province Complex Residence
        Hotel Building Zone Resort Centre"""),
    # gap text allowed inside a title chain: small words and capitalised words that are not
    # names (names are items of their own and end a chain)
    chain_connectors=gated(
        r"(?:\s|\(|\)|'s\b|’s\b|'|\bof\b|\bthe\b|\bfor\b|\band\b|\bat\b|\bto\b|\bin\b|\bon\b|\bnewly\b|"
        r"\bappointed\b|\bnew\b|\bincoming\b|\bvisiting\b|\bacting\b|\bMr\.?|\bMs\.?|\bMrs\.?|\bDr\.?|"
        r"\bH\.E\.?|-|–|\b[A-Z][\w'’-]*|\bparliament\b|\blegislature\b|\bchambers?\b|\bboth\b|"
        r"\bmember\b|\bstates\b|\bcountries\b)*"
    ),
    group_nouns=gated(
        r"(?:'s|’s)?\s+(?:visiting\s+|official\s+|governmental\s+|government\s+|parliamentary\s+|"
        r"cultural\s+|business\s+|high-level\s+|high-ranking\s+|senior\s+|foreign\s+)*"
        r"(?:delegations?|side|officials|government|leadership|Foreign Ministry|foreign ministry|"
        r"Ministry of (?:" + MINISTRY_DOMAINS + r")|MFA|counterparts?|partners|authorities)\b"
    ),
    extra_offices=(
        (gated(r"\bhead of (?:the\s+)?(?:[A-Z][\w]*(?:'s|’s)\s+)?(?:MFA|Foreign Ministry|Ministry of Foreign "
                    r"Affairs|diplomacy)\b", re.I), "foreign_minister"),
        (gated(r"\b(?:speaker|chairman|chairperson|chairwoman|head) of (?:the\s+)?(?:[A-Z][\w]*(?:'s|’s)\s+)?"
                    r"(?:parliament|legislature)\b", re.I), "speaker"),
        (gated(rf"\b(?:(?:First\s+)?Deputy\s+)?Minister (?:of|for) {DOMAIN_CHAIN}"), "minister"),
        (gated(rf"\b(?:European\s+|EU\s+)?Commissioner (?:of|for) {DOMAIN_CHAIN}"), "commissioner"),
        (gated(r"\b(?:his|her|their) (?:[A-Z]\w+ )?(?:counterparts?|colleagues?)\b"), "counterpart"),
        (gated(r"\bcounterparts?\b"), "counterpart"),
        # "the Turkmen diplomat was received by ...": the one person of that state the report names
        (gated(r"\bdiplomat\b"), "counterpart"),
    ),
)

# --- cues -----------------------------------------------------------------------------------

FUTURE_BEFORE = gated(
    r"\b(?:will|would|shall|is to|are to|was to|were to|due to|expected to|plans? to|planning to|"
    r"intends? to|intending to|scheduled to|going to|agreed to|agree to|set to|ready to|unable to|"
    r"could not|cannot|can not|did not|does not|do not|didn't|failed to|may|might|could|should|"
    r"wants? to|wishes? to|hopes? to|invited .{0,40} to|invitation to|proposed to|offered to|"
    r"preparing to|prepares to|about to|slated to|poised to|aims? to|seeks? to|not|never|no|Will|Would)\b"
    r"(?:\s+[\w'-]+){0,3}\s*$",
)
# "X will be the first foreign head of state received by China": "will" rules its whole clause
FUTURE_CLAUSE = gated(r"\b(?:will\s+be|(?:is|are)\s+due)\b[^,.;:]{0,60}$", re.I)  # ("are due at ... for a summit")
# a heading that is the whole report of a meeting (mfa.gov.tr): "Meeting of Minister of Foreign
# Affairs Hakan Fidan with Rashid Meredov, ..., 7 January 2026, Ankara"
MEETING_HEADING = gated(
    r"^(?P<noun>(?:Meeting|Talks|Telephone [Cc]onversation|Phone [Cc]all|Video [Cc]onference)\s+(?:of|between))\s+"
    r".{6,300},\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}(?:,\s+[A-Z][\w' -]+)?\s*$"
)
# "informed him about the talks he held with X earlier in the day": a further meeting told in
# passing; "he" is the subject of the sentence
TALKS_HE_HELD = gated(r"\b(?:the\s+)?(?:talks|meeting|negotiations|consultations)\s+(?:that\s+|which\s+)?"
                      r"(?P<ref>he|she)\s+(?:had\s+)?(?:held|had)\s+with\b", re.I)
# "The ceremony took place at the Oguzkhan Palace": where the credentials told before were presented
CEREMONY_HELD = gated(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}ceremony\s+(?:took place|was held)\b")
# "I look forward to seeing you in Dushanbe during the meeting of the Council": a wish
LOOK_FORWARD = gated(r"\blook(?:s|ing|ed)?\s+forward\s+to\b[^.;]*$", re.I)
RECALL_WORDS = gated(
    r"\b(?:recalled|recalling|recall|last year|last month|previous|earlier|former|will|would|planned|"
    r"upcoming|forthcoming)\b", re.I
)
PASSIVE_AUX = gated(r"\b(?:was|were|been|being|be|is|are)\s+(?:also\s+)?$", re.I)
GENERIC_HELD = gated(r"\b(?:annual|regular|regularly|several|numerous|many|frequent|periodic|such|"
                          r"various|multiple|dozens)\b", re.I)
PREPOSITION = gated(r"(?<![\w-])(?:in|on|at|with|by|from|during|after|before)(?![\w-])", re.I)
NEW_ONE = gated(
    r"(?i)\b(?:next|new|another|second|third|fourth|fifth|first|round|session|\d+(?:st|nd|rd|th))\b"
)
INFINITIVE_BEFORE = gated(r"\bto\s+(?:also\s+)?(?:be\s+)?$", re.I)  # "to meet", "to be received by"
RECALL_BEFORE = gated(
    r"\b(?:recalled|recalling|recall|recalls|remembered|reminded|reminisced|last year'?s?|"
    r"last(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|night))|recent|recently|"
    r"previous|previously|earlier(?!\s+(?:today|in the day|this (?:morning|week)|that day|on|the same day))|"
    r"in the past|had|"
    r"have been|once(?!\s+again))\b(?:\s+[\w'-]+){0,3}\s*$",
    re.I,
)
# "the agreements reached during the meeting of ...": what came out of an earlier meeting
REACHED_AT = gated(
    r"\b(?:agreements?|arrangements?|understandings?|decisions?|accords?|results?|outcomes?|documents?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:reached|achieved|made|adopted|signed|obtained|concluded)\s*$",
    re.I,
)
# "Recalling X's visit to Baku last year, during which the sides held talks": a meeting told in a
# relative clause on an event placed in the past
RECALLED_RELATIVE = gated(
    r"\b(?:last\s+(?:year|month|week)|(?:in|of)\s+(?:19|20)\d\d|recall\w*|previous\w*|earlier)\b[^.;]{0,80}?,\s*"
    r"(?:during|at|in|after|following)\s+which\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
# "met five times last year", "held talks in 2019": the clause itself dates the meeting back
RECALL_AFTER = gated(
    r"[^.;]{0,60}?\b(?:last (?:year|month|week)|\d+ times|several times|many times|more than \w+ times|recent|"
    r"(?:in|since) (?:19|20)\d\d\b|previously|in the past|years ago|months ago)",
    re.I,
)
SAME_TRIP = gated(
    r"\b(?:earlier (?:that|in the) day|earlier today|during (?:the|this|his|her|their) (?:current )?"
    r"(?:visit|trip|stay)|on the same day|the same day)\b",
    re.I,
)
# "informed him that yesterday he and X had co-chaired the commission": a day of the same trip
RECENT_DAY = gated(r"\b(?:yesterday|the day before|the previous day|on the eve)\b", re.I)
RECALL_SENTENCE = gated(
    r"^(?:By way of background|For background|Background|To recap|For reference|Previously|"
    r"Before that|Earlier(?!\s+(?:today|in the day|on|this (?:morning|week)|that day|the same day))|In (?:19|20)\d\d|"
    r"Last (?:year|month|week)|In the past|(?:I|We)\s+(?:\w+\s+)?(?:recall|remember)|The last time|"
    r"(?:The\s+)?(?:two\s+)?(?:[\w-]+\s+){0,3}?last met)\b",
    re.I,
)
# "Earlier, the Hungarian minister held talks with ...": in a report of a visit, more of the visit
EARLIER_ASIDE = gated(r"Earlier,\s")
GENERIC_NP = gated(
    r"\b(?:many|such|several|numerous|regular|frequent|previous|past|earlier|last|upcoming|"
    r"forthcoming|future|planned|possible|potential|those|these|whose|which|that|any|every|no|"
    r"recent|annual|periodic)\b",
    re.I,
)
NOT_MEETING_NOUNS = gated(
    r"\b(?:press conference|conference|briefing|ceremony|reception|concert|exhibition|festival|"
    r"event|declaration|agreement|memorandum|documents?|exercise|match|game|tournament|celebration|"
    r"gala|dinner|lunch|breakfast|rally|parade|show|fair|roundtable|round table|seminar|webinar|"
    r"lecture|training|course|screening|opening|campaign|contest|competition|dialogue)\b",
    re.I,
)
EVENT_NOUNS = gated(
    r"\b(?P<n>meetings?|talks|negotiations|consultations|conversations?|sessions?|summit|ministerial|"
    r"rounds?|videoconference|video conference|phone call|telephone call)\b",
    re.I,
)
# "Awaza became the venue of the first Summit of ...": the place, then the event told by its noun
VENUE_OF = gated(r"\b(?:became|becomes|was|served\s+as)\s+(?:also\s+)?(?:the|a)\s+venue\s+(?:of|for)\b", re.I)
PREDICATE = gated(
    r"\b(?:(?:was|were|has been|have been|had been|is being|are being)\s+(?:also\s+)?"
    r"(?:held|organi[sz]ed|conducted|convened)|(?:also\s+)?(?:took place|has taken place|"
    r"have taken place|is taking place|are taking place|opened|was opened|convened|kicked off|"
    r"got under way|began|started))\b",
    re.I,
)

# --- triggers -------------------------------------------------------------------------------

PHONE_CUE = gated(
    r"\b(?:by|over the|on the|via|in a|in|during a)\s+(?:tele)?phone(?:\s+(?:call|conversation))?\b|"
    r"\b(?:a |an )?(?:telephone|phone) (?:conversation|call|talks?)\b",
    re.I,
)
PHONE_VERB = gated(r"\b(?:phoned|telephoned|rang)\b", re.I)
# "X also called President Ilham Aliyev": "called" with a person right after it is a call
# (not "called on", "called for", "called it ...")
# "X also called President Y" (a call); not "called on", not a name given ("which Turkmenistan
# called Serdar": a lone word after the verb names a thing)
CALLED_PERSON = gated(r"\b(?<!\bso-)(?<!\bso )[Cc]alled(?=\s+(?:his\s+|her\s+)?(?:[A-Z][a-z]|counterpart\b))"
                      r"(?!\s+(?:On|For|Upon)\b)(?!\s+[A-Z][\w'’-]+(?:\s*[,.;)]|\s+[a-z]|\s*$))")
VIDEO_CUE = gated(
    r"\b(?:by|via|through|over|in|in the format of|in a|during a)\s+(?:a\s+|the\s+)?"
    r"(?:video ?conference|videoconference|video-conference|video link|videolink|video call|"
    r"videoconferencing|online format|video format)\b|\bvideo ?conference\b|\bvideoconference\b",
    re.I,
)
CONTACT_VERB = gated(
    r"\b(?:spoke|talked|conversed|held|had|conducted|discussed|exchanged views|met|hold|holding|received|made|makes)\b",
    re.I,
)
PHONE_LEAD = gated(r"^\s*(?:In|During)\s+(?:a|the|their|his|her)\s+"
                   r"(?:(?:(?:tele)?phone\s+(?:call|conversation|talk)|call)\s+with\b"
                   r"|(?:tele)?phone\s+(?:call|conversation|talk)\s+(?:on|yesterday|today)\b)", re.I)
HELD = gated(
    r"\b(?:held|had(?!\s+(?:held|met|been|spoken|conducted|had|hosted|received|talked)\b)|conducted|holding|"
    r"co-chaired|chaired)\s+(?:[\w'’–-]+\s+){0,6}?"
    r"(?P<n>talks|meetings?|negotiations|consultations|conversations?|session|summit|exchange of views|"
    r"(?:phone |telephone |video )?calls?|video ?conference|(?:working |official )?(?:lunch|dinner|breakfast))\b",
    re.I,
)
MET = gated(r"\b(?:met|has met|have met)(?:\s+with)?\b", re.I)
# "Leaders of ... met today in Samarkand for the first-ever EU-Central Asia Summit": the summit itself
FOR_SUMMIT = gated(r"[^.;]{0,60}?\b(?:for|at)\s+(?:the|a|their)\s+(?:[\w'’–-]+\s+){0,5}?(?:summit|ministerial)\b",
                   re.I)
# "In a separate meeting on the margins of ..., A and B discussed ...": the meeting told up front
SEPARATE_MEETING = gated(r"^\s*(?:In|During|At)\s+(?:a|the)\s+separate\s+(?:meeting|talks|conversation)\b", re.I)
# "X and Y have begun talks in the Kremlin", "sat down for bilateral talks" (not "began talks on a treaty":
# a negotiation process)
BEGAN_TALKS = gated(r"\b(?:(?:have|has)\s+begun|began|started|sat\s+down\s+for)\s+"
                    r"(?:(?:the\s+day|his\s+visit|her\s+visit|the\s+visit|the\s+programme)\s+with\s+)?(?:their\s+|the\s+)?"
                    r"(?:(?:bilateral|official|formal)\s+)?(?:talks|negotiations)\b(?!\s+on\b)", re.I)
# "The talks between A and B, held in Almaty on 10-11 May, have concluded": the noun, told as held
NOUN_HELD = gated(r"\b(?:talks|meeting|negotiations|consultations)\s+(?:between|of|with)\b[^.;]{0,200}?,\s*"
                  r"(?:held|which\s+(?:was|were)\s+held|(?:which|that)\s+took\s+place)\b", re.I)
TOOK_PART = gated(
    r"\b(?:(?:took part|participated|takes part|is taking part)\s+in|attended)\s+(?:the|a)\s+(?:[\w'’–-]+\s+){0,5}?"
    r"(?:meeting|session|summit|ministerial)\b(?!s)",
    re.I,
)
# "the top U.S. diplomat joined the foreign ministers of ... for the C5+1 ministerial meeting"
JOINED_FOR = gated(r"\bjoined\s+[^.;]{0,160}?\b(?:for|at)\s+(?:the|a|an)\s+(?:[\w+-]+\s+){0,4}?"
                   r"(?:meeting|session|summit|ministerial)\b", re.I)
# present tense for what happens on the day of the report: "X meets Y in Baku today"
PRESENT = gated(r"\b(?:meets|meet|receives|hosts|hold talks|holds talks|hold a meeting|holds a meeting)\b",
                      re.I)
TODAY = gated(r"\b(?:today|this (?:morning|afternoon|evening)|currently)\b", re.I)
GATHERED = gated(r"\b(?:gathered|convened|assembled)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                 r"Saturday|Sunday|today|yesterday)\s+)?(?:in|at|for|on)\b", re.I)  # "gathered Monday in Gabala"
RECEIVED_BY = gated(
    r"\b(?:was|were|has been|have been|had been)\s+(?:also\s+|then\s+|later\s+|jointly\s+|warmly\s+|"
    r"cordially\s+)?(?:received|hosted)\s+by\b", re.I
)
# "The ambassador called on the Prime Minister" (a courtesy call), not "called on X to stop ..."
CALLED_ON = gated(r"\b(?:called on|paid a (?:courtesy )?call on|made a courtesy call on|sat down with|"
                        r"conferred with)\b", re.I)
URGE_AFTER = gated(r"[^,.;]{0,80}?\bto\s+(?!discuss\b|exchange\b|review\b|the\b|a\b|an\b|his\b|her\b)[a-z]+",
                         re.I)
# (not a participle: "The talks, hosted by Kazakhstan, took place ...")
RECEIVED = gated(r"\b(?:received|has received|have received|hosted|has hosted|have hosted)\b(?!\s+by\b)", re.I)
RECEIVING = gated(r"\bfor receiving\s+(?P<ref>him|her|them)\b", re.I)
CRED = r"(?:credentials|letters?\s+of\s+credence|credential\s+letters?|letters?\s+of\s+credentials)"
CREDENTIALS = gated(
    rf"\b(?:accepted|received|receives|accepts)\s+(?:the\s+)?{CRED}|"
    rf"\b(?:accepted|received)\s+(?:the\s+|a\s+)?cop(?:y|ies)\s+of\s+(?:the\s+|his\s+|her\s+)?{CRED}|"
    rf"\b(?:presented|handed(?:\s+over)?|submitted)\s+(?:his|her|their|the|a)?\s*(?:cop(?:y|ies)\s+of\s+"
    rf"(?:his|her|their|the)\s+)?{CRED}",
    re.I,
)
# "Credentials were presented by the Ambassadors X, Y and Z": the ones who hand them over follow
CREDENTIALS_BY = gated(
    rf"\b(?:the\s+)?(?:cop(?:y|ies)\s+of\s+(?:the\s+)?)?{CRED}\s+(?:were|was|have\s+been|had\s+been)\s+"
    rf"(?:presented|handed(?:\s+over)?|submitted)\s+(?:to\s+(?:him|her|the\s+\w+(?:\s+of\s+\w+)?)\s+)?by\b",
    re.I,
)
VISIT = gated(
    r"\b(?:visited|is visiting|was visiting|are visiting|were visiting|"
    r"(?:paid|made|is making|was making|is paying|is on|was on|are on)\s+(?:an?\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}visit\s+to|"
    r"arrived\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:on|for)\s+an?\s+(?:[\w-]+\s+){0,2}visit)\b",
    re.I,
)
VISIT_NP = gated(
    r"\b(?:(?:state|official|working|friendly)\s+)?visit\s+of\s+[^.;]{3,120}?\s+to\s+[^.;]{3,60}?\s+"
    r"(?:began|has begun|started|kicked off|got under way|is under way|took place|is taking place|continues|ended)\b",
    re.I,
)
DURING_TALKS = gated(
    r"\b(?:during|at|in the course of)\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|meeting|negotiations|consultations|(?:tele)?phone (?:call|conversation))\b|"
    # "said at a press conference following talks with X": the talks with their other side
    r"\b(?:following|after)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|meeting|negotiations|consultations)\s+with\b|"
    r"\bin\s+(?:a|the|their|his|her)\s+(?:[\w-]+\s+)?meeting\s+with\b",
    re.I,
)
POSS_MEETING = gated(r"\b(?P<ref>his|her|their)\s+(?:[\w-]+\s+)?(?:meetings?|talks|negotiations)\s+with\b", re.I)

NON_PERSON_OBJECT = gated(
    r"^\s*(?:(?:on\s+)?[A-Z][a-z]+\s+\d{1,2}\s+|today\s+|yesterday\s+)?"  # "hosted on October 11 the Forum"
    r"(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:letter|message|call|report|"
    r"forum|conference|festival|exhibition|expo|congress|concert|championship|games|business\s+meeting|b2b|"
    r"invitation|congratulations|support|award|order|medal|reception|dinner|ceremony|guests|visitors|"
    r"applause|attention|approval|praise|news|information|briefing|votes?|proposals?|documents?|"
    r"honou?r|prize|degree|title|gifts?|delivery|shipment|aid|assistance|loan|funding|grant|notes?|"
    r"appeals?|requests?|protests?|complaints?|reply|replies|response|answers?|signals?|applications?|"
    r"petitions?|offers?|consignments?|batch|vaccines?|certificates?|licen[cs]es?|status|approval|"
    r"permission|votes|copies|copy|instructions?|orders?|training|education|treatment|attention)\b",
    re.I,
)

# --- zones that hold no participants ----------------------------------------------------------

SETTING = gated(
    r"\b(?:within|as part of|on the (?:sidelines|margins|fringes) of|in the framework of|"
    r"in the context of|ahead of|in the run-up to|at the invitation of|in the presence of|"
    r"on behalf of|for the|in connection with|during (?:the |his |her |their |its )?[\w' -]{0,60}?"
    r"(?:participation|visit|trip|stay|tour) (?:in|to)|(?:who|which) is visiting[^,;]*? for)\b[^,;]*",
    re.I,
)
TOPIC = gated(
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
RELATIVE = gated(r",\s*(?:who|which|whose|where|(?:to|with|from|for)\s+whom)\b[^;]*?(?=,\s*(?:[A-Z][\w.-]*\s+){1,4}"
                       r"(?:reports?|informs?|said|told)|;|$)")
# a relative clause closed by a comma inside the sentence: "Wang Yi, who arrived on Tuesday, held talks"
INNER_RELATIVE = gated(r",\s*(?:who|which|whose)\s+[^,;]{0,120},")
ATTRIBUTION = gated(
    r"(?:,|\s-|\s–)\s*(?:(?:the\s+)?(?:(?:press\s+service|press\s+office|information\s+service|website|"
    r"press\s+secretary|spokes(?:person|man|woman))\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+(?:of\s+(?:the\s+)?)?){1,6}|[A-Z][\w.'’-]*\s+(?:(?:[A-Z][\w.'’-]*|of|to|the|for)\s+){0,8})"
    r"(?:reports?|reported|informs?|informed|said|says|told|learned|"
    r"writes|wrote|quoted|stated|announced|added)\b|(?:[\w.]+\s+)?(?:was|were)\s+told\s+by\b|"
    r"according to\b|citing\b|with reference to\b).*$"
)
ATTRIBUTION_LEAD = gated(r"^\s*(?:According to|As (?:reported|informed) by|Citing)\b[^,;]*,")
CLAUSE_BREAK = gated(
    r";|,\s+(?:but|while|whereas)\s+|,?\s+and\s+(?=(?:the two|both|they|he|she)\b)|"
    r"\b(?:said|says|noted|stressed|added|stated|recalled|announced|reported|believes|thinks) that\b"
)
# "... held talks with X and spoke before Y": a second verb ends the object list
VERB_COORD = gated(
    r",?\s+and\s+(?:then\s+|also\s+|later\s+)?(?:[a-z]+ed|spoke|met|held|made|took|gave|laid|went|"
    r"saw|paid|sent|began|wrote|told|said|signed)\b"
)

SUBJECT_REFS = gated(
    r"\b(?P<ref>the two (?:sides|parties|leaders|ministers|presidents|officials|diplomats|heads|"
    r"delegations|countries)|the two|both sides|both|the parties|the sides|the interlocutors|"
    r"the leaders|the ministers|the officials|the diplomats|the delegations|he|she|they|"
    r"the (?:(?:distinguished|high-ranking|high|honou?red|foreign)\s+)?(?:guest|visitor))\b",
    re.I,
)

DATELINE = gated(
    r"^\s*(?:\((?:MENAFN|[^)]{0,40}News[^)]{0,20})[^)]*\)\s*)?"
    r"(?P<place>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?)"
    r"(?:\s*,\s*(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"(?P<place2>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?))?"
    r"(?P<rest>(?:\s*[,.]?\s*(?:\((?P<paren>[^)]{0,80})\))?\s*[,.]?\s*"
    r"(?P<date>(?:[0-3]?\d(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+[0-3]?\d(?:st|nd|rd|th)?)"
    r"(?:,?\s*(?:19|20)\d\d)?)?\s*[.,]?\s*(?:/?[A-Z][A-Za-z.]*(?:\.[A-Za-z]+)*/?\s*[.:]?|\([^)]{0,60}\)\s*:?)?"
    r"\s*(?:--|–|—|-|:)?\s*))"
)
# a retrospective ("Kazakhstan's foreign policy in 2025: year in review") tells no news of its own
RETROSPECTIVE = gated(r"\b(?:year in review|(?:a )?look(?:s|ing)? back (?:at|on)|retrospective|(?:a\s+)?chronicle\s+of|"
                      r"timeline\s+of|milestones\s+of)\b", re.I)
# "holding" reports a meeting only as a progressive ("is holding talks") or opening a clause
# ("Holding talks with X, Y said"); "the importance of holding", "proposed holding" name a plan
HOLDING_AS_EVENT_BEFORE = gated(r"(?:\b(?:is|are|was|were|been)\s+(?:also\s+)?|^\s*|[,;:]\s*)$", re.I)
COMMENTARY = gated(
    r"^(?:Analysis|Analyst|Opinion|Commentary|Comment|Op-ed|Column|Editorial|Interview|Expert|Viewpoint)\b\s*:?", re.I
)
# an author's byline with an expert's job ("By Elchin Guliyev, political analyst"), or the disclaimer
# of an opinion page ("The views expressed in this article are those of the author")
OPINION_BYLINE = gated(r"^By\s+(?:[A-Z][\w'’.-]*\s+){1,3}?[A-Z][\w'’-]*,\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:analyst|expert|columnist|commentator|political scientist|scholar|professor|researcher|"
                       r"observer|writer|journalist)\b")
OPINION_DISCLAIMER = gated(r"\b(?:views|opinions)\s+expressed\s+(?:in\s+(?:this|the)\s+\w+\s+)?(?:are|is)\s+"
                           r"(?:those|solely those|the author)", re.I)
ANALYST_SOURCE = gated(
    r"\b(?:political |foreign policy |an? )?(?:analyst|political scientist|expert|observer|"
    r"commentator|scholar|pundit)\s+(?:[A-Z][\w'-]+\s+){1,3}(?:told|said|says|writes|believes)\b|"
    r"^According to (?:the )?(?:political |foreign policy )?(?:analyst|expert|political scientist|observer)"
)
PARTICIPATION = gated(
    r"\b(?:attended|took part|taking part|participated|were present|was present|"
    r"(?:was|were) represented by|signed by (?:the )?representatives of|with the participation of|"
    r"counterparts from|participants|attendees|joined by|brought together|gathered)\b",
    re.I,
)
HEAD_ACTIVE = gated(r"\b(?:headed|led|chaired|co-chaired)\s+(?!by\b|to\b)", re.I)
# "was co-chaired by A and B", "... under the co-chairmanship of A and B"
HEAD_PASSIVE = gated(r"\b(?:was|were|is|are)\s+(?:co-)?(?:headed|led|chaired|represented)\s+by\b|"
                     r"\bunder\s+the\s+(?:co-?)?chairmanship\s+of\b", re.I)
SIDE_BY = gated(r"\b(?:delegation|side)\s+by\b")
DELEGATION_LED = gated(r"\b(?:delegation|side)\s+(?:led|headed)\s+by\b", re.I)
VISIT_CONTEXT = gated(  # word boundaries once around all the forms, in the same order: faster
    r"\b(?:(?:is|was|are|were)\s+(?:in|visiting)|had come to|came to|arrived in|"
    r"visit(?:ed|ing)?\s+to|visit(?:ed|ing)|trip to|visit to)\b",
    re.I,
    gate=False,
)
AT_UNNAMED_MINISTRY = gated(r"\bat the (?:Ministry of Foreign Affairs|Foreign Ministry|MFA)\b(?!\s+of\b)")
AT_ROUND_OR_SESSION = gated(
    r"\b(?:at|during|in the course of) the (?P<np>(?:[\w-]+ ){0,6}?(?:round of|session of)"
    r"[^,;.]{0,80}?(?:[Cc]onsultations|[Cc]ommission))\b"
)
MINISTRY_AT = gated(
    r"\bat\s+(?:the\s+)?(?:(?P<poss>[A-Z][\w-]+)(?:'s|’s)\s+)?(?:Ministry of [A-Z][\w ]+?|Foreign Ministry|MFA)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+))?\b"
)
# "in the Qatari capital", "in the capital of Qatar", "in Qatar's capital": the capital of that state
IN_CAPITAL = gated(
    r"\b(?:in|at)\s+(?:the\s+)?(?:(?P<adj>[A-Z][\w'’-]+)(?:'s|’s)?\s+capital|capital\s+of\s+(?:the\s+)?"
    r"(?P<of>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))\b"
)
CITY_PREFIX = gated(
    r"\b(?:in|at|to|into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:city|town|resort|capital) of\s+)?$", re.I
)


# every trigger pattern below contains one of these words; a sentence without any is skipped
_TRIGGER_WORDS = words("""met meet meets meeting held had hold holds holding conducted rang arrived talk talks
    talked consultation consultations credential credentials credence session sessions summit ministerial
    conversation conversations negotiations gathered convened assembled took participated attended sat conferred
    co-chaired chaired round exchange spoke discussed exchanged began started""")
_TRIGGER_STEMS = words("receiv host phone telephon call visit video")  # any ending
ANY_TRIGGER_WORD = gated(  # a trie, and no gate: nearly every sentence holds one of these letters' words
    rf"\b(?:{phrase_alternation(_TRIGGER_WORDS)}|(?:{phrase_alternation(_TRIGGER_STEMS)})\w*)\b", re.I, gate=False
)


NEW_CLAUSE = gated(r",\s+(?:and|while)\s+(?=(?:the\s+)?[A-Z])")
