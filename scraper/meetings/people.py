"""Who is mentioned in a sentence: people with their titles and countries, title-only
mentions ("the Minister of Education"), groups ("the Turkmen side") and states.

The grammar is the one press releases use in every language we read: a title chain
("Azerbaijan's Minister of Foreign Affairs", "Chairman of the Halk Maslahaty of
Turkmenistan") stands right before a name or follows it as an appositive after a comma.
The language supplies its words (:class:`EntityWords`); the chain logic is shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pycountry

from scraper.meetings.gazetteer import (
    ADJ,
    CITY,
    COUNTRY,
    INSTITUTION,
    ORG,
    REGION,
    Gazetteer,
    OfficeMention,
    PlaceMention,
    fold_surname,
)

PERSON = "person"
TITLE = "title"
GROUP = "group"
STATE = "state"


@dataclass(frozen=True, slots=True)
class EntityWords:
    """Language-specific words the entity grammar needs."""

    stopwords: frozenset[str]  # capitalised words that are never part of a name
    particles: frozenset[str]  # lower-case name particles ("oglu", "bin", "van")
    org_suffixes: frozenset[str]  # words that make a name an organisation ("Foundation")
    chain_connectors: re.Pattern[str]  # gap text allowed inside a title chain
    group_nouns: re.Pattern[str]  # "delegation", "side", "ministry" after a country word
    extra_offices: tuple[tuple[re.Pattern[str], str], ...] = ()  # regex -> office key
    date_words: frozenset[str] = frozenset()  # "Jan", "Dec": names unless next to a number


@dataclass(frozen=True, slots=True)
class Entity:
    """A participant or party mentioned in a sentence."""

    kind: str  # PERSON | TITLE | GROUP | STATE
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    office: str | None = None
    country: str | None = None
    plural: bool = False
    possessive: bool = False
    text: str = ""

    def with_country(self, country: str | None) -> Entity:
        return replace(self, country=country)


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    kind: str  # "office" | "place" | "person"
    office: OfficeMention | None = None
    place: PlaceMention | None = None
    consumed: bool = False


@dataclass(slots=True)
class Mentions:
    """Everything found in one sentence (entities in text order, plus raw places)."""

    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    offices: list[OfficeMention] = field(default_factory=list)


_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_ISO2 = {c.alpha_2 for c in pycountry.countries}


def _party_code(pm: PlaceMention) -> str | None:
    if pm.ref.type in (COUNTRY, ORG, INSTITUTION):
        return pm.ref.code
    return None


def _offices(text: str, gaz: Gazetteer, words: EntityWords) -> list[OfficeMention]:
    found = []
    for om in gaz.find_offices(text):
        # short acronyms (PM, FM, MP) only in capitals
        if len(om.text) <= 3 and not om.text.isupper():
            continue
        found.append(om)
    for rx, office in words.extra_offices:
        for m in rx.finditer(text):
            overlapping = [o for o in found if not (o.end <= m.start() or o.start >= m.end())]
            if any(o.end - o.start >= m.end() - m.start() and o.office != "head" for o in overlapping):
                continue  # the gazetteer already names this office as precisely
            found = [o for o in found if o.end <= m.start() or o.start >= m.end()]
            found.append(OfficeMention(m.start(), m.end(), m.group(0), office, False, None))
    found.sort(key=lambda o: o.start)
    return found


def _name_runs(
    text: str,
    blocked: list[tuple[int, int]],
    words: EntityWords,
    known: set[str],
    gaz: Gazetteer,
    titled_ends: set[int],
) -> list[tuple[int, int, bool]]:
    """Spans of person names: runs of capitalised tokens outside places and titles."""

    def is_blocked(a: int, b: int) -> bool:
        return any(not (b <= s or a >= e) for s, e in blocked)

    toks = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        end = m.end()
        poss = False
        if tok.endswith(("'s", "’s")):
            tok = tok[:-2]
            end -= 2
            poss = True
        toks.append((m.start(), end, tok, poss))
    runs: list[tuple[int, int, bool]] = []
    cur: list[tuple[int, int, str, bool]] = []

    def flush() -> None:
        while cur and cur[-1][2].lower() in words.particles:
            cur.pop()
        if cur:
            runs.append((cur[0][0], cur[-1][1], cur[-1][3]))
        cur.clear()

    for start, end, tok, poss in toks:
        initial = len(tok) == 1 and tok.isupper() and text.startswith(".", end)
        dateish = tok in words.date_words and (
            re.search(r"\d\s*$", text[max(0, start - 4) : start]) is not None
            or re.match(r"\.?\s*\d", text[end:]) is not None
        )
        is_name = (
            (tok[0].isupper() or initial)
            and not dateish
            and tok not in words.stopwords
            and not (len(tok) > 1 and tok.isupper())
            and not is_blocked(start, end)
        )
        particle = tok.lower() in words.particles and bool(cur)
        if cur:
            gap = text[cur[-1][1] : start]
            if gap not in (" ", ". ") or (gap == ". " and len(cur[-1][2]) != 1) or cur[-1][3]:
                flush()
        if is_name or particle:
            cur.append((start, end + (1 if initial else 0), tok, poss))
        else:
            flush()
    flush()

    out = []
    for start, end, poss in runs:
        span = text[start:end]
        parts = span.split()
        nxt = re.match(r"\s*([A-Z][\w-]*)", text[end:])
        if nxt and nxt.group(1) in words.org_suffixes:
            continue
        if text[max(0, start - 4) : start].lower() == "the " and len(parts) > 1:
            continue
        # inside a capitalised name of a body: "... in Economic and Humanitarian Areas"
        pm = re.search(r"([A-Z][\w-]*)\s+(?:and|of|for|in|on)\s+$", text[max(0, start - 40) : start])
        if pm and pm.group(1) in words.stopwords and pm.group(1) not in ("President", "Minister"):
            continue
        if len(parts) == 1:
            key = fold_surname(span)
            if not (start in titled_ends or key in known or gaz.person_country(key)):
                continue
            if len(span) == 1:
                continue
        out.append((start, end, poss))
    return out


def _chain_country(places: Iterable[PlaceMention], text: str) -> str | None:
    for pm in places:
        code = _party_code(pm)
        if code is None:
            continue
        if re.search(r"\bto\s+(?:the\s+)?$", text[max(0, pm.start - 8) : pm.start]):
            continue  # "Ambassador of X to Y": Y is where he serves
        return code
    return None


def find_entities(
    text: str,
    gaz: Gazetteer,
    words: EntityWords,
    known_surnames: set[str] | None = None,
) -> Mentions:
    """People, title-only mentions, groups and states in ``text``, in text order."""
    known = known_surnames or set()
    places = [p for p in gaz.find_places(text)]
    offices = _offices(text, gaz, words)
    # a place inside a title belongs to the title ("Chairman of the Halk Maslahaty")
    inner_country: dict[int, str] = {}
    outer_places = []
    for pm in places:
        host = next((o for o in offices if o.start <= pm.start and pm.end <= o.end), None)
        if host is not None:
            code = _party_code(pm)
            if code and id(host) not in inner_country:
                inner_country[id(host)] = code
        else:
            outer_places.append(pm)
    places = outer_places
    blocked = [(o.start, o.end) for o in offices] + [(p.start, p.end) for p in places]
    titled_ends = set()
    for o in offices:
        gap = re.match(r"[\s,]*(?:(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+)?", text[o.end :])
        titled_ends.add(o.end + (gap.end() if gap else 0))
    for h in gaz.honorifics:
        for m in re.finditer(r"(?<!\w)" + re.escape(h) + r"\s+", text):
            titled_ends.add(m.end())
    runs = _name_runs(text, blocked, words, known, gaz, titled_ends)

    items: list[_Item] = [_Item(o.start, o.end, "office", office=o) for o in offices]
    items += [_Item(p.start, p.end, "place", place=p) for p in places]
    items += [_Item(s, e, "person") for s, e, _ in runs]
    items.sort(key=lambda it: it.start)

    def office_country(o: OfficeMention) -> str | None:
        return o.country or inner_country.get(id(o))

    entities: list[Entity] = []
    conn = words.chain_connectors
    for idx, it in enumerate(items):
        if it.kind != "person":
            continue
        name = text[it.start : it.end]
        poss = text.startswith("'s", it.end) or text.startswith("’s", it.end)
        # title chain before the name
        chain: list[_Item] = []
        pos = it.start
        j = idx - 1
        commas = 0
        while j >= 0:
            prev = items[j]
            if prev.kind == "person" or prev.consumed:
                break
            gap = text[prev.end : pos]
            if "," in gap:
                if chain or commas or gap.count(",") > 1:
                    break
                commas += 1
            if not conn.fullmatch(gap.replace(",", " ")):
                break
            if re.search(r"\band\b", gap) and not (
                prev.kind == "office" and chain and chain[0].kind == "office"
            ):
                break
            if prev.kind == "place" and prev.place is not None:
                # a place word belongs to the chain only next to a title: "Turkish President X",
                # "President of the Republic of Azerbaijan X"
                if prev.place.ref.type == CITY:
                    break
                if not chain:
                    # walk over "of Japan to Azerbaijan" back to the title it completes
                    k, right = j - 1, prev.start
                    link = re.compile(r"\s+(?:of|for|to|and|in)\s+(?:the\s+)?")
                    while k >= 0 and items[k].kind == "place" and link.fullmatch(text[items[k].end : right]):
                        right = items[k].start
                        k -= 1
                    before = items[k] if k >= 0 else None
                    if not (before is not None and before.kind == "office" and not before.consumed
                            and link.fullmatch(text[before.end : right])):
                        break
            chain.insert(0, prev)
            pos = prev.start
            j -= 1
        while chain and chain[0].kind == "place" and chain[0].place and chain[0].place.ref.form != ADJ \
                and not chain[0].place.possessive and chain[0].place.ref.type != ORG:
            chain.pop(0)
        pre_offices = [c.office for c in chain if c.office is not None]
        if not pre_offices:
            chain = []
        # appositive after the name: ", Deputy Minister of Foreign Affairs of Turkmenistan,"
        post: list[_Item] = []
        m = re.match(r"(?:'s|’s)?\s*,\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+)?", text[it.end :])
        if m and not chain:
            pos = it.end + m.end()
            j = idx + 1
            while j < len(items):
                nxt = items[j]
                if nxt.kind == "person":
                    break
                gap = text[pos : nxt.start]
                if "," in gap or not conn.fullmatch(gap):
                    break
                post.append(nxt)
                pos = nxt.end
                j += 1
            if not any(p.kind == "office" for p in post):
                post = []
        for c in chain + post:
            c.consumed = True
        chain_places = [c.place for c in chain + post if c.place is not None]
        chain_offices = [c.office for c in chain + post if c.office is not None]
        country = _chain_country(chain_places, text)
        if country is None:
            for o in chain_offices:
                country = office_country(o)
                if country:
                    break
        role = None
        office = None
        if chain_offices:
            first = chain_offices[0]
            last = (chain + post)[-1]
            role = text[first.start : last.end].strip(" ,")
            office = first.office
            # the most specific office names the job ("Deputy Prime Minister and Foreign Minister")
            for o in chain_offices:
                if o.office not in ("head", "minister"):
                    office = o.office
                    break
        entities.append(
            Entity(PERSON, it.start, it.end, name=name, role=role, office=office, country=country,
                   possessive=poss, text=name)
        )
        it.consumed = True

    # title-only mentions
    for idx, it in enumerate(items):
        if it.kind != "office" or it.consumed or it.office is None:
            continue
        o = it.office
        chain_items = [it]
        j = idx - 1
        if o.plural:
            # "the Azerbaijani and Georgian foreign ministers": coordinated adjectives before
            k = j
            pos0 = it.start
            while k >= 0 and items[k].kind == "place" and not items[k].consumed and items[k].place is not None \
                    and items[k].place.ref.form == ADJ and re.fullmatch(
                        r"\s+|,\s*|\s+and\s+|,\s+and\s+", text[items[k].end : pos0]):
                chain_items.insert(0, items[k])
                pos0 = items[k].start
                k -= 1
            if len(chain_items) > 2:
                j = -1
        if j >= 0 and items[j].kind == "place" and not items[j].consumed:
            gap = text[items[j].end : it.start]
            pl = items[j].place
            if pl is not None and re.fullmatch(r"(?:'s|’s)?\s+(?:[a-z-]+\s+){0,2}", gap) and (
                pl.ref.form == ADJ or pl.possessive or pl.ref.type in (ORG, REGION)
            ):
                chain_items.insert(0, items[j])
        pos = it.end
        j = idx + 1
        while j < len(items):
            nxt = items[j]
            if nxt.kind == "person" or nxt.consumed:
                break
            gap = text[pos : nxt.start]
            listy = o.plural and nxt.kind == "place" and re.fullmatch(r",?\s*(?:and\s+)?(?:the\s+)?", gap)
            if not listy and ("," in gap or not conn.fullmatch(gap)):
                break
            if nxt.kind == "office" and re.search(r",|\band\b", gap):
                break
            chain_items.append(nxt)
            pos = nxt.end
            j += 1
        tail = text[pos:]
        for c in chain_items:
            c.consumed = True
        chain_places = [c.place for c in chain_items if c.place is not None]
        codes: list[str] = []
        for pm in chain_places:
            if re.search(r"\bto\s+(?:the\s+)?$", text[max(0, pm.start - 8) : pm.start]):
                continue
            if pm.ref.type == REGION and o.plural:
                codes.extend(pm.ref.members)
            elif (c := _party_code(pm)) is not None:
                codes.append(c)
        if o.plural:
            # a trailing ISO code in a country list ("the US, the UK and TR")
            mm = re.match(r",?\s*and\s+(?:the\s+)?([A-Z]{2})\b", tail)
            if codes and mm and mm.group(1) in _ISO2:
                codes.append(mm.group(1))
                pos += mm.end()
        start = chain_items[0].start
        end = max(c.end for c in chain_items)
        role = text[it.start : end].strip(" ,")
        if o.plural and codes:
            for code in dict.fromkeys(codes):
                entities.append(Entity(TITLE, start, end, role=role, office=o.office, country=code,
                                       plural=True, text=text[start:end]))
        else:
            country = codes[0] if codes else office_country(o)
            entities.append(Entity(TITLE, start, end, role=role, office=o.office, country=country,
                                   plural=o.plural, text=text[start:end]))

    # groups ("the Turkmen side", "Hungarian officials") and states ("Pakistan and Turkmenistan")
    for it in items:
        if it.kind != "place" or it.consumed or it.place is None:
            continue
        pm = it.place
        after = text[pm.end :]
        g = words.group_nouns.match(after)
        before = text[max(0, pm.start - 40) : pm.start]
        g_before = re.search(r"\b(?:[Mm]inistr(?:y|ies)|MFA|[Gg]overnment|[Dd]elegations?)[\w ]{0,30}?\bof\s+(?:the\s+)?$",
                             before)
        if pm.ref.type == REGION:
            if g or re.match(r"\s+(?:countries|states|nations)\b", after):
                for code in pm.ref.members:
                    entities.append(Entity(STATE, pm.start, pm.end, country=code, plural=True, text=pm.text))
            continue
        code = _party_code(pm)
        if code is None:
            continue
        if g:
            entities.append(Entity(GROUP, pm.start, pm.end + g.end(), role=(pm.text + g.group(0)).strip(),
                                   country=code, text=pm.text + g.group(0)))
        elif g_before:
            entities.append(Entity(GROUP, pm.start, pm.end, role=None, country=code, text=pm.text))
        elif pm.ref.form != ADJ and not pm.possessive:
            entities.append(Entity(STATE, pm.start, pm.end, country=code, text=pm.text))
    entities.sort(key=lambda e: (e.start, e.end))
    return Mentions(entities=entities, places=[p for p in gaz.find_places(text)], offices=offices)
