"""English rules: how English press releases report meetings, sentence by sentence.

The words and patterns are in ``en_words.py`` (and the ``en`` columns of ``data/*.toml``);
this module applies them: datelines, the meeting expressions of a sentence with their
subjects, counterparts, dates and places, delegation heads, attendance and visits. The
calendar, gazetteers, entity chains and record assembly are shared with other languages.

To add a rule: add a pattern or word list to ``en_words.py`` and a test sentence of your
own to ``tests/meetings/test_en.py`` or ``tests/meetings/test_reports.py``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date

from scraper.meetings import en_words as lex
from scraper.meetings import memo
from scraper.meetings import topics as topics_mod
from scraper.meetings.analysis import BACKREF, STRONG, VISIT, WEAK, Place, SentenceInfo, Trigger
from scraper.meetings.dates import (
    EXPLICIT,
    RELATIVE,
    WEEKDAY,
    DatePatterns,
    find_dates,
    pick_date,
)
from scraper.meetings.en_words import DATE_WORDS, ENTITY_WORDS
from scraper.meetings.gazetteer import CITY, COUNTRY, Gazetteer, PlaceMention, fold_surname, load
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, Entity, Mentions, find_entities
from scraper.meetings.text import Sentence


def _clause_end(body: str, end: int, limit: int) -> int:
    """Where the objects of a meeting verb stop: the next verb of the sentence, a clause
    break, a relative clause, an attribution ("..., Trend reports") or "and spoke ..."."""
    cend = limit
    for rx in (lex.CLAUSE_BREAK, lex.RELATIVE, lex.ATTRIBUTION, lex.VERB_COORD):
        m = rx.search(body, end)
        if m and m.start() < cend:
            cend = m.start()
    if limit < len(body):
        # "A met B, and C held talks with D": a new subject before the next meeting verb
        m = lex.NEW_CLAUSE.search(body, end, limit)
        if m and m.start() < cend:
            cend = m.start()
    return cend


# a reporting verb and its "that": the reported clause, with its own subject, follows
_REPORTED_THAT = re.compile(r"(?i)\b(?:informed|told|said|noted|stated|added|reported|explained|mentioned|"
                            r"pointed out)\b[^.;]{0,80}?\bthat\s+")
# a definite meeting noun as the subject of "was hosted by": the meeting already told
_EVENT_SUBJECT = re.compile(r"(?i)\bthe\s+(?:[\w'’–-]+\s+){0,3}?(?P<n>summit|meeting|talks|session|consultations|"
                            r"negotiations)\s+$")
_OWN_CALL = re.compile(r"(?i)(?:In|During)\s+(his|her)\s+(?:(?:tele)?phone\s+)?(?:call|conversation|talk)\s+with\b")
_BEGAN_CLAUSE = re.compile(r"(?i),\s*which\s+(?:began|started|opened)\b[^,]*,\s*(?:continued|resumed|went\s+on)\b")
_TALKS_HELD_EARLIER = re.compile(
    r"(?i)\b(?:the|his|her)\s+(?P<n>meeting|talks|negotiations)\s+(?:with\b[^.;]{0,120}?\s+held|held)\s+"
    r"(?:earlier\s+(?:in\s+the|that)\s+day|earlier\s+today|the\s+same\s+day|yesterday)\b")
_CALLS = re.compile(r"(?i)\b(?:calls|conversations)\b")
_HOSTED_PARTICIPLE = re.compile(r"(?i)\b(?:meetings|talks|summits|sessions|events|of\s+(?:the\s+)?[a-z]+)\s+"
                                r"(?:hosted|received)\s+(?:in|at)\b")
_GUEST_SUBJECT = re.compile(r"(?i)\s*the\s+(?:[\w-]+\s+)?(?:guest|visitor)\b")
_TIME_AFTER = re.compile(r"(?i)\b(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+after\b")
_ABSENT_AFTER = re.compile(r"(?i)\s+(?:stayed\s+away|was\s+not\s+represented|was\s+absent|boycotted|"
                           r"did\s+not\s+(?:attend|take\s+part|participate))\b")
_HOSTED_EVENT = re.compile(r"(?i)\bhosted\s+(?:the|a|an)\s+(?:[\w'’–-]+\s+){0,4}?(?:summit|ministerial|"
                           r"(?:meeting|session)\s+of\s+(?:the\s+)?(?:[\w'’–-]+\s+){0,3}?(?:council|heads|leaders|"
                           r"ministers))\b")
_NON_DIPLOMATIC_BODY = re.compile(r"(?i)\b(?:expert|experts'?|think[- ]tank|scientific|academic|youth|business|"
                                  r"media)\s+(?:council|forum|club|dialogue|community)\b")
_VENUE_NOUNS = frozenset({"zone", "city", "capital", "resort", "complex", "palace", "centre", "center", "hall",
                          "residence", "venue"})
_SIDES_AFTER = re.compile(r"(?i)[^,.;]{0,30},\s*(?:the\s+two\s+(?:sides|ministers|leaders|presidents)|both\s+sides|"
                          r"the\s+(?:sides|parties))\b")
_SAID_AT = re.compile(r"(?i)\b(?:said|stated|noted|stressed|told|emphasi[sz]ed|discussed)\s+$")
_AT_A_MEETING_WITH = re.compile(r"(?i)\b(?:at|in|during)\s+an?\s+(?:[\w.'’-]+\s+){0,3}?(?:meeting|talks)\s+with\b")
_IN_A_MEETING = re.compile(r"(?i)\bin\s+an?\s+(?:[\w-]+\s+)?meeting\b(?!\s+(?:of|with)\b)")
_TOLD_ABOUT = re.compile(r"(?i)\b(?:informed|briefed|told|apprised|updated)\b")
# "co-chaired the regular meeting of the Commission": one session of a series, not a habit
_ONE_OF_SERIES = re.compile(r"(?i)\b(?:the|a|an|its|their)\s+(?:next\s+)?(?:regular|annual|periodic)\s+"
                            r"(?:[\w'’–-]+\s+){0,3}?(?:meeting|session|round|summit)$")


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



def _lead_index(sentences: list[Sentence]) -> int:
    """The report's lead: its first sentence of some length (not a heading or a bare dateline)."""
    return next((s.index for s in sentences if not s.heading and len(s.text) >= 40), -1)


# "Ambassador of Malaysia to Turkmenistan (with residence in Tashkent)": where the envoy sits
_RESIDENCE_BEFORE = re.compile(r"\b(?:residence|resident|residing)\s+in\s+$", re.I)
_VERB_LIST_ITEM = re.compile(r"\s*(?:[-–—•]|\d{1,2}[.)])\s+(?:also\s+)?[a-z]")  # "- held talks with ..."
_IN_PERSON_TALK = re.compile(r"(?i)\b(?:private|one-on-one|face-to-face|tête-à-tête|tete-a-tete|confidential)\s+"
                             r"conversation")
_HOSTED_BY = re.compile(r"(?i)\b(?:hosted|organi[sz]ed|mediated|brokered)\s+by\s+(?:the\s+)?$|"
                        r"\bat\s+the\s+invitation\s+of\s+(?:the\s+)?$")
_PLURAL_MEETINGS = re.compile(r"\bmeetings\b", re.I)
_SIDES = ("the two", "both", "both sides", "the parties", "the sides", "the interlocutors", "they")
_EXCHANGE = re.compile(r"\bexchange\b", re.I)
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.I)
_HEADER_PLACE = re.compile(r",\s+(?:the\s+Kremlin,\s+)?(?P<city>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?)\s*$", re.I)
_ELLIPTICAL_BY = re.compile(r",\s+and\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}by\b")

class EnglishRules:
    """The English rule set (see the module docstring)."""

    language = "en"

    def __init__(self) -> None:
        self.gaz: Gazetteer = load("en")
        self.date_patterns = DatePatterns(lex.DATE_WORDS)
        self.words = lex.ENTITY_WORDS

    # --- document-level -----------------------------------------------------------------
    def is_commentary(self, sentences: list[Sentence], title: str) -> bool:
        """Op-eds, analyses and expert comments report no meeting of their own."""
        if lex.COMMENTARY.match(title or "") or lex.RETROSPECTIVE.search(title or ""):
            return True
        if sentences and lex.RETROSPECTIVE.search(sentences[0].text):
            return True
        for s in sentences[:4]:
            if lex.COMMENTARY.match(s.text) or lex.OPINION_BYLINE.match(s.text) or re.match(r"^Author\s*:", s.text):
                return True
        if any(lex.OPINION_DISCLAIMER.search(s.text) for s in sentences[-3:]):
            return True
        return any(lex.ANALYST_SOURCE.search(s.text) for s in sentences[:2])

    def topics(self, text: str) -> tuple[str, ...]:
        """Topics of the sentences that report a meeting."""
        return topics_mod.tag(text, "en")

    # --- datelines ----------------------------------------------------------------------
    def _dateline(self, text: str, published: date | None) -> tuple[int, Place | None, date | None]:
        """(length, place, date) of the dateline opening ``text``, or (0, None, None); remembered,
        since the screen, the header and the analysis each ask (the Place is never changed)."""
        return memo.value(("en-dateline", self, text, published), lambda: self._read_dateline(text, published))

    def _read_dateline(self, text: str, published: date | None) -> tuple[int, Place | None, date | None]:
        m = lex.DATELINE.match(text)
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
            head = s.text[:lex.MAX_SENTENCE]
            first[head] = found = find_entities(head, self.gaz, self.words)
            for e in found.entities:
                if e.kind == PERSON and e.name and len(e.name.split()) > 1:
                    known.add(fold_surname(e.name.split()[-1]))
        # without a publication date, a dated header or dateline of the report stands in; with
        # one, a dateline a day or two earlier is the day "today" means (the story was filed then)
        header = self._header_date(sentences, published)
        reference = published or header
        if published is not None and header is not None and 0 < (published - header).days <= 3:
            reference = header
        infos: list[SentenceInfo] = []
        background = False
        lead_index = _lead_index(sentences)
        for s in sentences:
            info = self._sentence(s, reference, known, first, lead=s.index == lead_index)
            if s.first_in_paragraph:
                background = bool(lex.RECALL_SENTENCE.match(info.body))
            info.background = background or bool(lex.RECALL_SENTENCE.match(info.body))
            info.earlier_aside = info.background and lex.EARLIER_ASIDE.match(info.body) is not None
            infos.append(info)
        for k, info in enumerate(infos):
            if info.body.rstrip().endswith(":") and lex.PARTICIPATION.search(info.body):
                # "Taking part in the summit were:" and a line per delegation ("Kazakhstan – President X")
                for item in infos[k + 1 : k + 16]:
                    line = item.sentence.text  # (a short line without a period reads as a heading: read it whole)
                    listed = item.entities or find_entities(line, self.gaz, self.words).entities
                    if len(line) > 160 or item.triggers or not listed:
                        break
                    info.attendance += [e for e in listed if e.kind in (PERSON, TITLE)]
        for info in infos[:3]:
            if info.sentence.heading:
                info.header_place = self._header_place(info.body)
        lead = next((i for i in infos if not i.sentence.heading and i.body.strip()), None)
        if lead is not None and not lead.dates:
            lead.dates = find_dates(lead.body, self.date_patterns, reference)  # the report's day, if it tells one
        if published is None and reference is not None and infos and infos[0].dateline_date is None:
            infos[0].dateline_date = reference  # the header's date is the report's day
        return infos

    def tells_meeting(self, sentences: list[Sentence], published: date | None) -> bool:
        """Does any sentence hold a meeting expression (read as :meth:`_sentence` reads it)?"""
        lead_index = _lead_index(sentences)
        for s in sentences:
            if s.heading and not lex.MEETING_HEADING.match(s.text):
                continue
            cut = self._dateline(s.text, published)[0] if s.first_in_paragraph else 0
            body = s.text[cut:][: lex.MAX_SENTENCE]
            if body.strip() and self._trigger_spans(body, is_lead=cut > 0 or s.index == lead_index):
                return True
        return False

    def _has_day(self, body: str) -> bool:
        """Does the sentence name a day (a date, a weekday, "today")?"""
        return any(d.kind in (EXPLICIT, WEEKDAY, RELATIVE) and (d.day is not None or d.kind != EXPLICIT)
                   for d in find_dates(body, self.date_patterns, None))

    def _trigger_spans(self, body: str, is_lead: bool = False) -> list[tuple[int, int, str, str, bool]]:
        """:meth:`_find_trigger_spans`, remembered: the screen and the analysis both ask."""
        return memo.scan(("en-spans", body, is_lead), lambda: self._find_trigger_spans(body, is_lead))

    def _header_place(self, line: str) -> Place | None:
        """The city a dated header line ends with ("November 12, 2025, The Kremlin, Moscow";
        "Meeting of ... with ..., 7 January 2026, Ankara")."""
        m = _HEADER_PLACE.search(line)
        if m is None or not any(d.kind == EXPLICIT and d.has_year for d in find_dates(line, self.date_patterns, None)):
            return None
        ref = self._place_ref(m.group("city"))
        return Place(ref.ref.city, ref.ref.code) if ref is not None and ref.ref.type == CITY else None

    def _header_date(self, sentences: list[Sentence], published: date | None) -> date | None:
        """A date in the first lines: a dateline (its year from ``published`` if it has none)
        or a dated header with its year."""
        for s in sentences[:4]:
            _, _, dl_date = self._dateline(s.text, published)
            if dl_date is not None:
                return dl_date
            if s.heading or len(s.text) < 40:
                for d in find_dates(s.text, self.date_patterns, None):
                    if d.kind == EXPLICIT and d.has_year and d.value is not None:
                        return d.value
        return None

    def _sentence(self, s: Sentence, published: date | None, known: set[str],
                  first: dict[str, Mentions], lead: bool = False) -> SentenceInfo:
        """Findings for one sentence (dateline removed, length bounded)."""
        # a dateline opens a paragraph ("BAKU, March 3."): later sentences are not searched for one
        cut, dl_place, dl_date = self._dateline(s.text, published) if s.first_in_paragraph else (0, None, None)
        body = s.text[cut:][:lex.MAX_SENTENCE]
        info = SentenceInfo(sentence=s, body=body, dateline_place=dl_place, dateline_date=dl_date,
                            after_dateline=cut > 0 or lead)
        if (s.heading and not lex.MEETING_HEADING.match(body)) or not body.strip():
            return info
        mentions = first.get(body)
        if mentions is None or mentions.rejected & known:
            mentions = find_entities(body, self.gaz, self.words, known)
        # "...; Georgia stayed away": a state said to be absent is no party
        info.entities = [e for e in mentions.entities if not (e.kind == STATE and _ABSENT_AFTER.match(body, e.end))]
        info.places = mentions.places
        info.unqualified_ministry = bool(
            lex.AT_UNNAMED_MINISTRY.search(body)
        )
        info.triggers = self._triggers(body, info, mentions.places, published)
        self._heads(body, info)
        if lex.PARTICIPATION.search(body):
            # (not the host: "The talks, hosted by Kazakhstan, took place with the participation of ...")
            info.attendance = [e for e in info.entities if e.kind in (PERSON, TITLE, STATE, GROUP)
                               and not _HOSTED_BY.search(body, max(0, e.start - 30), e.start)]
        self._visit_context(body, info, mentions.places, published)
        return info

    def _zones(self, body: str) -> _Zones:
        """Where names in this sentence cannot be parties of its meetings."""
        spans = [(m.start(), m.end()) for m in lex.ATTRIBUTION_LEAD.finditer(body)]
        for rx in (lex.SETTING, lex.TOPIC, lex.RELATIVE, lex.ATTRIBUTION):
            spans += [(m.start(), m.end()) for m in rx.finditer(body)]
        return _Zones(spans)

    # --- triggers -----------------------------------------------------------------------
    def _find_trigger_spans(self, body: str, is_lead: bool = False) -> list[tuple[int, int, str, str, bool]]:
        """(start, end, kind, strength, passive) for every meeting expression in ``body`` (``is_lead``:
        the sentence follows the report's dateline, where the present tense tells today's news)."""
        found: list[tuple[int, int, str, str, bool]] = []
        if not lex.ANY_TRIGGER_WORD.search(body):
            return found  # most narrative sentences ("The sides discussed ...") hold no meeting

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e, *_ in found)

        video = lex.VIDEO_CUE.search(body)
        for m in lex.CREDENTIALS.finditer(body):
            found.append((m.start(), m.end(), "credentials", STRONG, False))
        for m in lex.CREDENTIALS_BY.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "credentials", STRONG, False))
        for m in lex.PHONE_VERB.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "phone_call", STRONG, False))
        for m in lex.CALLED_PERSON.finditer(body):
            if free(m.start(), m.end()) and not lex.PASSIVE_AUX.search(body[max(0, m.start() - 12) : m.start()]):
                found.append((m.start(), m.end(), "phone_call", STRONG, False))
        for cue in lex.PHONE_CUE.finditer(body):
            # the verb that goes with "by phone": nearest contact verb before it in the clause
            lo = max(0, cue.start() - 160)
            window = body[lo : cue.start()]
            verbs = [v for v in lex.CONTACT_VERB.finditer(window) if ";" not in window[v.start() :]]
            if verbs:
                v = verbs[-1]
                a = lo + v.start()
                if free(a, lo + v.end()):
                    found.append((a, lo + v.end(), "phone_call", STRONG, False))
            elif re.match(r"(?i)\s*(?:in|during|over|by)\b", body[cue.start() : cue.start() + 8]) and free(
                    cue.start(), cue.end()) and not lex.PHONE_LEAD.match(body):
                # "X congratulated Y in a phone call": the call is told by its circumstance
                found.append((cue.start(), cue.end(), "phone_call", BACKREF, False))
        phone_lead = lex.PHONE_LEAD.match(body)
        if phone_lead and free(phone_lead.start(), phone_lead.end()):
            # "In a phone call with X, Y discussed ...": both sides follow the cue
            text = phone_lead.group(0)
            found.append((phone_lead.start() + len(text) - len(text.lstrip()), phone_lead.end(),
                          "phone_call", STRONG, False))
        for m in lex.RECEIVED_BY.finditer(body):
            if not free(m.start(), m.end()):
                continue
            told = _EVENT_SUBJECT.search(body, max(0, m.start() - 60), m.start())
            if told is not None:
                # "The summit was hosted by X": more of the summit told before, with its host
                kind, multi = _kind_from_noun(told.group("n"))
                found.append((m.start(), m.end(), "multi:" + kind if multi else kind, BACKREF, False))
            else:
                found.append((m.start(), m.end(), "meeting", STRONG, True))
        for m in lex.HELD.finditer(body):
            if not free(m.start(), m.end()):
                continue
            if m.group(0)[:7].lower() == "holding" and not lex.HOLDING_AS_EVENT_BEFORE.search(body, 0, m.start()):
                continue  # "stressed the importance of holding the next meeting": a plan
            # "were held on the sidelines of the summit" is passive (a noun-phrase report), and
            # a preposition between "held" and the noun means the noun is not its object
            aux = lex.PASSIVE_AUX.search(body[max(0, m.start() - 12) : m.start()])
            passive = m.group(0).lower().startswith("held") and aux is not None
            generic = lex.GENERIC_HELD.search(m.group(0)) is not None and not _ONE_OF_SERIES.search(m.group(0))
            if passive or lex.PREPOSITION.search(m.group(0)[4:]) or generic:
                continue  # "held annual ministerial meetings": a habit, not a meeting
            kind, _multi = _kind_from_noun(body[m.start() : min(len(body), m.end() + 80)])
            if kind == "commission" and not re.search(r"commission", m.group(0), re.I) and not re.match(
                    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?commission", body[m.end() : m.end() + 90], re.I):
                kind = "meeting"
            if m.group("n").lower() in ("conversation", "conversations") and not re.search(r"phone", m.group(0), re.I) \
                    and not _IN_PERSON_TALK.search(m.group(0)):
                continue  # (but "held a private conversation followed by talks": a meeting)
            if m.group("n").lower().endswith("call") and kind == "meeting":
                kind = "video_call" if video else "phone_call"  # "held a call with": not in person
            if video and kind == "meeting":
                kind = "video_call"
            if kind == "meeting" and _kind_from_noun(m.group(0))[1]:
                kind = "multi:meeting"  # "held a trilateral meeting", "held a summit"
            found.append((m.start(), m.end(), kind, STRONG, False))
        for m in lex.JOINED_FOR.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.start() + 6, "multi:meeting", STRONG, False))  # the joiners' session
        for m in lex.TOOK_PART.finditer(body):
            # "X took part in the meeting of the OTS Council of Foreign Ministers": the session
            if free(m.start(), m.end()) and not lex.NOT_MEETING_NOUNS.search(m.group(0)):
                found.append((m.start(), m.end(), "multi:meeting", BACKREF, False))
        for m in lex.BEGAN_TALKS.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "video_call" if video else "meeting", STRONG, False))
        for m in lex.NOUN_HELD.finditer(body):
            if free(m.start(), m.end()):
                kind, multi = _kind_from_noun(m.group(0))
                found.append((m.start(), m.end(), "multi:" + kind if multi else kind, STRONG, False))
        for m in lex.MET.finditer(body):
            if free(m.start(), m.end()):
                multi = not video and lex.FOR_SUMMIT.match(body, m.end()) is not None
                found.append((m.start(), m.end(), "multi:meeting" if multi else "video_call" if video else "meeting",
                              STRONG, False))
        separate = lex.SEPARATE_MEETING.match(body)
        if separate is not None and not found:
            # the sides follow the setting, as the subject of the clause's verb
            found.append((separate.start(), separate.end(), _kind_from_noun(separate.group(0))[0], STRONG, False))
        if is_lead or lex.TODAY.search(body):
            for m in lex.PRESENT.finditer(body):
                if free(m.start(), m.end()) and not lex.NON_PERSON_OBJECT.match(body[m.end() :]):
                    found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in lex.CALLED_ON.finditer(body):
            urged = m.group(0).lower() == "called on" and lex.URGE_AFTER.match(body, m.end()) is not None
            if free(m.start(), m.end()) and not urged:
                found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in lex.GATHERED.finditer(body):
            # "gathered in Astana for their consultative meeting" (not "for the ceremony")
            after = body[m.end() : m.end() + 70]
            ev, other = lex.EVENT_NOUNS.search(after), lex.NOT_MEETING_NOUNS.search(after)
            if ev is None or (other is not None and other.start() < ev.start()):
                continue
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "multi:meeting", STRONG, False))
        for m in _HOSTED_EVENT.finditer(body):
            # "X hosted the 10th summit of the OTS": the session itself, with its host in it (a venue that
            # hosts one, "the Avaza tourist zone hosted the summit", is told by the venue rules)
            host = re.search(r"([\w\"”'’-]+)\s+$", body[: m.start()])
            if host is not None and (host.group(1)[-1] in "\"”'’" or host.group(1).lower() in _VENUE_NOUNS
                                     or self._place_ref(host.group(1)) is not None):
                continue
            if free(m.start(), m.end()):
                kind, multi = _kind_from_noun(m.group(0))
                found.append((m.start(), m.end(), "multi:" + kind if multi else kind, STRONG, False))
        for m in lex.RECEIVED.finditer(body):
            if _HOSTED_PARTICIPLE.search(body, max(0, m.start() - 40), min(len(body), m.end() + 4)) is not None:
                continue  # "through the meetings of the leaders hosted in Brussels": what was hosted, not who
            if free(m.start(), m.end()) and not lex.NON_PERSON_OBJECT.match(body[m.end() :]):
                found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in lex.RECEIVING.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "meeting", WEAK, False))
        for m in lex.POSS_MEETING.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "meeting", WEAK, False))
        if video and not found:
            verbs = [v for v in lex.CONTACT_VERB.finditer(body[: video.start()])]
            if verbs:
                v = verbs[-1]
                found.append((v.start(), v.end(), "video_call", STRONG, False))
        for m in lex.VISIT.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", VISIT, False))
        for m in lex.VISIT_NP.finditer(body):
            # "The state visit of President X to Turkmenistan began today"
            if free(m.start(), m.end()) and not lex.GENERIC_NP.search(body[max(0, m.start() - 12) : m.start()]):
                found.append((m.start(), m.end(), "visit", VISIT, False))
        for m in lex.VENUE_OF.finditer(body):
            after = body[m.end() : m.end() + 90]
            ev, other = lex.EVENT_NOUNS.search(after), lex.NOT_MEETING_NOUNS.search(after)
            if ev is None or (other is not None and other.start() < ev.start()) or not free(m.start(), m.end()):
                continue
            kind, multi = _kind_from_noun(after)
            found.append((m.start(), m.end(), "multi:" + kind if multi else kind, STRONG, False))
        heading = lex.MEETING_HEADING.match(body)
        if heading is not None:
            noun = heading.group("noun").lower()
            kind = "phone_call" if "phone" in noun or "telephone" in noun else (
                "video_call" if "video" in noun else "meeting")
            found.append((heading.start("noun"), heading.end("noun"), kind, STRONG, False))
        for m in lex.TALKS_HE_HELD.finditer(body):
            after = body[m.end() : m.end() + 120]
            if free(m.start("ref"), m.end()) and lex.SAME_TRIP.search(after):
                found.append((m.start("ref"), m.end(), _kind_from_noun(m.group(0))[0], WEAK, False))
        for m in _TALKS_HELD_EARLIER.finditer(body):
            # "informed about the talks held earlier in the day with X", "shared his impressions of the
            # meeting with X held earlier in the day": a further meeting of the trip, told in passing
            if free(m.start("n"), m.end("n")):
                found.append((m.start("n"), m.end("n"), "meeting", WEAK, False))
        for m in lex.CEREMONY_HELD.finditer(body):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "credentials", BACKREF, False))
        for p in lex.PREDICATE.finditer(body):
            clause_start = max(body.rfind(";", 0, p.start()) + 1, 0)
            np = body[clause_start : p.start()]
            # the subject noun phrase: the first event-like noun of the clause
            if _NON_DIPLOMATIC_BODY.search(body, clause_start, min(len(body), p.end() + 80)):
                continue  # "the session of the Russian-Azerbaijani Expert Council took place": experts, not states
            first_event = lex.EVENT_NOUNS.search(np)
            first_other = lex.NOT_MEETING_NOUNS.search(np)
            if not first_event or (first_other and first_other.start() < first_event.start()):
                continue
            # skip a leading adverbial ("On the same day, ", "According to the report, ")
            head_start = clause_start + first_event.start()
            lead = body[clause_start:head_start]
            lead_np = lead[lead.rfind(",") + 1 :] if "," in lead else lead
            # "A regular (trilateral) meeting ... was held today": one session of a series
            one_regular = re.fullmatch(r"(?i)\s*(?:a|the)\s+regular\s+(?:[\w-]+\s+){0,3}", lead_np) is not None \
                and not first_event.group(0).lower().endswith("s")
            if not one_regular and re.fullmatch(r"(?i)\s*regular\s+(?:[\w-]+\s+){0,2}", lead_np) and re.match(
                    r"(?i)consultations|talks|negotiations", first_event.group(0)) and self._has_day(body):
                # "On 12 November, regular political consultations ... were held": that day's round
                one_regular = True
            if not one_regular and (lex.GENERIC_NP.search(lead_np)
                                    or lex.GENERIC_NP.search(np[first_event.start() : first_event.end() + 5])):
                continue
            if re.search(r"\b(?:whose|which|that)\s*$", body[max(0, head_start - 20) : head_start], re.I):
                continue
            kind, multi = _kind_from_noun(body[head_start : p.start()])
            if kind == "meeting" and re.search(r"(?i)\b(?:tele)?phone\s*$", lead_np):
                kind = "phone_call"  # "a telephone conversation took place": the noun's own modifier
            if video and kind == "meeting":
                kind = "video_call"
            # "The meeting was held in ...", "The closed-door talks took place ...": the meeting
            # already reported; "the next round of consultations was held" is a new one
            definite = re.fullmatch(r"(?i)the\s+(?:[\w-]+\s+){0,2}", lead_np.lstrip()) is not None
            new_one = lex.NEW_ONE.search(lead_np) or re.search(r"(?i)rounds?|sessions?", first_event.group(0)) or (
                # "The telephone conversation between A and B also took place": another one, with its sides
                re.match(r"(?i)also\b", p.group(0)) is not None
                and re.search(r"(?i)\b(?:between|with)\b", body[head_start : p.start()]) is not None)
            strength = BACKREF if definite and not new_one else STRONG
            if multi and strength == BACKREF:
                strength = STRONG
            # the noun phrase starts after the last comma of the lead ("The Kazakh-Uzbek talks")
            np_start = clause_start + (lead.rfind(",") + 1 if "," in lead else 0)
            np_start += len(body[np_start:head_start]) - len(body[np_start:head_start].lstrip())
            if not free(np_start, p.end()):
                # "Talks between A and B, who is on a state visit to Azerbaijan, were held": the visit
                # told in a relative clause inside the noun phrase gives way to the talks
                inner = [f for f in found if f[0] < p.end() and f[1] > np_start]
                if all(f[2] == "visit" and any(a <= f[0] and f[1] <= b for a, b in (
                        r.span() for r in lex.INNER_RELATIVE.finditer(body, np_start, p.start()))) for f in inner):
                    found = [f for f in found if f not in inner]
            if free(np_start, p.end()):
                found.append((np_start, p.end(), "multi:" + kind if multi else kind, strength, False))
        # "A and B discussed the latest developments in a meeting on Sunday": a meeting told by its
        # circumstance, after the verb (an indefinite "a meeting" is a new one)
        for m in _AT_A_MEETING_WITH.finditer(body):
            # "Tokayev said at an Oct. 10 meeting with X": a new meeting (indefinite) told by its circumstance
            if free(m.start(), m.end()) and _SAID_AT.search(body, 0, m.start()):
                found.append((m.start(), m.end(), "meeting", STRONG, False))
        for m in _IN_A_MEETING.finditer(body):
            if free(m.start(), m.end()) and lex.CONTACT_VERB.search(body, 0, m.start()):
                found.append((m.start(), m.end(), "meeting", STRONG, False))
        # "X and Y discussed ... during talks in Moscow": the talks, or more about them
        for m in lex.DURING_TALKS.finditer(body):
            if free(m.start(), m.end()):
                kind, _ = _kind_from_noun(m.group(0))
                found.append((m.start(), m.end(), kind, BACKREF, False))
        # a noun-only report at the event: "reached today in Islamabad at the third round of ...
        # Political Consultations" (consultations / commission sessions named as such)
        for m in lex.AT_ROUND_OR_SESSION.finditer(body):
            if found:
                break
            kind, _ = _kind_from_noun(m.group("np"))
            found.append((m.start(), m.end(), kind, STRONG, False))
        found.sort()
        return found

    def _triggers(self, body: str, info: SentenceInfo, places: list[PlaceMention],
                  published: date | None) -> list[Trigger]:
        """Each meeting expression with its subject, objects, date and place (dates are read
        only in sentences that tell a meeting or a visit)."""
        spans = self._trigger_spans(body, info.after_dateline)[:lex.MAX_TRIGGERS]
        out: list[Trigger] = []
        if not spans:
            return out
        info.dates = find_dates(body, self.date_patterns, published)
        zones = self._zones(body)
        relative = [m.span() for m in lex.INNER_RELATIVE.finditer(body)]
        ents = info.entities
        prev_subject: list[Entity] = []
        prev_ref: str | None = None
        prev_end = 0
        for n, (start, end, kind, strength, passive) in enumerate(spans):
            before = body[max(0, start - 80) : start]
            if strength != BACKREF and (
                lex.FUTURE_BEFORE.search(before) or lex.INFINITIVE_BEFORE.search(before)
                or lex.FUTURE_CLAUSE.search(before)
            ):
                continue
            if lex.LOOK_FORWARD.search(before):
                continue  # a wish, whatever the noun refers to
            if strength != BACKREF and lex.RECALLED_RELATIVE.search(body, 0, start):
                continue
            if lex.REACHED_AT.search(before):
                continue  # "the agreements reached during the meeting": an earlier one
            if _TIME_AFTER.search(body, 0, start):
                continue  # "The trip comes two months after X visited Ashgabat, where he met Y": the earlier one
            if strength != BACKREF and (lex.RECALL_BEFORE.search(before) or lex.RECALL_AFTER.match(body, end)):
                # "he had met X earlier in the day / during the visit": a further meeting of
                # the same trip, kept when it shares a participant with the reported one
                # ("she noted that earlier in the day she had held talks with X": the day told before the verb)
                same_trip = lex.SAME_TRIP.search(body, end, min(len(body), end + 120)) or lex.SAME_TRIP.search(
                    body, max(0, start - 60), start) or lex.RECENT_DAY.search(body, max(0, start - 100), start)
                if not same_trip or lex.RECALL_AFTER.match(body, end):
                    continue
                strength = WEAK
            nxt = spans[n + 1][0] if n + 1 < len(spans) else len(body)
            # clause limits
            cstart = 0
            for cb in lex.CLAUSE_BREAK.finditer(body, 0, start):
                cstart = cb.end()
            cend = _clause_end(body, end, nxt)
            if body.startswith(":", end) or body[end : end + 2] == " :":
                cend = nxt  # "were presented by: 1. Ambassador X; 2. Ambassador Y": the list is the object
            multi_hint = kind.startswith("multi:")
            kind = kind.removeprefix("multi:")
            trig = Trigger(kind=kind, start=start, end=end, strength=strength, multilateral_hint=multi_hint)

            own = _Zones([z for z in zones.spans if not (z[0] <= start < z[1])])
            usable = own.usable

            subj_lo = max(cstart, prev_end if n else 0)
            subj = [e for e in ents if usable(e, subj_lo, start)] + [e for e in ents if usable(e, start, end)]
            said = [r for r in _REPORTED_THAT.finditer(body, subj_lo, start)][-1:]
            trig.reported = bool(said)
            inner = [e for e in subj if said and e.start >= said[0].end() and e.end <= start]
            if inner:
                # "The minister informed the head of state that yesterday he and X had co-chaired ...": the
                # reported clause has its own subject after "that"; its "he" is the one who tells
                teller = [e for e in subj if e.end <= said[0].start() and e.kind in (PERSON, TITLE) and not e.plural]
                he = re.search(r"\b(?:he|she)\s+and\b", body[said[0].end() : start], re.I) is not None
                subj = (teller[:1] if he else []) + [e for e in subj if e.start >= said[0].end()]
            told_earlier = _TALKS_HELD_EARLIER.search(body, max(0, start - 12)) if strength == WEAK else None
            guest_tells = False
            if strength == WEAK and told_earlier is not None and told_earlier.start("n") == start:
                # the one who tells of them is the sentence's subject, not whom he tells ("The distinguished
                # guest informed the President that the talks held earlier today with X ...": the guest)
                guest_tells = _GUEST_SUBJECT.match(body) is not None
                subj = [] if guest_tells else ([e for e in subj if e.kind in (PERSON, TITLE)][:1] or subj[:1])
            elif strength == WEAK and len(subj) > 1 and _TOLD_ABOUT.search(body, subj[0].end, subj[-1].start):
                subj = subj[:1]  # "X informed the Head of State about the results of his talks with Z": X's
            told = lex.TALKS_HE_HELD.search(body, max(0, start - 60), end)
            if told is not None and told.start("ref") == start:
                # "X informed Y about the talks he held with Z": "he" is the sentence's subject
                subj = [e for e in ents if e.kind in (PERSON, TITLE) and e.end <= start][:1]
            if not subj:
                # "During the visit to Baku Foreign Minister X met Y": the name right before the verb
                subj = [e for e in ents if e.kind in (PERSON, TITLE) and subj_lo <= e.start and e.end <= start
                        and body[e.end : start].strip(" ,") in ("", "also", "then")][-1:]
            during = strength == BACKREF and (lex.DURING_TALKS.fullmatch(body[start:end]) is not None
                                              or lex.PHONE_CUE.fullmatch(body[start:end]) is not None)
            told_held = lex.NOUN_HELD.fullmatch(body, start, end) is not None
            # ("X began the day with talks": "began" is X's verb here, not the predicate of a noun phrase)
            predicate = lex.PREDICATE.search(body[start:end]) is not None and lex.BEGAN_TALKS.fullmatch(
                body, start, end) is None
            trig.noun_phrase = during or strength == BACKREF or told_held or predicate
            if not during and (strength == BACKREF or told_held or predicate):
                # noun-phrase trigger: parties sit inside the noun phrase ("between A and B",
                # "with President X") and in the rest of the clause
                subj = [e for e in ents if usable(e, start, end)]
            objs = [e for e in ents if usable(e, end, cend)]
            ref_m = None
            if subj and all(e.kind == TITLE and e.plural and not e.country for e in subj):
                subj, ref_m = [], "the two"  # "The presidents held talks": the ones just named
            if re.search(r",\s*who\s+(?:also\s+|then\s+)?$", body[max(0, start - 30) : start]):
                # "met the new ambassador, who presented a copy of his credentials": the same meeting
                subj, ref_m = [], "who"
            elif not subj and ref_m is None and kind == "credentials" and lex.CREDENTIALS_BY.fullmatch(body[start:end]):
                ref_m = "he"  # "Credentials were presented by ...": to the one who received them
            elif not subj and ref_m is None:
                lead = body[subj_lo:start]
                refs = list(lex.SUBJECT_REFS.finditer(lead))
                earlier = [e for e in ents if e.kind == PERSON and e.end <= start and not own.inside(e.start, e.end)]
                if not earlier and ents and ents[0].kind == TITLE and not ents[0].plural and ents[0].end <= start \
                        and not own.inside(ents[0].start, ents[0].end):
                    earlier = ents[:1]  # "The Chairperson of the Mejlis noted that she had held talks": her
                if refs:
                    ref_m = refs[-1].group("ref").lower()
                    if ref_m in ("he", "she") and earlier:
                        subj, ref_m = earlier[:1], None
                    elif ref_m.endswith(("guest", "visitor")):
                        ref_m = "the guest"
                elif n and prev_subject:
                    subj = prev_subject
                elif n and prev_ref:
                    ref_m = prev_ref
            if not subj and not objs and ref_m is None and lex.PHONE_LEAD.match(body) is not None \
                    and _SIDES_AFTER.match(body, end) is not None:
                # "During a phone call on Thursday, the two sides discussed ...": the pair named before
                ref_m = "the two"
            owner = _OWN_CALL.match(body, start, end) if not subj and ref_m is None else None
            if owner is not None:
                ref_m = "he" if owner.group(1).lower() == "his" else "she"  # "In his call with X, ...": his
            if guest_tells:
                ref_m = "the guest"
            if not subj and ref_m is None and _VERB_LIST_ITEM.match(body):
                ref_m = "he"  # "Within the visit, Minister Fidan\n- held talks with ...": the list's lead names him
            trig.subject = subj
            trig.subject_ref = ref_m
            if strength == STRONG and not subj and ref_m in _SIDES and _EXCHANGE.search(body, start, end):
                trig.strength = BACKREF  # "The sides had a detailed exchange of views": at the meeting told
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
                # "During the meeting, the minister told of the signing in Washington on August 8":
                # a leading "during the meeting" tells no place or day of its own beyond its phrase
                reach = len(body)
                if during and body.startswith(",", end):
                    reach = end
                # a place inside a relative clause on something else ("the declaration, which we
                # signed in Moscow, ...") is where that happened, not the meeting; "the talks, which
                # began in Almaty on May 10, continued": the clause tells of the talks themselves
                began = _BEGAN_CLAUSE.search(body, start, min(len(body), end + 80))
                own_relative = [r for r in relative if not (began and r[0] <= began.start() < r[1])]
                own_places = [pm for pm in places if not any(a <= pm.start < b and not a <= start < b
                                                             for a, b in own_relative)]
                trig.location = self._location(body, cstart, reach, own_places, any_prefix=False)
            # one meeting per counterpart ("met A and B"; "held separate telephone conversations with A
            # and B"), but not for a summit or a meeting told by its noun ("The third meeting of the
            # Platform was held ... with the participation of A, B and C": one session)
            separate_calls = _SEPARATE.search(body, start, min(len(body), end + 10)) is not None or _CALLS.search(
                body, start, end) is not None  # "held phone calls with A, B and C": one each
            trig.split_objects = (kind in ("meeting", "video_call", "credentials") or (
                kind == "phone_call" and separate_calls)) \
                and strength == STRONG and not passive and not multi_hint \
                and not (trig.noun_phrase and not during and _PLURAL_MEETINGS.search(body, start, end) is None)
            # a date inside a relative clause ("X, who arrived on Tuesday, held talks") is the
            # clause's own, not the meeting's
            dates = [d for d in info.dates if not any(a <= d.start and d.end <= b and not a <= start < b
                                                      for a, b in relative)]
            if during and body.startswith(",", end):
                dates = [d for d in dates if d.end <= end]
            trig.date = pick_date(dates, start, end, anchor=WEEKDAY, gap=4)
            began = _BEGAN_CLAUSE.search(body, start, min(len(body), end + 80)) if kind != "visit" else None
            if began is not None and trig.date is not None and trig.date.value is not None:
                first = next((d for d in info.dates if began.start() <= d.start < began.end() and d.value), None)
                if first is not None and first.value is not None and first.value < trig.date.value:
                    trig.date = replace(first, end_value=trig.date.value)  # began on one day, went on to another
            if start == 0 and lex.MEETING_HEADING.match(body):
                # the heading's trailing ", Ankara" is where the meeting was, not a party to it
                place = self._header_place(body)
                if place is not None:
                    trig.location = place
                    trig.objects = [e for e in trig.objects if not (e.kind == STATE and body.endswith(e.text))]
                trig.split_objects = False  # "of A with B": both sides follow the noun
            if start == 0 and lex.SEPARATE_MEETING.fullmatch(body, start, end):
                # "In a separate meeting ..., the Iranian top diplomat and his Armenian counterpart discussed"
                trig.subject, trig.objects, trig.noun_phrase, trig.split_objects = [], subj + objs, True, False
            if lex.VENUE_OF.fullmatch(body, start, end):
                # the sides are in the event's noun phrase; the place is the venue told before the verb
                city = next((pm for pm in reversed(places) if pm.ref.type == CITY and cstart <= pm.start < start), None)
                trig.subject, trig.noun_phrase, trig.split_objects = [], True, False
                trig.objects = [e for e in ents if end <= e.start and e.end <= cend]  # past "for the meeting"
                if city is not None:
                    trig.location = Place(city.ref.city, city.ref.code)
            host_city = self._city_as_host(body, trig, places)
            if host_city is not None:
                # "Tbilisi hosted the 12th meeting of the Intergovernmental Commission": the city is
                # the place, the event's own noun phrase names the sides and the kind
                trig.location, trig.subject, trig.noun_phrase, trig.split_objects = host_city, [], True, False
                trig.kind = _kind_from_noun(body[end : min(len(body), end + 120)])[0]
            out.append(trig)
            if ref_m == "who":
                continue  # a relative clause leaves the main clause's subject in place
            prev_subject = subj
            prev_ref = ref_m
            prev_end = cend
        return out

    def _location(self, body: str, lo: int, hi: int, places: list[PlaceMention], any_prefix: bool) -> Place | None:
        """Where the meeting took place: "in/at <city>", "at Turkmenistan's Ministry of ..."
        (its capital), or for visits "to <country>"; never a pipeline like "Baku-Tbilisi"."""
        for pm in places:
            if pm.ref.type != CITY or not (lo <= pm.start < hi):
                continue
            if body[pm.end : pm.end + 1] in ("-", "–") or body[pm.start - 1 : pm.start] in ("-", "–"):
                continue
            if lex.CITY_PREFIX.search(body[max(0, pm.start - 60) : pm.start]) and not _RESIDENCE_BEFORE.search(
                    body, max(0, pm.start - 20), pm.start):
                return Place(pm.ref.city, pm.ref.code)
        capital = self._capital_named(body, lo, hi, places)
        if capital is not None:
            return capital
        m = lex.MINISTRY_AT.search(body, lo, hi) if lo < hi else None
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

    def _city_as_host(self, body: str, trig: Trigger, places: list[PlaceMention]) -> Place | None:
        """The city that "hosted" the meeting told after the verb, if the subject is a city."""
        if not re.match(r"(?i)(?:has\s+)?hosted\b", body[trig.start : trig.end]) or len(trig.subject) > 1:
            return None
        if not lex.EVENT_NOUNS.search(body, trig.end, min(len(body), trig.end + 60)):
            return None
        if trig.subject:
            subject = trig.subject[0]
            if subject.kind != STATE:
                return None
            city = next((pm for pm in places if pm.ref.type == CITY and pm.start == subject.start), None)
        else:
            # "the Avaza national tourist zone hosted the first summit": a venue in the city named
            city = next((pm for pm in reversed(places) if pm.ref.type == CITY and trig.start - 60 <= pm.start
                         and pm.end <= trig.start), None)
        return Place(city.ref.city, city.ref.code) if city is not None else None

    def _capital_named(self, body: str, lo: int, hi: int, places: list[PlaceMention]) -> Place | None:
        """"in the Qatari capital", "in the capital of Qatar": the capital of the state named."""
        m = lex.IN_CAPITAL.search(body, lo, hi) if lo < hi else None
        if m is None:
            return None
        group = "adj" if m.group("adj") else "of"
        for pm in places:
            if pm.ref.type == COUNTRY and m.start(group) <= pm.start and pm.end <= m.end(group):
                city = self.gaz.capitals.get(pm.ref.code)
                return Place(city, pm.ref.code) if city else None
        return None

    # --- side information ---------------------------------------------------------------
    def _heads(self, body: str, info: SentenceInfo) -> None:
        """Delegation heads and co-chairs: "X headed the Azerbaijani delegation", "the Turkmen
        side was led by Y", "The consultations were co-chaired by A and B"."""
        heads: list[Entity] = []
        if not (lex.HEAD_PASSIVE.search(body) or lex.HEAD_ACTIVE.search(body) or lex.SIDE_BY.search(body)):
            info.heads = heads  # no clause can name a head (each clause is a slice of the body)
            return
        clauses = [(0, len(body))]
        cuts = [m.start() for m in re.finditer(r",\s+(?:and|while|whereas)\s+|;\s*", body)]
        if cuts:
            bounds = [0, *cuts, len(body)]
            clauses = list(itertools.pairwise(bounds))
        passive_before = False
        for a, b in clauses:
            clause = body[a:b]
            # "... is chaired by X, and the Russian part by Y": the verb is left out of the second
            elliptical = passive_before and _ELLIPTICAL_BY.match(clause) is not None
            side = None
            sm = re.search(r"(?P<w>[A-Z][\w-]+)(?:'s|’s)?\s+(?:delegation|side|part)\b", clause)
            if sm:
                ref = self._place_ref(sm.group("w"))
                if ref is not None and ref.ref.type != CITY:
                    side = ref.ref.code
            pm = lex.HEAD_PASSIVE.search(clause) or lex.SIDE_BY.search(clause) or (
                _ELLIPTICAL_BY.match(clause) if elliptical else None)
            passive_before = pm is not None
            am = lex.HEAD_ACTIVE.search(clause)
            ents = [e for e in info.entities if a <= e.start and e.end <= b and e.kind in (PERSON, TITLE)]
            if pm:
                # (a name whose title chain took in the words before "by" still ends after it)
                chosen = [e for e in ents if e.end > a + pm.end() and (e.start >= a + pm.end() or e.kind == PERSON)]
            elif am and not lex.DELEGATION_LED.search(clause) and re.match(
                r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}(?:delegations?|side|consultations|talks|meeting|session)\b",
                clause[am.end() :], re.I,
            ):
                chosen = [e for e in ents if e.end <= a + am.start()]  # "X and Y led their delegations"
            else:
                continue
            for e in chosen:
                if e.kind == PERSON or e.name:
                    heads.append(e if e.country or not side else e.with_country(side))
                elif e.kind == TITLE and not e.plural and (e.country or side):
                    # "the Georgian side was represented by the First Deputy Minister of Foreign Affairs"
                    heads.append(e if e.country else e.with_country(side))
        info.heads = heads

    def _visit_context(self, body: str, info: SentenceInfo, places: list[PlaceMention],
                       published: date | None) -> None:
        """Where the visit told in this sentence takes place (not a recalled or planned one)."""
        if not lex.VISIT_CONTEXT.search(body) or lex.RECALL_WORDS.search(body):
            return
        cue = len(body)
        for m in lex.VISIT_CONTEXT.finditer(body):
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
            # the visitor is the first person or delegation named before the visit words, or the
            # one a relative clause speaks of ("received X, who is on an official visit")
            before = [e for e in info.entities if e.kind in (PERSON, TITLE, GROUP) and e.start < cue]
            who = re.search(r",\s*who\s+(?:[\w-]+\s+){0,5}$", body[max(0, cue - 50) : cue])
            info.visitor = before[-1:] if who else before[:1]
            if not info.triggers:
                info.dates = find_dates(body, self.date_patterns, published)
            spans = [d for d in info.dates if d.kind == EXPLICIT]
            if spans and spans[0].value is not None and spans[0].end_value is not None:
                info.visit_span = (spans[0].value, spans[0].end_value)


__all__ = ["DATE_WORDS", "ENTITY_WORDS", "GROUP", "STATE", "TITLE", "EnglishRules"]
