"""From sentence findings to meeting records (language-independent).

The rules an analyst applies to a whole report live here: "the parties" and "he" refer back,
a title alone ("the head of state") is the named holder of that office in the report, a name
is written in full where the report gives it in full, undated further meetings share the day
of the one before, a meeting dated well before the lead one is recalled, one-on-one and
enlarged talks are one meeting, a visit is kept only when no more specific meeting is told,
and a record needs two parties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from scraper.meetings.analysis import BACKREF, STRONG, VISIT, WEAK, LanguageRules, Place, SentenceInfo, Trigger
from scraper.meetings.dates import EXPLICIT, MONTH, RELATIVE, SAME_DAY, WEEKDAY
from scraper.meetings.gazetteer import Gazetteer, fold_surname
from scraper.meetings.model import Location, MeetingRecord, Participant
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, Entity
from scraper.meetings.text import Sentence

STALE_DAYS = 10  # a report tells of meetings of the last days; older dated ones are recalled
GENERIC_OFFICES = frozenset({"minister", "head", "counterpart"})
_PLURAL_REFS = ("the two", "both", "the parties", "the sides", "the interlocutors", "the leaders",
                "the ministers", "the officials", "the diplomats", "the delegations", "they")


@dataclass(slots=True)
class _Person:
    name: str
    country: str | None
    office: str | None
    role: str | None


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
            if p.name == e.name or e.name.split()[-1] == p.name.split()[-1] and len(e.name.split()) == 1:
                p.country = p.country or e.country
                p.office = p.office or e.office
                p.role = p.role or e.role
                return
            if len(e.name.split()) == 1 and p.name.endswith(e.name):
                return
        lst.append(_Person(e.name, e.country, e.office, e.role))

    def lookup(self, name: str, country: str | None) -> _Person | None:
        key = fold_surname(name.split()[-1])
        cands = self.people.get(key, [])
        parts = name.split()
        if len(parts) > 1:
            cands = [p for p in cands if p.name == name or p.name.split()[0] == parts[0]] or cands
        if country:
            cands = [p for p in cands if p.country in (None, country)] or cands
        full = {p.name for p in cands if len(p.name.split()) > 1}
        if len(full) > 1:
            exact = [p for p in cands if p.name == name]
            return exact[0] if exact else None
        return max(cands, key=lambda p: len(p.name), default=None)

    def by_office(self, office: str | None, country: str | None, role: str | None) -> _Person | None:
        if office is None:
            return None
        found = []
        for lst in self.people.values():
            for p in lst:
                if country and p.country and p.country != country:
                    continue
                if not country and office in GENERIC_OFFICES:
                    continue
                same = p.office == office and (office not in GENERIC_OFFICES or (
                    role is not None and p.role is not None and p.role.lower() == role.lower()))
                if office in ("head", "speaker") and country and p.country == country and p.office in (
                        "speaker", "foreign_minister", "halk_chairman"):
                    same = same or (office == "speaker" and p.office in ("speaker", "halk_chairman"))
                if same and len(p.name.split()) > 1:
                    found.append(p)
        names = {p.name for p in found}
        return found[0] if len(names) == 1 else None

    def country_of(self, name: str) -> str | None:
        p = self.lookup(name, None)
        if p and p.country:
            return p.country
        return self.gaz.person_country(fold_surname(name.split()[-1]))


@dataclass(slots=True)
class _Event:
    kind: str
    strength: str
    sent: int
    evidence: str
    participants: list[Entity]
    parties: set[str]
    date: date | None = None
    end_date: date | None = None
    exact: bool = False
    explicit: bool = False
    location: Place | None = None
    multilateral_hint: bool = False
    noun_trigger: bool = False
    topics_text: str = ""

    def countries(self) -> set[str]:
        out = set(self.parties)
        out |= {p.country for p in self.participants if p.country}
        return out

    def named(self) -> set[str]:
        return {fold_surname(p.name.split()[-1]) for p in self.participants if p.name}


def _unit_groups(objs: list[Entity]) -> list[list[Entity]]:
    """Counterparts listed after "met": one group per person or title-only mention."""
    units: list[list[Entity]] = []
    for e in objs:
        if e.kind in (PERSON, TITLE):
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
                groups = [u.country for u in units[-1] if u.country]
                units[-1].append(e if e.country or not groups else e.with_country(groups[0]))
            else:
                units.append([e])
    return units


def assemble(
    infos: list[SentenceInfo],
    published: date | None,
    rules: LanguageRules,
    gaz: Gazetteer,
) -> list[MeetingRecord]:
    """Meeting records of one report from its analysed sentences."""
    registry = _Registry(gaz)
    for info in infos:
        for e in info.entities:
            registry.add(e)

    dateline_place = next((i.dateline_place for i in infos if i.dateline_place), None)
    dateline_date = next((i.dateline_date for i in infos if i.dateline_date), None)
    visit_place = next((i.visit_place for i in infos if i.visit_place and not i.background), None)
    visit_span = next((i.visit_span for i in infos if i.visit_span), None)
    visitors = [e for i in infos for e in i.visitor]

    def resolve(e: Entity) -> Entity:
        if e.kind == PERSON and e.name:
            p = registry.lookup(e.name, e.country)
            name = e.name
            if p is not None and len(p.name) > len(name) and p.name.endswith(name.split()[-1]):
                name = p.name
            country = e.country or (p.country if p else None) or registry.country_of(name)
            role = e.role or (p.role if p else None)
            return Entity(PERSON, e.start, e.end, name=name, role=role, office=e.office or (p.office if p else None),
                          country=country, text=e.text)
        if e.kind == TITLE and not e.plural:
            p = registry.by_office(e.office, e.country, e.role)
            if p is not None:
                return Entity(PERSON, e.start, e.end, name=p.name, role=p.role or e.role, office=p.office,
                              country=e.country or p.country or registry.country_of(p.name), text=e.text)
        return e

    events: list[_Event] = []
    last_subject: Entity | None = None
    for info in infos:
        sent = info.sentence
        persons_here = [e for e in info.entities if e.kind == PERSON]
        if info.background:
            if persons_here:
                last_subject = persons_here[0]
            continue
        trig_subject: Entity | None = None
        for trig in info.triggers:
            ev = _event_from_trigger(trig, info, events, last_subject, resolve, published)
            for e in ev:
                e.topics_text = sent.text
                events.append(e)
            if trig_subject is None:
                if trig.subject and trig.subject[0].kind == PERSON:
                    trig_subject = trig.subject[0]
                elif trig.subject_ref in ("he", "she") and last_subject is not None:
                    trig_subject = last_subject
        # delegation heads and co-chairs complete the latest meeting
        if info.heads and events:
            target = events[-1]
            if sent.index - target.sent <= 2 and target.kind in ("consultations", "commission", "meeting",
                                                                 "video_call", "multilateral"):
                have = target.named()
                for h in info.heads:
                    r = resolve(h)
                    if r.name and fold_surname(r.name.split()[-1]) not in have:
                        target.participants.append(r)
                        have.add(fold_surname(r.name.split()[-1]))
        if info.attendance:
            target_ev = _attendance_target(events, sent.index, infos)
            if target_ev is not None:
                have = target_ev.named()
                for a in info.attendance:
                    r = resolve(a)
                    if r.kind == PERSON and r.name:
                        if fold_surname(r.name.split()[-1]) not in have:
                            target_ev.participants.append(r)
                            have.add(fold_surname(r.name.split()[-1]))
                    elif r.country:
                        target_ev.parties.add(r.country)
        if trig_subject is not None:
            last_subject = trig_subject
        elif persons_here:
            last_subject = persons_here[0]
        if events and events[-1].sent < sent.index <= events[-1].sent + 4:
            events[-1].topics_text += " " + sent.text

    # attendance lists told before the meeting sentence ("It was signed by representatives of ...")
    for info in infos:
        if not info.attendance or info.background:
            continue
        if any(ev.sent <= info.sentence.index for ev in events):
            continue
        nxt = next((ev for ev in events if ev.sent > info.sentence.index and (ev.noun_trigger or ev.multilateral_hint)),
                   None)
        if nxt is not None:
            for a in info.attendance:
                r = resolve(a)
                if r.kind == PERSON and r.name:
                    if fold_surname(r.name.split()[-1]) not in nxt.named():
                        nxt.participants.append(r)
                elif r.country:
                    nxt.parties.add(r.country)

    # dates: same-day and undated further meetings take the date of the one before
    kept: list[_Event] = []
    prev: _Event | None = None
    for ev in events:
        if ev.date is None and prev is None and ev.strength != VISIT:
            # a meeting "during the visit": the day the visit began
            visit = next((v for v in events if v.strength == VISIT and v.date is not None and v.sent <= ev.sent), None)
            if visit is not None:
                ev.date, ev.exact = visit.date, False
        if ev.date is None and ev.explicit is False and prev is not None and ev.strength != VISIT:
            ev.date, ev.exact = prev.date, False if not prev.exact else prev.exact and ev.exact
            if ev.date is not None and not ev.exact:
                ev.exact = False
        if ev.date is None and visit_span is not None:
            ev.date, ev.exact = visit_span[0], False
        if ev.date is None:
            ev.date = published or dateline_date
            ev.exact = False
        if ev.date is None:
            continue
        kept.append(ev)
        if ev.strength != VISIT:
            prev = ev
    events = kept

    # fill unknown countries, add places
    doc_countries: dict[str, int] = {}
    for ev in events:
        for c in ev.countries():
            doc_countries[c] = doc_countries.get(c, 0) + 1
    for ev in events:
        known = {p.country for p in ev.participants if p.country} | ev.parties
        for i, p in enumerate(ev.participants):
            if p.country:
                continue
            guess = None
            if visit_place and visit_place.country and visit_place.country not in known:
                guess = visit_place.country
            else:
                others = [c for c, _ in sorted(doc_countries.items(), key=lambda kv: -kv[1]) if c not in known]
                if len(known) == 1 and others:
                    guess = others[0]
            if guess:
                ev.participants[i] = p.with_country(guess)
                known.add(guess)
        if ev.location is None:
            info = infos[ev.sent]
            if info.unqualified_ministry and dateline_place and dateline_place.city:
                ev.location = dateline_place
            elif visit_place is not None and (
                visit_place.country in ev.countries()
                or any(v.name and v.name in {p.name for p in ev.participants} for v in visitors)
            ):
                ev.location = visit_place

    events = _filter(events, published)
    events = _merge(events)
    records = []
    for ev in events:
        countries = ev.countries()
        if len(countries) < 2 and not (ev.multilateral_hint and countries):
            continue
        kind = ev.kind
        if len(countries) >= 3 and kind in ("meeting", "video_call", "multilateral") and (
            ev.noun_trigger or ev.multilateral_hint or sum(1 for p in ev.participants if p.plural) >= 2
            or not ev.participants
        ):
            kind = "multilateral"
        elif kind == "multilateral" and len(countries) < 3:
            kind = "meeting"
        parts = _participants(ev)
        loc = Location(ev.location.city, ev.location.country) if ev.location else None
        records.append(
            MeetingRecord(
                date=ev.date,  # type: ignore[arg-type]
                end_date=ev.end_date,
                date_exact=ev.exact,
                kind=kind,
                countries=tuple(sorted(countries)),
                participants=parts,
                location=loc,
                topics=rules.topics(ev.topics_text),
                evidence=ev.evidence,
                language=rules.language,
            )
        )
    return records


def _attendance_target(events: list[_Event], sent_index: int, infos: list[SentenceInfo]) -> _Event | None:
    for ev in reversed(events):
        if ev.sent > sent_index:
            continue
        if ev.noun_trigger or ev.multilateral_hint or len(ev.countries()) >= 3:
            return ev if sent_index - ev.sent <= 4 else None
        return None
    return None


def _event_from_trigger(trig: Trigger, info: SentenceInfo, events: list[_Event], last_subject: Entity | None,
                        resolve: object, published: date | None) -> list[_Event]:
    res = resolve  # Callable[[Entity], Entity]
    sent = info.sentence
    subject = [res(e) for e in trig.subject]  # type: ignore[operator]
    ref = trig.subject_ref
    if not subject and ref:
        if ref in ("he", "she") and last_subject is not None:
            subject = [res(last_subject)]  # type: ignore[operator]
        elif ref in _PLURAL_REFS or ref.startswith("the two"):
            if events:
                subject = list(events[-1].participants)
    if trig.object_ref and not trig.objects and trig.strength == WEAK:
        pass
    if not subject and trig.object_ref in ("him", "her") and last_subject is not None:
        subject = [res(last_subject)]  # type: ignore[operator]
    objs = [res(e) for e in trig.objects]  # type: ignore[operator]
    if trig.strength == WEAK and trig.object_ref in ("him", "her") and subject:
        # "X thanked Y for receiving him": him = X, the sentence subject
        pass
    if trig.strength == WEAK and len(subject) > 1 and trig.kind == "meeting" and objs:
        subject = subject[-1:]  # "his meeting with": the owner is the nearest name before

    date_v, end_v, exact, explicit = None, None, False, False
    d = trig.date
    if d is not None:
        if d.kind == EXPLICIT:
            if d.value is None:
                return []  # a day without a year we can know
            date_v, end_v, exact, explicit = d.value, d.end_value, True, True
        elif d.kind in (WEEKDAY, RELATIVE) and d.value is not None:
            date_v, exact, explicit = d.value, True, True
        elif d.kind == SAME_DAY:
            prev = next((e for e in reversed(events) if e.strength != VISIT), None)
            if prev is not None:
                date_v, exact = prev.date, prev.exact
            explicit = False
        elif d.kind == MONTH:
            # a month without a day: this month's news, or a recalled event
            if published is None or (d.year, d.month) != (published.year, published.month):
                return []
    noun = trig.strength == BACKREF or trig.multilateral_hint or (
        not trig.subject and not trig.subject_ref and trig.kind not in ("visit",))
    if trig.strength == BACKREF:
        # more about the latest meeting of the same sort: place and date, nothing else
        same = {trig.kind} | ({"meeting", "multilateral", "video_call", "credentials"} if trig.kind == "meeting" else set())
        target = next((e for e in reversed(events) if e.kind in same and e.strength != VISIT), None)
        if target is not None:
            if target.location is None and trig.location is not None:
                target.location = trig.location
            if date_v is not None and explicit and not target.explicit:
                target.date, target.end_date, target.exact, target.explicit = date_v, end_v, exact, True
            return []
        trig.strength = STRONG  # nothing to refer back to: "The meeting took place in Baku on ..."
    parties: set[str] = set()
    if trig.kind == "visit" and trig.location is not None and trig.location.country:
        parties.add(trig.location.country)  # the host country of a visit is a party
    people: list[Entity] = []
    for e in subject:
        if e.kind in (PERSON, TITLE) or (e.kind == GROUP):
            people.append(e)
        elif e.kind == STATE and e.country:
            parties.add(e.country)
    units = _unit_groups(objs) if trig.split_objects else ([objs] if objs else [])
    if not units:
        units = [[]]
    out = []
    for unit in units:
        ps = list(people)
        pts = set(parties)
        for e in unit:
            if e.kind == STATE and e.country:
                pts.add(e.country)
            else:
                ps.append(e)
        if not ps and not pts and not noun:
            continue
        ev = _Event(
            kind=trig.kind if trig.kind != "visit" else "visit",
            strength=trig.strength,
            sent=sent.index,
            evidence=sent.text,
            participants=ps,
            parties=pts,
            date=date_v,
            end_date=end_v,
            exact=exact,
            explicit=explicit,
            location=trig.location,
            multilateral_hint=trig.multilateral_hint,
            noun_trigger=noun,
        )
        out.append(ev)
    return out


def _filter(events: list[_Event], published: date | None) -> list[_Event]:
    """Drop recalled, announced and unsupported meetings (see the module docstring)."""
    out: list[_Event] = []
    strong = [e for e in events if e.strength == STRONG]
    for ev in events:
        if published is not None and ev.explicit and ev.date is not None:
            if ev.date < published - timedelta(days=STALE_DAYS) or ev.date > published + timedelta(days=1):
                continue
        if ev.strength == WEAK:
            shared = any(ev.named() & s.named() for s in strong)
            if not shared:
                continue
        out.append(ev)
    # a meeting dated days before the lead one is background
    lead = next((e for e in out if e.strength == STRONG), None)
    if lead is not None and lead.date is not None:
        out = [e for e in out if e is lead or not e.explicit or e.date is None
               or e.date >= lead.date - timedelta(days=1)]
    non_visit = [e for e in out if e.kind != "visit"]
    if non_visit:
        out = non_visit
    return out


def _compatible_kinds(a: str, b: str) -> str | None:
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
    """No country side names two different people in the two meetings."""
    for c in a.countries() & b.countries():
        pa = {fold_surname(p.name.split()[-1]) if p.name else "~" + (p.role or "").lower()
              for p in a.participants if p.country == c}
        pb = {fold_surname(p.name.split()[-1]) if p.name else "~" + (p.role or "").lower()
              for p in b.participants if p.country == c}
        if pa and pb and not (pa & pb):
            return False
    return True


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
                    o.participants.append(p)
            o.location = o.location or ev.location
            o.topics_text += " " + ev.topics_text
            merged = True
            break
        if not merged:
            out.append(ev)
    return out


def _participants(ev: _Event) -> tuple[Participant, ...]:
    named_countries = {p.country for p in ev.participants if p.kind in (PERSON, TITLE)}
    out: list[Participant] = []
    seen: set[str] = set()
    for p in ev.participants:
        if p.kind == GROUP and p.country in named_countries:
            continue
        key = fold_surname(p.name.split()[-1]) if p.name else f"~{p.role}~{p.country}"
        if key in seen:
            continue
        seen.add(key)
        if p.kind == GROUP:
            out.append(Participant(None, p.role or p.text, p.country))
        elif p.kind in (PERSON, TITLE):
            out.append(Participant(p.name, p.role, p.country))
    return tuple(out)


def parse_document(text: str, published: date | None, title: str, rules: LanguageRules,
                   gaz: Gazetteer, sentences: list[Sentence]) -> list[MeetingRecord]:
    if rules.is_commentary(sentences, title):
        return []
    infos = rules.analyse(sentences, published)
    return assemble(infos, published, rules, gaz)
