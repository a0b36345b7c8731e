"""From sentence findings to meeting records (language-independent).

The rules an analyst applies to a whole report live here: "the parties" and "he" refer back,
a title alone ("the head of state") is the named holder of that office in the report, a name
is written in full where the report gives it in full, undated further meetings share the day
(and city) of the one before, a meeting dated well before the lead one is recalled, one-on-one
and enlarged talks are one meeting, a visit is kept only when no more specific meeting is
told, an unnamed side is the host of the visit or the country an ambassador serves in, a
session's host takes part in it, and a record needs two parties (an organisation's council
meeting as such excepted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from scraper.meetings.analysis import BACKREF, STRONG, VISIT, WEAK, LanguageRules, Place, SentenceInfo, Trigger
from scraper.meetings.dates import EXPLICIT, MONTH, RELATIVE, SAME_DAY, WEEKDAY, DateMention, shift
from scraper.meetings.gazetteer import Gazetteer, fold_surname
from scraper.meetings.model import Location, MeetingRecord, Participant
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, Entity
from scraper.meetings.text import Sentence

STALE_DAYS = 10  # a report tells of meetings of the last days; older dated ones are recalled
LATE_REPORT_DAYS = 21  # ... except the meeting it opens with, which a slow outlet may report late
GENERIC_OFFICES = frozenset({"minister", "head", "counterpart"})
# a generic title refers back to a person holding one of these offices
_GENERIC_FAMILY = {
    "minister": frozenset({"minister", "foreign_minister", "deputy_foreign_minister", "defence"}),
    "president": frozenset({"president"}),
    "head": frozenset({"president", "prime_minister", "foreign_minister", "speaker", "halk_chairman",
                       "secretary_general", "head"}),
}
_PLURAL_REFS = ("the two", "both", "the parties", "the sides", "the interlocutors", "the leaders",
                "the ministers", "the officials", "the diplomats", "the delegations", "they")


@dataclass(slots=True)
class _Person:
    """One person the report names, with what it says about them."""
    name: str
    country: str | None
    office: str | None
    role: str | None


def _words_within(short: list[str], long: list[str]) -> bool:
    """Are the words of one name all in another, in order ("Shehbaz Sharif" in "Muhammad Shehbaz Sharif")?"""
    it = iter(long)
    return len(short) < len(long) and all(w in it for w in short)


@dataclass(slots=True)
class _Registry:
    """Everyone the report names, by folded surname (for full names and title coreference)."""

    gaz: Gazetteer
    people: dict[str, list[_Person]] = field(default_factory=dict)

    def add(self, e: Entity) -> None:
        if e.kind != PERSON or not e.name:
            return
        key = fold_surname(e.name.split()[-1])
        lst = self.people.setdefault(key, [])
        for p in lst:
            if p.name == e.name or (e.name.split()[-1] == p.name.split()[-1] and len(e.name.split()) == 1):
                p.country = p.country or e.country
                p.office = p.office or e.office
                p.role = p.role or e.role
                return
            if len(e.name.split()) == 1 and p.name.endswith(e.name):
                return
        lst.append(_Person(e.name, e.country, e.office, e.role))

    def lookup(self, name: str, country: str | None) -> _Person | None:
        """The person a name refers to, preferring the full name and the given country."""
        key = fold_surname(name.split()[-1])
        cands = self.people.get(key, [])
        parts = name.split()
        if len(parts) > 1:
            cands = [p for p in cands if p.name == name or p.name.split()[0] == parts[0]
                     or _words_within(parts, p.name.split())] or cands
        if country:
            cands = [p for p in cands if p.country in (None, country)] or cands
        full = {p.name for p in cands if len(p.name.split()) > 1}
        # "Shehbaz Sharif" is "Muhammad Shehbaz Sharif" written shorter: one person
        full = {n for n in full if not any(o != n and _words_within(n.split(), o.split()) for o in full)}
        if len(full) > 1:
            exact = [p for p in cands if p.name == name]
            return exact[0] if exact else None
        return max(cands, key=lambda p: len(p.name), default=None)

    def by_office(self, office: str | None, country: str | None, role: str | None) -> _Person | None:
        """The one named holder of an office in the report, if exactly one."""
        if office is None:
            return None
        exact: list[_Person] = []
        akin: list[_Person] = []  # holders of the office under another first title (a speaker: the Halk chairman)
        for lst in self.people.values():
            for p in lst:
                if country and p.country and p.country != country:
                    continue
                if not country and office in GENERIC_OFFICES:
                    continue
                if len(p.name.split()) < 2:
                    continue
                if p.office == office and (office not in GENERIC_OFFICES or (
                        role is not None and p.role is not None and p.role.lower() == role.lower())):
                    exact.append(p)
                elif office == "speaker" and country and p.country == country and p.office == "halk_chairman":
                    akin.append(p)
                elif office == "foreign_minister" and country and p.country == country and p.role \
                        and _FOREIGN_MINISTER_ROLE.search(p.role):
                    akin.append(p)  # "Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs X"
        for found in (exact, exact + akin):
            if found:
                return found[0] if len({p.name for p in found}) == 1 else None
        return None

    def country_of(self, name: str) -> str | None:
        """A person's country from the report, else from the list of well-known office holders."""
        p = self.lookup(name, None)
        if p and p.country:
            return p.country
        return self.gaz.person_country(fold_surname(name.split()[-1]))


_Day = date  # the field below is called "date"


@dataclass(slots=True)
class _Event:
    """A meeting being assembled (mutable until it becomes a record)."""

    kind: str
    strength: str
    sent: int
    evidence: str
    participants: list[Entity]
    parties: set[str]
    date: _Day | None = None
    end_date: _Day | None = None
    exact: bool = False
    explicit: bool = False
    location: Place | None = None
    multilateral_hint: bool = False
    noun_trigger: bool = False
    topics_text: str = ""
    opening: bool = False  # told in the report's first sentences (the news itself)
    day_offset: int = 0  # "the day before" a meeting whose day is not known yet
    reported: bool = False  # told in someone's words: no day for "on the same day" to refer to

    def countries(self) -> set[str]:
        out = set(self.parties)
        out |= {p.country for p in self.participants if p.country}
        return out

    def named(self) -> set[str]:
        return {fold_surname(p.name.split()[-1]) for p in self.participants if p.name}


_SAME_DESK = ({"foreign_minister", "deputy_foreign_minister"},)


def _same_desk(a: Entity, b: Entity) -> bool:
    """The foreign minister and his deputy listed together receive the guest together."""
    if a.country is not None and b.country is not None and a.country != b.country:
        return False
    return any(a.office in desk and b.office in desk for desk in _SAME_DESK)


# "on the sidelines of the session": a meeting held where a session is
_SIDELINES = re.compile(r"(?i)\bon the (?:sidelines|margins|fringes)\b|\bна полях\b|\bв кулуарах\b")
# a title that names its desk: "Deputy Minister ...", "Minister of Economy of ..."
_DEPUTY = re.compile(r"(?i)\b(?:deputy|vice|first\s+deputy|заместител\w*|замминистр\w*)")
_OF_WORD = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(\w+)")
_STATE_WORDS = frozenset({"Republic", "State", "Kingdom", "Federation", "Sultanate", "Emirate", "People"})
# "held a series of bilateral meetings", "провел серию встреч": a summary of meetings told one by one
_SERIES = re.compile(r"(?i)\b(?:a\s+(?:number|series)\s+of|several)\s+(?:[\w-]+\s+)?meetings\b|"
                     r"\b(?:сери[юи]|ряд|нескольк\w+)\s+(?:[\w-]+\s+)?встреч\b")
_ONE_MEETING = re.compile(r"(?i)\b(?:a\s+(?:[\w-]+\s+)?meeting|встречу)\b")  # one meeting, not "met" or "meetings"
_WITHIN_VISIT = re.compile(r"(?i)\b(?:within the framework of|as part of|during|in the course of|in the framework of)"
                           r"\s+(?:the|his|her|this)\s+(?:[\w-]+\s+)?visit\b|\bв\s+(?:рамках|ходе)\s+(?:[\w-]+\s+)?визита\b")
# a head named only as such ("the head of the Turkmen side"), not a governor or a director
_GENERIC_HEAD = re.compile(r"(?i)(?:the\s+)?(?:[\w-]+\s+)?(?:head|leader|глава|руководитель|лидер)\b")
_LEVEL_OF = re.compile(r"(?i)\b(?:level\s+of|уровне)\s+$")
_TOOK_PLACE = re.compile(r"(?i)\b(?:took\s+place|(?:was|were)\s+held|took\s+part|participated|attended|"
                         r"состоял\w*|прош(?:ел|ёл|ла|ло|ли)|проход\w*|принял\w*\s+участие|участвовал\w*)\b")
_FOREIGN_MINISTER_ROLE = re.compile(r"(?i)minister\s+of\s+foreign\s+affairs|foreign\s+minister|"
                                    r"министр\w*\s+иностранных\s+дел|глав\w+\s+МИД")
_ALSO = re.compile(r"(?i)\b(?:также|also)\b")
_PAIR_WORD = re.compile(r"(?i)\b(?:the\s+two|both|the\s+three|обоих|обеих)\s+$")
_RECEIVED = re.compile(r"(?i)\b(?:received|hosted|принял[аи]?)\b")
_AND = re.compile(r"\b(?:and|и)\b")
# a list goes on: "..., and Mr. X", "... и X", "; X" (not an "и" inside a title: "для Азии и Тихого океана")
_LIST_JOIN = re.compile(r"(?i)(?:^|,)\s*(?:and|и|а\s+также|as\s+well\s+as)\b|;")


def _unit_groups(objs: list[Entity], text: str = "", join_sides: bool = False) -> list[list[Entity]]:
    """Counterparts listed after "met": one group per person or title-only mention (``join_sides``:
    the verb tells one meeting, "held a meeting with A and B", so people of one state are one side)."""
    units: list[list[Entity]] = []
    for e in objs:
        if e.kind == PERSON and units and units[-1] and text and (
                not e.country or e.country in {u.country for u in units[-1]}) and all(
                u.kind in (TITLE, GROUP, STATE) and not u.plural for u in units[-1]) and any(
                u.kind == TITLE for u in units[-1]) and not _LIST_JOIN.search(text[units[-1][-1].end : e.start]):
            # "заместителя Генерального секретаря ООН, исполнительного секретаря ЭСКАТО Армиду ...":
            # titles stacked before one name, with no "and" between, are that person's
            desk = next((u.country for u in units[-1] if u.country), None)
            units[-1] = [e.with_country(desk) if desk else e]
            continue
        if e.kind == TITLE and not e.plural and units and units[-1] and text and all(
                u.kind == TITLE and not u.plural for u in units[-1]) and re.fullmatch(
                r"\s*,\s*", text[units[-1][-1].end : e.start]):
            units[-1].append(e)  # a second title after a comma: stacked, until a name or an "and"
            continue
        if join_sides and e.kind == PERSON and e.role and _AND.search(e.role) and units and units[-1] and any(
                u.kind == PERSON and u.role == e.role and u.country != e.country for u in units[-1]):
            # "принял министров иностранных дел Армении и Азербайджана A и B": guests received together
            units[-1].append(e)
            continue
        if join_sides and e.kind == PERSON and e.country and text and units and units[-1] and all(
                u.kind == PERSON for u in units[-1]) and e.country in {u.country for u in units[-1]} and (
                gap := text[units[-1][-1].end : e.start]) and ";" not in gap and len(gap) < 80 and _AND.search(gap):
            # "met the President of Turkmenistan X and the Chairman of its parliament Y": one side
            units[-1].append(e)
            continue
        if e.kind in (PERSON, TITLE) and units and any(_same_desk(u, e) for u in units[-1]):
            desk = next(u.country for u in units[-1] if _same_desk(u, e))
            units[-1].append(e if e.country or not desk else e.with_country(desk))
        elif e.kind in (PERSON, TITLE):
            # "the delegation of the EU led by X": the person heads the group just named
            if units and all(u.kind in (GROUP, STATE) for u in units[-1]) and (
                e.country is None or e.country in {u.country for u in units[-1]}
            ):
                groups = [u.country for u in units[-1] if u.country]
                units[-1].append(e if e.country or not groups else e.with_country(groups[0]))
            else:
                units.append([e])
        elif e.kind in (GROUP, STATE):
            if units:
                units[-1].append(e)
            else:
                units.append([e])
    return units


def _key(e: Entity) -> str:
    """Folded surname: the identity of a participant within one report."""
    return fold_surname(e.name.split()[-1]) if e.name else ""


class _Document:
    """The state of one report while its meetings are assembled."""

    def __init__(self, infos: list[SentenceInfo], published: date | None, gaz: Gazetteer) -> None:
        self.infos = infos
        self.published = published
        self.gaz = gaz
        self.registry = _Registry(gaz)
        for info in infos:
            for e in info.entities:
                self.registry.add(e)
        self.dateline_place = next((i.dateline_place for i in infos if i.dateline_place), None)
        self.header_place = next((i.header_place for i in infos if i.header_place), None)
        self.dateline_date = next((i.dateline_date for i in infos if i.dateline_date), None)
        self.visit_place = next((i.visit_place for i in infos if i.visit_place and not i.background), None)
        self.visit_span = next((i.visit_span for i in infos if i.visit_span), None)
        self.visitors = {e.name for i in infos for e in i.visitor if e.name}
        self.visitor_entities = [e for i in infos if not i.background for e in i.visitor if e.country]
        self.events: list[_Event] = []
        self.last_subject: Entity | None = None
        self.subjects: list[Entity] = []  # every sentence's subject so far, for "the minister"
        self.delegation_heads: dict[str, Entity] = {}  # country -> the named head of its delegation
        self.series_host: Entity | None = None  # "X held a series of bilateral meetings": X, at each of them
        self.organisations = {p.ref.code for i in infos for p in i.places if p.ref.type == "org"}
        self.capitals_of = set(gaz.capitals)

    # --- who --------------------------------------------------------------------------------
    def resolve(self, e: Entity) -> Entity:
        """Full name, country and office for a mention; a title alone becomes its named holder."""
        reg = self.registry
        if e.kind == PERSON and e.name:
            p = reg.lookup(e.name, e.country)
            name = e.name
            if p is not None and len(p.name) > len(name) and p.name.endswith(name.split()[-1].rsplit(".", 1)[-1]):
                name = p.name
            return Entity(PERSON, e.start, e.end, name=name, role=e.role or (p.role if p else None),
                          office=e.office or (p.office if p else None),
                          country=e.country or (p.country if p else None) or reg.country_of(name), text=e.text)
        if e.kind == TITLE and e.country is not None and (
                (not e.plural and e.office in _GENERIC_FAMILY and not self._portfolio(e.role)
                 and (e.office != "head" or _GENERIC_HEAD.match(e.role or "")))
                or e.office == "counterpart"):
            # "the Saudi minister": the one minister of that country the report names in full;
            # "his Georgian counterpart": the one person of that country it names
            family = _GENERIC_FAMILY.get(e.office or "")
            holders = {p.name: p for lst in reg.people.values() for p in lst
                       if p.country == e.country and (family is None or p.office in family)
                       and len(p.name.split()) > 1}
            if len(holders) == 1:
                p = next(iter(holders.values()))
                return Entity(PERSON, e.start, e.end, name=p.name, role=p.role or e.role, office=p.office,
                              country=e.country, text=e.text)
        if e.kind == TITLE and not e.plural and e.country is None and e.office in ("head", "minister") and e.role \
                and len(e.role.split()) == 1:
            # "the governor": the one person the report names with that word in his title
            word = e.role.lower().split()[-1]
            holders = {p.name: p for lst in reg.people.values() for p in lst if len(p.name.split()) > 1
                       and p.role and word in p.role.lower().replace(",", " ").split()}
            if len(holders) == 1:
                p = next(iter(holders.values()))
                return Entity(PERSON, e.start, e.end, name=p.name, role=p.role, office=p.office, country=p.country,
                              text=e.text)
        if e.kind == TITLE and not e.plural and e.country is None and e.office in _GENERIC_FAMILY:
            # "the minister" after "Foreign Minister X arrived": the latest minister spoken of (a
            # president named in between, "in which President Y took part", is no minister)
            family = _GENERIC_FAMILY[e.office]
            last = next((s for s in reversed(self.subjects) if s.kind == PERSON and s.office in family), None)
            if last is None:
                # none was a subject yet: the latest one met ("received Minister X ... The minister informed")
                last = next((p for ev in reversed(self.events) for p in reversed(ev.participants)
                             if p.kind == PERSON and p.name and p.office in family), None)
            if last is not None:
                return self.resolve(last)
        if e.kind == TITLE and e.country is None and e.office == "secretary_general" and len(self.organisations) == 1:
            # "The Secretary-General met today with ..." in a report that names one organisation
            e = e.with_country(next(iter(self.organisations)))
            held = {p.name: p for lst in reg.people.values() for p in lst if p.office == "secretary_general"
                    and p.country == e.country and len(p.name.split()) > 1}
            if len(held) == 1:
                p = next(iter(held.values()))  # ... and the one the report names in full
                return Entity(PERSON, e.start, e.end, name=p.name, role=p.role, office=p.office, country=p.country,
                              text=e.text)
        if e.kind == TITLE and not e.plural:
            p = reg.by_office(e.office, e.country, e.role)
            if p is not None:
                return Entity(PERSON, e.start, e.end, name=p.name, role=p.role or e.role, office=p.office,
                              country=e.country or p.country or reg.country_of(p.name), text=e.text)
        if e.kind == TITLE and not e.plural and e.office == "head" and e.country in self.delegation_heads:
            h = self.delegation_heads[e.country]  # "the head of the Latvian delegation": the one named
            return Entity(PERSON, e.start, e.end, name=h.name, role=h.role, office=h.office, country=h.country,
                          text=e.text)
        return e

    def _portfolio(self, role: str | None) -> bool:
        """Does a generic title name its desk ("Deputy Minister of Economy and Commerce of the Kyrgyz
        Republic")? Then it is not "the Kyrgyz minister" the report names elsewhere."""
        if not role:
            return False
        if _DEPUTY.search(role):
            return True
        starts = {pm.start for pm in self.gaz.find_places(role)}
        return any(m.group(1) not in _STATE_WORDS and m.start(1) not in starts for m in _OF_WORD.finditer(role))

    def _add_people(self, target: _Event, found: list[Entity]) -> None:
        """Add attendees to a session: named people as participants, others as parties."""
        have = target.named()
        for a in found:
            r = self.resolve(a)
            if r.kind == PERSON and r.name:
                if _key(r) not in have:
                    target.participants.append(r)
                    have.add(_key(r))
            elif r.kind in (STATE, GROUP, TITLE) and r.country and (
                    target.noun_trigger or target.multilateral_hint
                    or any(p.plural and p.country in self.organisations for p in target.participants)):
                target.parties.add(r.country)

    # --- pass over the sentences ----------------------------------------------------------------
    def collect(self) -> None:
        """One pass over the sentences: events, delegation heads, attendance, pronoun antecedents."""
        for info in self.infos:
            sent = info.sentence
            persons_here = [e for e in info.entities if e.kind == PERSON]
            if info.background:
                if info.earlier_aside and self.visitors:
                    self._earlier_in_visit(info)
                self._spoken_of(persons_here[0] if persons_here else self.last_subject)
                continue
            subject_here: Entity | None = None
            events_before = len(self.events)
            for trig in info.triggers:
                for ev in self._events_from(trig, info):
                    ev.topics_text = sent.text
                    self.events.append(ev)
                if subject_here is None:
                    first = self.resolve(trig.subject[0]) if trig.subject else None
                    if first is not None and first.kind == PERSON:
                        subject_here = first  # "the President of Turkmenistan" is the named president
                    elif trig.subject_ref in ("he", "she"):
                        subject_here = self.last_subject
            self._heads(info)
            if info.attendance:
                target = self._attendance_target(sent.index)
                if target is not None:
                    self._add_people(target, info.attendance)
            self._spoken_of(subject_here or (persons_here[0] if persons_here else self.last_subject))
            if self.events and len(self.events) == events_before and sent.index <= self.events[-1].sent + 8:
                # what the sides discussed follows the meeting sentence, up to the next meeting
                self.events[-1].topics_text += " " + sent.text
        # attendance lists told before the meeting ("It was signed by representatives of ...")
        for info in self.infos:
            if not info.attendance or info.background or any(ev.sent <= info.sentence.index for ev in self.events):
                continue
            nxt = next((ev for ev in self.events if ev.sent > info.sentence.index
                        and (ev.noun_trigger or ev.multilateral_hint)), None)
            if nxt is not None:
                self._add_people(nxt, info.attendance)

    def _spoken_of(self, subject: Entity | None) -> None:
        """The person a sentence is about: "he" next, and "the minister" later if a minister."""
        self.last_subject = subject
        if subject is not None and (not self.subjects or self.subjects[-1] is not subject):
            self.subjects.append(subject)

    def _earlier_in_visit(self, info: SentenceInfo) -> None:
        """"Earlier, the Hungarian minister held talks with X" in a report of his visit: a further
        meeting of the visit, kept (as told in passing) where the visitor takes part and no
        date of its own sets it apart; without the visitor it stays background."""
        for trig in info.triggers:
            for ev in self._events_from(trig, info):
                if ev.explicit or not any(p.name in self.visitors for p in ev.participants if p.name):
                    continue
                where, visit = ev.location, self.visit_place
                if where is not None and visit is not None and where.country != visit.country:
                    continue  # held elsewhere: an earlier trip
                ev.strength = WEAK
                ev.topics_text = info.sentence.text
                self.events.append(ev)

    def _heads(self, info: SentenceInfo) -> None:
        """Delegation heads and co-chairs complete the latest meeting."""
        if not info.heads or not self.events:
            return
        target = self.events[-1]
        if info.sentence.index - target.sent <= 2 and target.kind in (
                "consultations", "commission", "meeting", "video_call", "multilateral"):
            have = target.named()
            for h in info.heads:
                if h.kind == PERSON and h.name and h.country:
                    self.registry.add(h)  # the side a head leads is known before titles are resolved
            heads = [self.resolve(h) for h in info.heads]
            if heads and all(h.country is None for h in heads):
                # "A and B led their countries' delegations": respectively, in the order the
                # meeting's sentence names the countries
                order = list(dict.fromkeys(e.country for e in self.infos[target.sent].entities
                                           if (e.kind in (GROUP, STATE) or (e.kind == TITLE and e.plural))
                                           and e.country in target.parties | {
                                               p.country for p in target.participants}))
                if len(order) == len(heads):
                    heads = [h.with_country(c) for h, c in zip(heads, order, strict=True)]
            for r in heads:
                if r.kind == TITLE and not r.name:
                    if r.country and not any(p.country == r.country and p.kind in (PERSON, TITLE)
                                             for p in target.participants):
                        target.participants.append(r)  # a side's head known only by title
                    continue
                if r.name and r.country:
                    self.registry.add(r)  # "X headed the Uzbek delegation": X is Uzbek from now on
                    self.delegation_heads.setdefault(r.country, r)
                if r.name and _key(r) not in have:
                    # a named head stands for the bare title of the same side ("the Turkmen side")
                    target.participants = [p for p in target.participants
                                           if p.name or p.kind == STATE or p.country != r.country or not r.country]
                    target.participants.append(r)
                    have.add(_key(r))

    def _attendance_target(self, sent_index: int) -> _Event | None:
        """The session an attendance list belongs to: the latest, if it is a session."""
        for ev in reversed(self.events):
            if ev.sent > sent_index:
                continue
            # (or held by the plural holders of an organisation: "The Council of Foreign Ministers of the
            # CIS held a meeting")
            if ev.noun_trigger or ev.multilateral_hint or len(ev.countries()) >= 3 or any(
                    p.plural and p.country in self.organisations for p in ev.participants):
                return ev if sent_index - ev.sent <= 4 else None
            return None
        return None

    def _subject(self, trig: Trigger, sent: int = 0) -> list[Entity]:
        """Who acts: named subjects, else "he"/"the parties" resolved from what came before."""
        subject = [self.resolve(e) for e in trig.subject]
        ref = trig.subject_ref
        if not subject and ref:
            if ref == "the guest" and self.visitor_entities:
                subject = [self.resolve(self.visitor_entities[0])]  # "the guest was received by ..."
            elif ref == "the guest" and (host_met := next((e for e in reversed(self.events) if sum(
                    p.kind == PERSON for p in e.participants) >= 2), None)) is not None:
                # no visit told: the one received at the meeting before (its object, named last)
                subject = [next(p for p in reversed(host_met.participants) if p.kind == PERSON)]
            elif ref in ("he", "she") and self.last_subject is not None:
                subject = [self.resolve(self.last_subject)]
            elif ref in _PLURAL_REFS or ref.startswith("the two"):
                # the sides of the meeting before; with none yet, or after a visit, the pair just named
                # ("A and B signed the treaty. ... after the two presidents held talks")
                pair = self._pair_before(sent) if not self.events or self.events[-1].strength == VISIT else []
                last = next((e for e in reversed(self.events) if e.participants or e.parties), None)
                if last is not None and not pair:
                    subject = list(last.participants) + [Entity(STATE, 0, 0, country=c) for c in sorted(last.parties)]
                else:
                    subject = pair
        if not subject and trig.object_ref in ("him", "her") and self.last_subject is not None:
            subject = [self.resolve(self.last_subject)]
        if trig.strength == WEAK and len(subject) > 1 and trig.objects:
            subject = subject[-1:]  # "his meeting with": the owner is the nearest name before
        return subject

    def _named_head(self, e: Entity, guests: list[Entity]) -> Entity:
        """An unnamed head of state as the subject: the one president-like person named in full who is
        not among the guests; else the title itself."""
        if e.kind != TITLE or e.plural or e.country is not None or e.office != "president":
            return e
        reg = self.registry
        away = {g.country for g in guests if g.country}
        cands = {p.name: p for lst in reg.people.values() for p in lst if len(p.name.split()) > 1
                 and p.office in (None, "president") and (p.country or reg.country_of(p.name)) not in (None, *away)}
        if len(cands) != 1:
            return e
        p = next(iter(cands.values()))
        return Entity(PERSON, e.start, e.end, name=p.name, role=e.role, office="president",
                      country=p.country or reg.country_of(p.name), text=e.text)

    def _pair_before(self, sent: int) -> list[Entity]:
        """The two people of two states the sentence before names, if that is what it names."""
        pair = [r for r in (self.resolve(e) for e in self.infos[sent - 1].entities if e.kind in (PERSON, TITLE))
                if r.kind == PERSON] if sent > 0 else []
        if len(pair) == 2 and pair[0].country and pair[1].country and pair[0].country != pair[1].country:
            return pair
        return []

    def _days_told(self, sent: int) -> list[date]:
        """The days a sentence names outright, leaving out those well before publication (recalled)."""
        return [m.value for m in self.infos[sent].dates if m.kind == EXPLICIT and m.value is not None
                and not (self.published is not None and m.value < shift(self.published, -STALE_DAYS))]

    def _when(self, trig: Trigger, sent: int = 0) -> tuple[date | None, date | None, bool, bool] | None:
        """(date, end date, exact, explicit) of a trigger, or None when it is not news."""
        d = trig.date
        if d is None:
            return None, None, False, False
        if d.kind == EXPLICIT:
            if d.value is None:
                value = self._day_in_report_year(d)
                if value is None:
                    return None  # a day without a year we can know
                return value, None, True, True
            return d.value, d.end_value, True, True
        if d.kind in (WEEKDAY, RELATIVE) and d.value is not None:
            return d.value, None, True, True
        if d.kind == SAME_DAY:
            # "arrived on the evening of August 18. On the same evening, ...": the day the sentence
            # just before gives, even to an arrival; else the day of the meeting before
            # (not a day the sentence before recalls: "The previous meeting was on 22 February")
            told = self._days_told(sent - 1) if sent > 0 else []
            if told:
                return shift(told[-1], d.offset), None, True, True
            prev = next((e for e in reversed(self.events) if e.strength != VISIT and not e.reported), None)
            if prev is None:
                # no meeting told yet: the day of a sentence just before ("10 июня Президент отбыл с визитом
                # ... В первой половине дня состоялись переговоры"); else one told in someone's words
                for back in range(max(0, sent - 3), sent - 1)[::-1]:
                    if told := self._days_told(back):
                        return shift(told[-1], d.offset), None, True, True
                prev = next((e for e in reversed(self.events) if e.strength != VISIT), None)
            if prev is None or prev.date is None:
                return None, None, False, False
            return shift(prev.date, d.offset), None, prev.exact, d.offset != 0
        if d.kind == MONTH:
            # a month without a day: this month's news, or a recalled event
            pub = self.published
            if pub is None or (d.year, d.month) != (pub.year, pub.month):
                return None
        return None, None, False, False

    def _events_from(self, trig: Trigger, info: SentenceInfo) -> list[_Event]:
        """Events of one trigger: one per counterpart listed, or more about an earlier one."""
        if trig.subject_ref == "who":
            # a relative clause tells more about the meeting of its sentence
            last = self.events[-1] if self.events else None
            if last is not None and last.sent == info.sentence.index:
                last.kind = _compatible_kinds(last.kind, trig.kind) or last.kind
            return []
        when = self._when(trig, info.sentence.index)
        if when is None:
            return []
        date_v, end_v, exact, explicit = when
        subject = self._subject(trig, info.sentence.index)
        objs = [self.resolve(e) for e in trig.objects]
        if any(e.kind == TITLE and not e.plural and e.country is None and e.office == "president" for e in subject):
            # "Глава государства принял ...", "The Head of State received ...": the one president-like
            # person the report names in full who is not among the guests
            subject = [self._named_head(e, objs) for e in subject]
        if len(hosts := [e for e in subject if e.kind == PERSON]) == 1 and not any(
                e.kind in (PERSON, TITLE) for e in objs) and _SERIES.search(info.body):
            self.series_host = hosts[0]
            return []  # "X held a series of meetings": the meetings are told one by one
        elif (host := self.series_host) is not None and host.country and (not subject or trig.noun_phrase) and len(
                sides := {e.country for e in subject + objs if e.kind in (PERSON, TITLE) and e.country}) == 1 \
                and host.country not in sides:
            # "Первой стала встреча с председателем КНР", "A meeting with X took place": one of the host's
            subject = [host, *subject]
        # "received the two ministers": a plural reference as the object is one joint meeting
        together = any(e.kind == TITLE and e.plural and not e.country and _PAIR_WORD.search(
            info.body, max(0, e.start - 12), e.start) for e in objs)
        # ("at the level of deputy ministers" names a rank, not the ones just named)
        objs = [e for e in objs if not (e.kind == TITLE and e.plural and not e.country
                                        and _LEVEL_OF.search(info.body, max(0, e.start - 20), e.start))]
        if any(e.kind == TITLE and e.plural and not e.country for e in subject + objs):
            # "В ходе телефонного разговора президенты обсудили ...", "The two Foreign Ministers held a
            # meeting": the two just named; else "лидеры провели встречу": the leaders of the meeting before
            pair = self._pair_before(info.sentence.index)
            if pair:
                subject = [e for e in subject if not (e.kind == TITLE and e.plural and not e.country)]
                objs = [e for e in objs if not (e.kind == TITLE and e.plural and not e.country)] + pair
            elif not objs and any(e.kind == TITLE and e.plural and not e.country for e in subject) and (
                    last := next((e for e in reversed(self.events) if e.participants), None)) is not None:
                subject = list(last.participants) + [Entity(STATE, 0, 0, country=c) for c in sorted(last.parties)]
            elif (last := next((e for e in reversed(self.events) if sum(p.kind == PERSON for p in e.participants) >= 2),
                               None)) is not None:
                # "President X received the two ministers", "the heads of the delegations were received by
                # X": the ones of the talks told before, together
                plural_subject = any(e.kind == TITLE and e.plural and not e.country for e in subject)
                mine = {e.name for e in subject + objs if e.kind == PERSON}
                others = [p for p in last.participants if p.kind == PERSON and p.name not in mine]
                subject = [e for e in subject if not (e.kind == TITLE and e.plural and not e.country)]
                objs = [e for e in objs if not (e.kind == TITLE and e.plural and not e.country)]
                if plural_subject:
                    subject += others
                else:
                    objs += others
                together = True
        noun = trig.noun_phrase or trig.strength == BACKREF or trig.multilateral_hint or (
            not trig.subject and not trig.subject_ref and trig.kind != "visit")
        if noun and trig.strength != BACKREF and not subject and objs and not trig.multilateral_hint \
                and _ALSO.search(info.body) and (before := next((e for e in reversed(self.events)
                                                                  if e.participants and e.strength != VISIT), None)):
            # "Состоялся также телефонный разговор с X", "A meeting with X also took place": the one
            # who held the meeting before holds this one too
            host = before.participants[0]
            if host.kind == PERSON and host.country and host.country not in {e.country for e in objs}:
                subject = [host]
        if trig.strength == BACKREF:
            # more about the latest meeting of the same sort: place and date, nothing else
            same = {trig.kind} | ({"meeting", "multilateral", "video_call", "credentials", "phone_call",
                                   "commission", "consultations"} if trig.kind == "meeting" else set())
            # (a session, "took part in the summit", is more of a session, not of a talk on its sidelines)
            target = next((e for e in reversed(self.events) if e.kind in same and e.strength != VISIT
                           and (e.multilateral_hint or not trig.multilateral_hint)), None)
            if target is not None and ((date_v is not None and explicit and target.explicit and target.date is not None
                                        and date_v != target.date)
                                       or (trig.date is not None and trig.date.kind == SAME_DAY and trig.date.offset)):
                target = None  # "A day earlier, on 9 October, he took part in the summit": another day, another one
            if target is not None:
                where, said = target.location, trig.location
                if where is not None and said is not None and where.city is None and said.city \
                        and said.country == where.country:
                    target.location = None  # "The meeting took place in the city of Arkadag": the city, now
                if target.location is None and trig.location is not None:
                    target.location = trig.location
                    if trig.kind == "credentials":
                        # one ceremony for every ambassador presented that day
                        for other in self.events:
                            if other.kind == "credentials" and other.date == target.date and other.location is None:
                                other.location = trig.location
                if date_v is not None and explicit and not target.explicit:
                    target.date, target.end_date, target.exact, target.explicit = date_v, end_v, exact, True
                have = target.named()
                for e in subject + objs:
                    # "The summit was hosted by X": X took part in it
                    if e.kind == PERSON and e.name and e.country and fold_surname(e.name.split()[-1]) not in have \
                            and (target.multilateral_hint or e.country in target.countries()):
                        target.participants.append(e)
                return []
            opening = sum(1 for i in self.infos[: info.sentence.index] if not i.sentence.heading and i.body.strip()) < 2
            # "The meeting took place in Baku", "X took part in the summit": told as news
            told = _TOOK_PLACE.search(info.body, trig.start, trig.end) is not None
            if not opening and not told and not any((e.kind == PERSON and e.name) or (e.kind == TITLE and not e.plural)
                                                    for e in subject + objs):
                return []  # "... at the meeting of the leaders held in Washington": a mention, no news of its own
        strength = STRONG if trig.strength == BACKREF else trig.strength  # "The meeting took place in Baku"
        parties: set[str] = set()
        if trig.kind == "visit" and trig.location is not None and trig.location.country:
            parties.add(trig.location.country)  # the host country of a visit is a party
        people: list[Entity] = []
        for e in subject:
            if e.kind in (PERSON, TITLE, GROUP):
                people.append(e)
            elif e.kind == STATE and e.country:
                parties.add(e.country)
        units = [objs] if together else _unit_groups(objs, info.body, trig.kind == "meeting" and (
            _ONE_MEETING.search(info.body, trig.start, trig.end) is not None or _RECEIVED.search(
                info.body, trig.start, trig.end) is not None)) if trig.split_objects else [objs]
        out = []
        for unit in units or [[]]:
            ps = list(people) + [e for e in unit if e.kind != STATE]
            pts = parties | {e.country for e in unit if e.kind == STATE and e.country}
            if not ps and not pts and not noun:
                continue
            opening = sum(1 for i in self.infos[: info.sentence.index] if not i.sentence.heading and i.body.strip()
                          and not (i.dateline_date and len(i.body) < 40)) < 2
            out.append(_Event(kind=trig.kind, strength=strength, sent=info.sentence.index, opening=opening,
                              evidence=info.sentence.text, participants=ps, parties=pts, date=date_v,
                              end_date=end_v, exact=exact, explicit=explicit, location=trig.location,
                              multilateral_hint=trig.multilateral_hint, noun_trigger=noun, reported=trig.reported,
                              day_offset=trig.date.offset if date_v is None and trig.date is not None
                              and trig.date.kind == SAME_DAY else 0))
        return out

    # --- dates, countries, places -------------------------------------------------------------
    def date_events(self) -> None:
        """Same-day and undated further meetings take the date of the one before."""
        kept: list[_Event] = []
        prev: _Event | None = None
        for ev in self.events:
            if ev.date is None and prev is None and ev.strength != VISIT:
                # a meeting "during the visit": the day the visit began, or the day of the report
                # when that falls within the visit ("on a visit from February 10 to 12")
                visit = next((v for v in self.events if v.strength == VISIT and v.date is not None
                              and v.sent <= ev.sent), None)
                if visit is not None:
                    ev.date, ev.exact = self._day_within(visit.date, visit.end_date), False
            if ev.date is None and _SIDELINES.search(ev.evidence):
                # "On the margins of the summit, X met Y": the summit's day
                summit = next((e for e in kept if e.multilateral_hint and e.date is not None), None)
                if summit is not None:
                    ev.date, ev.exact = summit.date, summit.exact
                    if summit.date is not None and summit.end_date is not None and self.published is not None \
                            and summit.date <= self.published <= summit.end_date:
                        # a session of several days: no day of it is told, the report's own stands in
                        ev.date, ev.exact = self.published, False
            if ev.date is None and not ev.explicit and prev is not None and ev.strength != VISIT:
                ev.date, ev.exact = prev.date, False
                if _WITHIN_VISIT.search(ev.evidence) and not ev.day_offset and self.published is not None \
                        and prev.date is not None and prev.date < self.published <= shift(prev.date, 7):
                    ev.date = self.published  # "within the visit": no day told; the report's day stands in
                if ev.day_offset and prev.date is not None:
                    ev.date = shift(prev.date, ev.day_offset)  # "the day before" the undated one
            if ev.date is None and self.visit_span is not None:
                ev.date, ev.exact = self._day_within(*self.visit_span), False
            if ev.date is None and prev is None:
                # "Ashgabat hosted on October 11 the Forum. On its sidelines, ... held talks": the day
                # the report's lead gives, when it is the report's news (a few days old at most)
                ev.date, ev.exact = self._lead_day(), False
            if ev.date is None:
                ev.date, ev.exact = self.published or self.dateline_date, False
            if ev.date is None:
                continue
            kept.append(ev)
            news_day = self.published or kept[0].date  # without a publication date, the report's first meeting
            recalled = ev.explicit and news_day is not None and ev.date < shift(news_day, -(
                LATE_REPORT_DAYS if ev.opening else STALE_DAYS))
            if ev.strength != VISIT and not recalled:
                prev = ev  # (a recalled one, "held its first meeting on 10 December 2021", lends no day)
        self.events = kept

    def _lead_day(self) -> date | None:
        lead = next((i for i in self.infos if not i.sentence.heading and i.body.strip()), None)
        if lead is None or self.published is None or lead.background:
            return None
        days = [m.value for m in lead.dates if m.kind == EXPLICIT and m.value is not None and m.end_value is None]
        return days[0] if days and 0 <= (self.published - days[0]).days <= 7 else None

    def _day_in_report_year(self, d: DateMention) -> date | None:
        """"On 2 June" in a report with no publication date: the year of a full date the report
        gives elsewhere ("On 2-3 June 2026, ... paid a visit")."""
        if d.month is None or d.day is None or d.has_year or self.published is not None:
            return None
        years = {m.value.year for i in self.infos for m in i.dates if m.kind == EXPLICIT and m.has_year and m.value}
        if len(years) != 1:
            return None
        try:
            return date(years.pop(), d.month, d.day)
        except ValueError:
            return None

    def _day_within(self, first: date | None, last: date | None) -> date | None:
        """The day an undated meeting of a visit took place: the report's day when the visit
        spans it, else the first day of the visit."""
        pub = self.published
        if first is not None and last is not None and pub is not None and first <= pub <= last:
            return pub
        return first

    def place_events(self) -> None:
        """Unknown countries of participants from the other side; places from the context."""
        counts: dict[str, int] = {}
        for ev in self.events:
            for c in ev.countries():
                counts[c] = counts.get(c, 0) + 1
        ranked = [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])]
        visit = self.visit_place
        for idx, ev in enumerate(self.events):
            known = {p.country for p in ev.participants if p.country} | ev.parties
            where_held = ev.location.country if ev.location is not None else None
            if len(known) == 1 and ev.noun_trigger and not self.visitor_entities and where_held \
                    and where_held not in known and not (known & self.organisations):
                # "Talks with the President of Turkmenistan were held in the Kremlin": the host
                ev.parties.add(where_held)
                known.add(where_held)
            if len(known) == 1 and ev.noun_trigger and self.visitor_entities:
                # "a meeting with President X was held": the other side is the visiting one
                guest = next((v for v in self.visitor_entities if v.country not in known), None)
                if guest is not None and guest.country:
                    if guest.kind == PERSON:
                        ev.participants.append(self.resolve(guest))
                    else:
                        ev.parties.add(guest.country)
                    known.add(guest.country)
            for i, p in enumerate(ev.participants):
                if p.country or p.plural or (p.name and p.name in self.visitors):
                    continue  # the visitor is not of the country he visits
                guess = next((q.country for o in self.events[:idx] for q in o.participants
                              if q.kind == PERSON and q.name == p.name and q.country), None) if p.name else None
                if guess is not None:
                    # the side an earlier meeting of the report gave him
                    ev.participants[i] = p.with_country(guess)
                    known.add(guess)
                    continue
                where = ev.location.country if ev.location is not None else None
                posted = self._posted_to(ev, p)
                if posted and posted not in known:
                    # "the Ambassador of X to Azerbaijan" meets officials of Azerbaijan
                    guess = posted
                elif visit is not None and visit.country and visit.country not in known:
                    guess = visit.country
                elif where and where not in known and where in self.capitals_of and len(known) == 1 \
                        and not _SIDELINES.search(ev.evidence):  # (a summit's venue hosts no one's talks)
                    # "the ambassador met the deputy minister in Ashgabat": the host's official
                    guess = where
                elif len(known) == 1 and len(ranked) == 2:
                    # a report about two countries: the unnamed side is the other one
                    guess = next((c for c in ranked if c not in known), None)
                if guess:
                    ev.participants[i] = p.with_country(guess)
                    known.add(guess)
            unknown = [i for i, p in enumerate(ev.participants) if p.kind == PERSON and not p.country]
            missing = ev.countries() - {p.country for p in ev.participants if p.country and p.kind != STATE}
            if len(unknown) == 1 and len(missing) == 1:
                # one named person without a country, one party without a named person
                ev.participants[unknown[0]] = ev.participants[unknown[0]].with_country(missing.pop())
            if ev.location is None:
                info = self.infos[ev.sent]
                if info.unqualified_ministry and self.dateline_place and self.dateline_place.city:
                    ev.location = self.dateline_place
                elif visit is not None and (visit.country in ev.countries()
                                            or self.visitors & {p.name for p in ev.participants if p.name}):
                    ev.location = visit
            if ev.location is None or ev.location.city is None:
                # a further meeting of the same trip and day is in the city of the one before
                here = ev.location
                prev = next((o for o in reversed(self.events[max(0, idx - 12) : idx])
                             if o.location is not None and o.location.city and _same_days(o, ev)
                             and ((here is not None and here.country == o.location.country)
                                  or o.named() & ev.named())), None)
                if prev is not None and prev.location is not None and (
                        ev.location is None or ev.location.country == prev.location.country):
                    ev.location = prev.location
            header = self.header_place
            here = ev.location
            if header is not None and ev.kind not in ("phone_call", "video_call") and (
                    (here is None and header.country in ev.countries())
                    or (here is not None and here.city is None and here.country == header.country)):
                ev.location = header  # the city the report's dated header gives
            if ev.location is None and _SIDELINES.search(ev.evidence):
                # "on the sidelines of the session": where the session the report told of is held
                session = next((o for o in self.events if o is not ev and o.location is not None
                                and o.location.city and (o.multilateral_hint or o.kind == "multilateral")
                                and o.date is not None and ev.date is not None
                                and abs((o.date - ev.date).days) <= 3), None)
                if session is not None:
                    ev.location = session.location

    def _final_kind(self, ev: _Event) -> str | None:
        """The record's kind, or None when the meeting has too few parties to be one."""
        countries = ev.countries()
        # the council of an organisation meeting as such ("the OTS foreign ministers met")
        org_only = bool(countries) and countries <= self.organisations and any(p.plural for p in ev.participants)
        org_session = org_only or (ev.multilateral_hint and bool(countries & self.organisations)) or (
            len(countries) >= 3 and any(p.plural and p.country in self.organisations for p in ev.participants))
        # ("The Council of Foreign Ministers of the CIS held a meeting", attended by eight ministers)
        if ev.date is None or (len(countries) < 2 and not org_session):
            return None  # a record has two parties, except a session of an organisation
        kind = ev.kind
        if org_session and kind in ("meeting", "consultations", "video_call", "multilateral"):
            return "multilateral"
        if len(countries) >= 3 and kind in ("meeting", "video_call", "multilateral", "consultations", "phone_call",
                                            "commission") and (
            ev.noun_trigger or ev.multilateral_hint or not ev.participants
            or sum(1 for p in ev.participants if p.plural) >= 2
        ):
            return "multilateral"
        if kind == "multilateral" and len(countries) < 3:
            return "meeting"
        return kind

    def _posted_to(self, ev: _Event, person: Entity) -> str | None:
        """The country another participant is accredited to ("Ambassador of X to Y")."""
        for other in ev.participants:
            if other is person or not other.role:
                continue
            m = re.search(r"\bto\s+(?:the\s+)?(.+)$", other.role)
            if m and re.search(r"(?i)ambassador|envoy|representative|charg", other.role):
                for pm in self.gaz.find_places(m.group(1)):
                    if pm.ref.type == "country" and pm.ref.code != other.country:
                        return pm.ref.code
        return None

    def _only_setting(self, ev: _Event, kept: list[_Event]) -> bool:
        """A session the report names no one at, while its meetings are held "on the sidelines":
        the setting of those meetings, not news of its own."""
        if ev.kind != "multilateral" or any((p.kind == PERSON and p.name) or (p.country and p.country not in
                                                                             self.organisations)
                                            for p in ev.participants):
            return False  # someone, or some state's minister, is told to take part in it
        return any(o is not ev and o.kind != "multilateral" and o.date == ev.date
                   and _SIDELINES.search(o.evidence) for o in kept)

    def _kinds(self, events: list[_Event]) -> list[_Event]:
        """The events that make records, with their final kinds."""
        kept = []
        for ev in events:
            kind = self._final_kind(ev)
            if kind is None:
                continue
            ev.kind = kind
            if kind == "multilateral" and ev.location is not None and ev.location.country:
                ev.parties.add(ev.location.country)  # the host of a session takes part in it
            kept.append(ev)
        return kept

    def records(self, rules: LanguageRules) -> list[MeetingRecord]:
        """Final records: filtered, kinds decided, hosts added, merged."""
        kept = self._kinds(_filter(self.events, self.published))
        if not kept and any(e.strength == VISIT for e in self.events):
            # the meetings of a visit told too vaguely to be records ("held a number of meetings in
            # ministries"): the visit itself is the news
            kept = self._kinds(_filter([e for e in self.events if e.strength == VISIT], self.published))
        kept = [ev for ev in kept if not self._only_setting(ev, kept)]
        out = []
        for ev in _merge(kept):
            if ev.kind in ("phone_call", "video_call"):
                ev.location = None  # a call has no place
            out.append(MeetingRecord(
                date=ev.date,  # type: ignore[arg-type]  # _final_kind drops undated meetings
                end_date=ev.end_date,
                date_exact=ev.exact,
                kind=ev.kind,
                countries=tuple(sorted(ev.countries())),
                participants=_participants(ev),
                location=Location(ev.location.city, ev.location.country) if ev.location else None,
                topics=rules.topics(ev.topics_text),
                evidence=ev.evidence,
                language=rules.language,
            ))
        return out


def assemble(
    infos: list[SentenceInfo],
    published: date | None,
    rules: LanguageRules,
    gaz: Gazetteer,
) -> list[MeetingRecord]:
    """Meeting records of one report from its analysed sentences."""
    doc = _Document(infos, published, gaz)
    doc.collect()
    doc.date_events()
    doc.place_events()
    return doc.records(rules)


def _filter(events: list[_Event], published: date | None) -> list[_Event]:
    """Drop recalled, announced and unsupported meetings (see the module docstring)."""
    out: list[_Event] = []
    strong = [e for e in events if e.strength == STRONG]
    if published is None:
        # without a publication date, the report is written after the latest day it tells: meetings
        # dated well before that day are its history ("On 17 March 2023 ... on 29 August 2024 ...")
        told = [e.date for e in events if e.explicit and e.date is not None and e.strength != VISIT]
        latest = max(told, default=None)
        if latest is not None:
            events = [e for e in events if not (e.explicit and e.date is not None
                                                and e.date < shift(latest, -STALE_DAYS))]
    for ev in events:
        # the news a report opens with may be published late; dated meetings further down that
        # lie well before publication are recalled
        stale = LATE_REPORT_DAYS if ev.opening and ev is (strong[0] if strong else None) else STALE_DAYS
        if published is not None and ev.explicit and ev.date is not None and (
                ev.date < shift(published, -stale) or ev.date > shift(published, 1)):
            continue
        if ev.strength == WEAK and not any(ev.named() & s.named() for s in strong):
            continue
        out.append(ev)
    # a meeting dated days before the lead one is background
    lead = next((e for e in out if e.strength == STRONG), None)
    if lead is not None and lead.date is not None:
        lead_date = lead.date
        out = [e for e in out if e is lead or not e.explicit or e.date is None
               or e.date >= shift(lead_date, -1)]
    non_visit = [e for e in out if e.kind != "visit"]
    return non_visit or out


def _same_days(earlier: _Event, later: _Event) -> bool:
    """Is ``later`` on the day of ``earlier``, or within its days ("on April 23-24")?"""
    if earlier.date == later.date:
        return True
    end = earlier.end_date
    return end is not None and earlier.date is not None and later.date is not None and (
        earlier.date <= later.date <= end)


def _compatible_kinds(a: str, b: str) -> str | None:
    """The kind of two reports of one meeting merged, or None when they are different meetings."""
    if a == b:
        return a
    pair = {a, b}
    if pair == {"meeting", "credentials"}:
        return "credentials"
    if pair == {"meeting", "visit"}:
        return "meeting"
    if pair == {"meeting", "multilateral"}:
        return "multilateral"
    if pair == {"video_call", "multilateral"}:
        return "multilateral"
    return None


def _same_people(a: _Event, b: _Event) -> bool:
    """No country side names two different people in the two meetings. At a presentation of
    credentials (one ambassador per state and day), a side told only by a title in one report
    ("the ambassadors of Japan and Hungary") and by name in the other ("Ambassador of Japan Taro
    Sato") is the same side; elsewhere a title and a name may be two people (the President, then
    the heads of the chambers)."""
    credentials = a.kind == b.kind == "credentials"
    for c in a.countries() & b.countries():
        pa = {fold_surname(p.name.split()[-1]) if p.name else "~" + (p.role or "").lower()
              for p in a.participants if p.country == c}
        pb = {fold_surname(p.name.split()[-1]) if p.name else "~" + (p.role or "").lower()
              for p in b.participants if p.country == c}
        if pa and pb and not (pa & pb):
            named_a = any(not k.startswith("~") for k in pa)
            named_b = any(not k.startswith("~") for k in pb)
            # "the leaders of A, B and C", one of whom is named later: the same office, told by name
            offices = {p.office for p in a.participants + b.participants if p.country == c}
            placeholder = len(offices) == 1 and any(p.plural and not p.name for p in a.participants + b.participants
                                                    if p.country == c)
            if (credentials or placeholder) and named_a != named_b:
                continue  # named in one report only: the name fills in the title ("the leaders of A, B and C")
            return False
        shared = {k for k in pa & pb if not k.startswith("~")}
        if shared and shared == pa & pb and all(_other_first_names(a, b, c, k) for k in shared):
            return False  # Serdar and Gurbanguly Berdimuhamedov: one surname, two people
    return True


def _first_letters(ev: _Event, country: str, surname: str) -> set[str]:
    """First letters of the first names the meeting gives a surname of a side (none for a bare surname)."""
    out = set()
    for p in ev.participants:
        if p.country == country and p.name and fold_surname(p.name.split()[-1]) == surname:
            words = p.name.replace(".", ". ").split()
            if len(words) > 1:
                out.add(words[0][0].lower())
    return out


def _other_first_names(a: _Event, b: _Event, country: str, surname: str) -> bool:
    """Do the two meetings give the surname with different first names?"""
    fa, fb = _first_letters(a, country, surname), _first_letters(b, country, surname)
    return bool(fa and fb and not (fa & fb))


def _merge(events: list[_Event]) -> list[_Event]:
    """One meeting told twice (one-on-one then enlarged, credentials then talks) is one record."""
    out: list[_Event] = []
    for ev in events:
        merged = False
        for o in out:
            kind = _compatible_kinds(o.kind, ev.kind)
            if kind is None or o.date != ev.date or o.countries() != ev.countries():
                continue
            if not _same_people(o, ev):
                continue
            o.kind = kind
            have = o.named()
            for p in ev.participants:
                if p.name and fold_surname(p.name.split()[-1]) not in have:
                    if p.country and not any(q.name for q in o.participants if q.country == p.country):
                        # the name stands for the bare title the other report gave that side
                        o.participants = [q for q in o.participants if q.country != p.country or q.kind == STATE]
                    o.participants.append(p)
            o.location = o.location or ev.location
            o.topics_text += " " + ev.topics_text
            merged = True
            break
        if not merged:
            out.append(ev)
    return out


def _participants(ev: _Event) -> tuple[Participant, ...]:
    """Output participants: named people, title-only holders, groups only where no one is named."""
    named_countries = {p.country for p in ev.participants if p.kind in (PERSON, TITLE)}
    people_countries = {p.country for p in ev.participants if p.kind == PERSON and p.name}
    out: list[Participant] = []
    seen: dict[str, set[str]] = {}  # surname key -> first letters of the first names seen with it
    for p in ev.participants:
        if (p.kind == GROUP and p.country in named_countries) or (p.kind == TITLE and p.plural and not p.country):
            continue
        if p.kind == TITLE and p.plural and p.country in people_countries:
            continue  # "the defense ministers of A, B and C", then each named: the named ones
        parts = p.name.split() if p.name else []
        key = fold_surname(parts[-1]) if parts else f"~{p.role}~{p.country}"
        first = fold_surname(parts[0])[:1] if len(parts) > 1 else ""
        firsts = seen.get(key)
        if firsts is not None and (not first or "" in firsts or first in firsts):
            continue  # the same person again (Serdar and Gurbanguly Berdimuhamedov are two)
        seen.setdefault(key, set()).add(first)
        if p.kind == GROUP:
            out.append(Participant(None, p.role or p.text, p.country))
        elif p.kind in (PERSON, TITLE):
            out.append(Participant(p.name, p.role, p.country))
    return tuple(out)


def parse_document(text: str, published: date | None, title: str, rules: LanguageRules,
                   gaz: Gazetteer, sentences: list[Sentence]) -> list[MeetingRecord]:
    """Meeting records of one report (commentary gives none, nor a report where no sentence
    tells a meeting: records come only from meeting expressions, so such a report is read no
    further, which spares most of the cost of the many reports that are not about meetings)."""
    if rules.is_commentary(sentences, title) or not rules.tells_meeting(sentences, published):
        return []
    infos = rules.analyse(sentences, published)
    return assemble(infos, published, rules, gaz)
