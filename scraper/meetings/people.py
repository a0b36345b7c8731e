"""Who is mentioned in a sentence: people with their titles and countries, title-only
mentions ("the Minister of Education"), groups ("the Turkmen side") and states.

The grammar is the one press releases use in every language we read: a title chain
("Azerbaijan's Minister of Foreign Affairs", "Chairman of the Halk Maslahaty of
Turkmenistan") stands right before a name or follows it as an appositive after a comma.
The language supplies its words (:class:`EntityWords`); the chain logic is shared.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

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
from scraper.meetings.matching import Pattern, gated

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
    chain_connectors: Pattern  # gap text allowed inside a title chain
    group_nouns: Pattern  # "delegation", "side", "ministry" after a country word
    extra_offices: tuple[tuple[Pattern, str], ...] = ()  # regex -> office key
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
    rejected: set[str] = field(default_factory=set)  # one-word names left out for want of a full name


_TOKEN = gated(r"[^\W\d_][\w'’-]*")
def _upper_letters() -> str:
    """A character class source of the upper-case letters (``re`` has no ``\\p{Lu}``)."""
    letter = re.compile(r"[^\W\d_]")
    codes = [c for c in range(0x110000) if chr(c).isupper() and letter.match(chr(c))]
    ranges, lo = [], codes[0]
    for prev, cur in itertools.pairwise([*codes, -1]):
        if cur != prev + 1:
            ranges.append(re.escape(chr(lo)) + ("-" + re.escape(chr(prev)) if prev > lo else ""))
            lo = cur
    return "".join(ranges)


@cache
def _name_candidates(particles: frozenset[str]) -> re.Pattern[str]:
    """Words of the sentence that may belong to a name, as ``_TOKEN`` would cut them: a word is
    a run of word characters, apostrophes and hyphens, read from its first letter."""
    alt = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w'’-])[\d_'’-]*(?P<tok>[{_upper_letters()}][\w'’-]*"
                      rf"|(?i:{alt})(?:'s|’s)?(?![\w'’-]))")


# the rest of a title between it and the name: "Special Representative for the South Caucasus
# and the crisis in Georgia Magdalena Grono" (not "the President and Prime Minister X": two people)
_TITLE_TAIL = re.compile(
    r"\s+(?:(?:for|on)\s+(?:the\s+)?|and\s+the\s+(?=[a-z]))(?:[\w'’-]+\s+){0,4}[\w'’-]+(?:\s+|,\s+)"
    r"|\s+and\s+[A-Z][a-z]+\s+")  # "Minister of Economy and Commerce X"
# between two stacked titles: a comma, perhaps after the rest of the first one ("for Foreign Affairs")
_STACKED_GAP = re.compile(r"(?:\s+(?:for|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and|of|the|[A-Z][\w'’-]*))*)?\s*,\s*")
_CULTURAL_BEFORE = re.compile(r"(?i)\b(?:poet|writer|composer|painter|artist|thinker|philosopher|scientist|"
                              r"classic|poetess)\s+$")
_NAME_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ACRONYM_GAP = re.compile(r"\s*\([A-Z]{2,8}\)\s*,?\s*")
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing\s+(?=[A-Z])")
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_DIGIT_AFTER = re.compile(r"\.?\s*\d")
_NEXT_WORD = re.compile(r"\s*([A-Z][\w-]*)")
_VENUE_BEFORE = re.compile(r"\b(?:at|in|near|inside)\s+$")
_BODY_NAME_BEFORE = re.compile(r"([A-Z][\w-]*)\s+(?:and|of|for|in|on)\s+$")
_ISO2 = {c.alpha_2 for c in pycountry.countries}


def _party_code(pm: PlaceMention) -> str | None:
    """The party code of a place (countries, organisations, institutions; not cities)."""
    if pm.ref.type in (COUNTRY, ORG, INSTITUTION):
        return pm.ref.code
    return None


def _offices(text: str, gaz: Gazetteer, words: EntityWords) -> list[OfficeMention]:
    """Titles in a sentence: gazetteer offices plus the language's patterned ones."""
    found = []
    for om in gaz.find_offices(text):
        # short acronyms (PM, FM, MP) only in capitals
        if len(om.text) <= 3 and not om.text.isupper():
            continue
        if om.text.lower() == "head" and text[max(0, om.start - 7) : om.start].lower().endswith("at the ") \
                and text.startswith(" of", om.end):
            continue  # "arrived at the head of a delegation": leading it, not a head of anything named
        found.append(om)
    for rx, office in words.extra_offices:
        for m in rx.finditer(text):
            overlapping = [o for o in found if not (o.end <= m.start() or o.start >= m.end())]
            if any(o.end - o.start >= m.end() - m.start() and o.office != "head" for o in overlapping):
                continue  # the gazetteer already names this office as precisely
            found = [o for o in found if o.end <= m.start() or o.start >= m.end()]
            # "his Pakistani and Tajik counterparts": one per country, like other plural titles
            plural = office == "counterpart" and m.group(0).lower().endswith("counterparts")
            found.append(OfficeMention(m.start(), m.end(), m.group(0), office, plural, None))
    found.sort(key=lambda o: o.start)
    return found


def _name_runs(
    text: str,
    blocked: list[tuple[int, int]],
    words: EntityWords,
    known: set[str],
    gaz: Gazetteer,
    titled_ends: set[int],
    rejected: set[str],
) -> list[tuple[int, int, bool]]:
    """Spans of person names: runs of capitalised tokens outside places and titles."""

    spans = sorted(blocked)
    starts = [s for s, _ in spans]

    def is_blocked(a: int, b: int) -> bool:
        i = bisect.bisect_left(starts, b)
        return any(e > a for _, e in spans[max(0, i - 8) : i])

    runs: list[tuple[int, int, bool]] = []
    cur: list[tuple[int, int, str, bool]] = []
    particles, stopwords, date_words = words.particles, words.stopwords, words.date_words

    def flush() -> None:
        # a particle ends no name ("Mohammed bin"), but a capitalised one may ("Liu Bin")
        while cur and cur[-1][2].lower() in particles and not (len(cur) > 1 and cur[-1][2][0].isupper()):
            cur.pop()
        if cur:
            runs.append((cur[0][0], cur[-1][1], cur[-1][3]))
        cur.clear()

    # only words that can start or continue a name: capitalised ones and particles (a
    # lower-case word between two of them shows in the gap and ends the run)
    for m in _name_candidates(particles).finditer(text):
        tok = m.group("tok")
        start, end = m.span("tok")
        poss = False
        if tok.endswith(("'s", "’s")):
            tok = tok[:-2]
            end -= 2
            poss = True
        initial = len(tok) == 1 and tok.isupper() and text.startswith(".", end)
        dateish = tok in date_words and (
            _DIGIT_BEFORE.search(text, max(0, start - 4), start) is not None
            or _DIGIT_AFTER.match(text, end) is not None
        )
        is_name = (
            (tok[0].isupper() or initial)
            and not dateish
            and (tok not in stopwords or initial)  # "A. Novak" (not the article)
            and not (len(tok) > 1 and tok.isupper())
            and not is_blocked(start, end)
        )
        particle = bool(cur) and tok.lower() in particles
        if cur:
            gap = text[cur[-1][1] : start]
            # "R.Meredov" (not "H.E."): an initial glued to a surname
            glued = gap == "" and len(cur[-1][2]) == 1 and len(tok) > 1 and text.startswith(".", cur[-1][1] - 1)
            if (gap not in (" ", ". ") and not glued) or (gap == ". " and len(cur[-1][2]) != 1) or cur[-1][3]:
                flush()
        if is_name or particle:
            cur.append((start, end + (1 if initial else 0), tok, poss))
        else:
            flush()
    flush()

    out = []
    for start, end, poss in runs:
        span = text[start:end]
        lead = _OPENING_PARTICIPLE.match(span)
        if lead and not text[:start].strip(" \"'“‘(«"):
            # "Recalling Araghchi's visit ...": a participle opening the sentence, then the name
            start += lead.end()
            span = text[start:end]
        parts = span.replace(".", ". ").split()  # "R.Meredov" is two parts
        nxt = _NEXT_WORD.match(text, end)
        if (nxt and nxt.group(1) in words.org_suffixes) or parts[-1] in words.org_suffixes:
            continue  # "the Oguzkhan Presidential Palace Complex": a building, not a person
        if text[max(0, start - 4) : start].lower() == "the " and len(parts) > 1:
            continue
        if not poss and _VENUE_BEFORE.search(text[max(0, start - 8) : start]):
            continue  # "received him at Qasr Al Watan": a venue, not a person
        if _CULTURAL_BEFORE.search(text[max(0, start - 24) : start]):
            continue  # "dedicated to the poet Magtymguly Fragi": a figure honoured, not a party
        # inside a capitalised name of a body: "... in Economic and Humanitarian Areas"
        pm = _BODY_NAME_BEFORE.search(text[max(0, start - 40) : start])
        if pm and pm.group(1) in words.stopwords and pm.group(1) not in ("President", "Minister"):
            if len(parts) >= 3 and text[start - 4 : start] == "and ":
                # "Minister of Economy and Commerce Daniyar Amangeldiev": the title's last word
                # leads the run; the name is what follows it
                start += len(parts[0]) + 1
                parts = parts[1:]
            else:
                continue
        if len(parts) == 1:
            key = fold_surname(span)
            if not (start in titled_ends or key in known or gaz.person_country(key)):
                rejected.add(key)
                continue
            if len(span) == 1:
                continue
        out.append((start, end, poss))
    return out


def _chain_country(places: Iterable[PlaceMention], text: str) -> str | None:
    """The country a title chain names, skipping "to Y" (where an ambassador serves). A state
    named outright wins; among adjectives the last one owns the title ("Director-General of the
    Department of European Affairs of the Chinese Foreign Ministry" is China's)."""
    adjectives: list[str] = []
    for pm in places:
        code = _party_code(pm)
        if code is None:
            continue
        before = text[max(0, pm.start - 8) : pm.start]
        if re.search(r"\bto\s+(?:the\s+)?$", before) or (
                pm.ref.form == ADJ and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before)):
            continue  # "Ambassador of X to Y", "... in the Austrian capital": where, not whose
        if pm.ref.form == ADJ:
            adjectives.append(code)
            continue
        return code
    return adjectives[-1] if adjectives else None


_LINK = gated(r"\s+(?:of|for|to|and|in)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:of|for)\s+(?:the\s+)?)*")
_APPOSITIVE_START = gated(r"(?:'s|’s)?\s*,\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+)?")
# "the Azerbaijani community in France and Belgium": a place where, not a party
_LOCATIVE = gated(
    r"\b(?:in|at|into|across|throughout|near|around|inside|outside|within)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|\band\b)\s*(?:the\s+)?)*$"
)
# "Baku-based", "Baku city", "Baghdad Amreyev" (a first name), "from Ankara": not the state
_NOT_METONYM_AFTER = gated(
    r"[-–]|\s*(?:'s|’s)?\s+(?:[a-z]+-based|city|region|office|residence|airport|street|forum|summit|conference|"
    r"format|process|declaration)\b|\s+[A-Z][a-z]"
)
_NOT_METONYM_BEFORE = gated(r"\b(?:from|to|of|via|for)\s+(?:the\s+)?$")
# a city word right before a capitalised word that is no title or place may be a first name
_FIRST_NAME_CITY = gated(r" [A-Z][a-z]+(?:ov|ev|yev|ova|eva|yeva|in|ina|enko|shvili|dze|yan|ian|li|lu|oglu)\b")
_BUSINESS_AFTER = gated(
    r"\s+(?:[a-z-]+\s+)?(?:company|companies|firm|firms|business(?:es|men)?|corporation|holding|investors?|"
    r"entrepreneurs|manufacturers?|producers?|banks?|team|club|federation)\b"
)
_GROUP_OF = gated(r"\b(?:[Mm]inistr(?:y|ies)|MFA|[Gg]overnment|[Dd]elegations?)[\w ]{0,30}?\bof\s+(?:the\s+)?$")


class _Scanner:
    """One sentence's mentions, and the chains that tie titles and countries to names."""

    def __init__(self, text: str, gaz: Gazetteer, words: EntityWords, known: set[str]) -> None:
        self.text = text
        self.words = words
        self.capitals = gaz.capitals
        offices = _offices(text, gaz, words)
        self.offices = offices
        self.inner_country: dict[int, str] = {}
        places = []
        self.all_places = gaz.find_places(text)
        for pm in self.all_places:
            host = next((o for o in offices if o.start <= pm.start and pm.end <= o.end), None)
            if host is None and pm.ref.type == CITY and _FIRST_NAME_CITY.match(text, pm.end) and not re.search(
                    r"\b(?:in|at|to|from|of|via|near|visit)\s+(?:the\s+)?$", text[max(0, pm.start - 12) : pm.start]):
                continue  # "Baghdad Amreyev": a city name used as a first name
            if host is None:
                places.append(pm)
            elif (code := _party_code(pm)) and id(host) not in self.inner_country:
                # a place inside a title belongs to it ("Chairman of the Halk Maslahaty")
                self.inner_country[id(host)] = code
        blocked = [(o.start, o.end) for o in offices] + [(p.start, p.end) for p in places]
        if gaz.honorific_re is not None:
            # "H.E. Jeyhun Bayramov": the honorific's letters are no initials of the name
            blocked += [(m.start(), m.start() + len(m.group(0).rstrip())) for m in gaz.honorific_re.finditer(text)]
        titled_ends = set()
        for o in offices:
            after = re.match(r"[\s,]*(?:(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+)?", text[o.end :])
            titled_ends.add(o.end + (after.end() if after else 0))
        if gaz.honorific_re is not None:
            titled_ends.update(m.end() for m in gaz.honorific_re.finditer(text))
        self.rejected: set[str] = set()
        runs = _name_runs(text, blocked, words, known, gaz, titled_ends, self.rejected)
        items = [_Item(o.start, o.end, "office", office=o) for o in offices]
        items += [_Item(p.start, p.end, "place", place=p) for p in places]
        items += [_Item(a, b, "person") for a, b, _ in runs]
        items.sort(key=lambda it: it.start)
        self.items = items

    def office_country(self, o: OfficeMention) -> str | None:
        return o.country or self.inner_country.get(id(o))

    # --- people -----------------------------------------------------------------------------
    def _city_completes_title(self, j: int) -> bool:
        """Is the city at ``j`` the seat of the office right before it ("Mayor of Dushanbe")?"""
        before = self.items[j - 1] if j else None
        return before is not None and before.kind == "office" and re.fullmatch(
            r"\s+of\s+", self.text[before.end : self.items[j].start]) is not None

    def _place_completes_title(self, j: int) -> bool:
        """Is the place at ``j`` part of "of Japan to Azerbaijan" after a title?"""
        items, text = self.items, self.text
        k, right = j - 1, items[j].start
        while k >= 0 and items[k].kind == "place" and _LINK.fullmatch(text[items[k].end : right]):
            right = items[k].start
            k -= 1
        before = items[k] if k >= 0 else None
        return before is not None and before.kind == "office" and not before.consumed and bool(
            _LINK.fullmatch(text[before.end : right]))

    def _chain_before(self, idx: int) -> list[_Item]:
        """The title chain right before a name ("Azerbaijan's Minister of Foreign Affairs")."""
        items, text, conn = self.items, self.text, self.words.chain_connectors
        chain: list[_Item] = []
        pos = items[idx].start
        commas = 0
        for j in range(idx - 1, -1, -1):
            prev = items[j]
            if prev.kind == "person" or prev.consumed:
                break
            between = text[prev.end : pos]
            if "," in between:
                # one comma before the name ("Turkmenistan's Deputy Minister, Ahmet Gurbanov"), or
                # between two titles of one person ("Deputy Chairman of the Cabinet, Minister of ...")
                # (the first title may end in its place: "Chairman of the Majlisi Milli, Mayor of ...")
                title_list = bool(chain) and chain[0].kind == "office" and (
                    prev.kind == "office" or self._place_completes_title(j))
                if between.count(",") > 1 or (chain and not title_list) or (not chain and commas):
                    break
                commas += 1
            if not conn.fullmatch(between.replace(",", " ")):
                break
            title_and = prev.kind == "office" and bool(chain) and chain[0].kind == "office"
            # "Azerbaijani and Armenian deputy prime ministers X and Y": coordinated adjectives
            adj_and = prev.kind == "place" and bool(chain) and chain[0].kind == "place" and any(
                c.office is not None and c.office.plural for c in chain)
            if re.search(r"\band\b", between) and not (title_and or adj_and):
                break
            # a place word joins only next to a title: "Turkish President X",
            # "President of the Republic of Azerbaijan X"
            if prev.place is not None and (
                (prev.place.ref.type == CITY and not self._city_completes_title(j))
                or (not chain and not self._place_completes_title(j))
            ):
                break
            chain.insert(0, prev)
            pos = prev.start
        for k in range(1, len(chain)):
            if chain[k - 1].office is not None and chain[k].office is not None and re.search(
                    r"\band\b", text[chain[k - 1].end : chain[k].start]):
                # "the Turkmen leader and President of Iran X": titles of two states are two people
                left, right = self._chain_codes(chain[:k]), self._chain_codes(chain[k:])
                if left and right and not left & right:
                    chain = chain[k:]
                break
        while chain and chain[0].place is not None and chain[0].place.ref.form != ADJ \
                and not chain[0].place.possessive and chain[0].place.ref.type != ORG:
            chain.pop(0)
        return chain if any(c.office is not None for c in chain) else []

    def _chain_codes(self, items: list[_Item]) -> set[str]:
        codes = {c for c in (_party_code(i.place) for i in items if i.place is not None) if c}
        return codes | {c for c in (self.office_country(i.office) for i in items if i.office is not None) if c}

    def _appositive(self, idx: int) -> list[_Item]:
        """", Deputy Minister of Foreign Affairs of Turkmenistan," after a name."""
        items, text, conn = self.items, self.text, self.words.chain_connectors
        m = _APPOSITIVE_START.match(text[items[idx].end :])
        if not m:
            return []
        post: list[_Item] = []
        pos = items[idx].end + m.end()
        for nxt in items[idx + 1 :]:
            if nxt.kind == "person":
                if post and "," not in text[pos : nxt.start] and conn.fullmatch(text[pos : nxt.start]):
                    # "Foreign Minister X, Kazakh Foreign Minister Y": the title leads the next name
                    return []
                break
            between = text[pos : nxt.start]
            if "," in between or not conn.fullmatch(between):
                break
            post.append(nxt)
            pos = nxt.end
        return post if any(p.kind == "office" for p in post) else []

    def people(self) -> list[Entity]:
        """Named people with the title and country their chains give."""
        text = self.text
        out: list[Entity] = []
        pending: list[str] = []  # countries left for names coordinated after a plural title
        for idx, it in enumerate(self.items):
            if it.kind != "person":
                continue
            name = text[it.start : it.end]
            chain = self._chain_before(idx)
            # "H.E. Ambassador X, UN Special Representative, ...": the appositive names the side
            chain_has_country = any(c.place is not None and _party_code(c.place) for c in chain) or any(
                c.office is not None and self.office_country(c.office) for c in chain)
            post = [] if chain and chain_has_country else self._appositive(idx)
            linked = chain + post
            for c in linked:
                c.consumed = True
            it.consumed = True
            places = [c.place for c in linked if c.place is not None]
            offices = [c.office for c in linked if c.office is not None]
            country = _chain_country(places, text) or next(
                (p.ref.code for p in places if p.ref.type == CITY), None)  # "Mayor of Dushanbe"
            codes = [c for c in (_party_code(p) for p in places) if c]
            if any(o.plural for o in offices) and len(codes) > 1:
                country, pending = codes[0], codes[1:]  # "... ministers X and Y": respectively
            elif not linked and pending and out and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*",
                                                                 text[out[-1].end : it.start]):
                country, pending = pending[0], pending[1:]
            else:
                pending = [] if linked else pending
            for o in offices:
                country = country or self.office_country(o)
            role = office = None
            if offices:
                role = text[offices[0].start : linked[-1].end].strip(" ,")
                # the most specific office names the job ("Deputy Prime Minister and Foreign Minister")
                office = next((o.office for o in offices if o.office not in ("head", "minister")), offices[0].office)
            out.append(Entity(PERSON, it.start, it.end, name=name, role=role, office=office, country=country,
                              possessive=text.startswith(("'s", "’s"), it.end), text=name))
        return out

    # --- titles without names -----------------------------------------------------------------
    def _adjectives_before(self, idx: int, plural: bool) -> list[_Item]:
        """Country adjectives that qualify a title ("the Azerbaijani and Georgian ministers")."""
        items, text = self.items, self.text
        found: list[_Item] = []
        if plural:
            # "the Azerbaijani and Georgian foreign ministers": coordinated adjectives
            pos = items[idx].start
            for k in range(idx - 1, -1, -1):
                pl = items[k].place
                if items[k].consumed or pl is None or pl.ref.form != ADJ or not re.fullmatch(
                        r"\s+|,\s*|\s+and\s+|,\s+and\s+", text[items[k].end : pos]):
                    break
                found.insert(0, items[k])
                pos = items[k].start
            if len(found) > 1:
                return found
        j = idx - 1
        pl = items[j].place if j >= 0 and not items[j].consumed else None
        if pl is not None and re.fullmatch(r"(?:'s|’s)?\s+(?:[a-z-]+\s+){0,2}", text[items[j].end : items[idx].start]) \
                and (pl.ref.form == ADJ or pl.possessive or pl.ref.type in (ORG, REGION)
                     or (len(pl.text.replace(".", "")) <= 3 and pl.text.isupper())):  # "the US diplomat"
            return [items[j]]
        return []

    def titles(self) -> list[Entity]:
        """Titles with no name: one holder, or one per listed country for plural titles."""
        items, text, conn = self.items, self.text, self.words.chain_connectors
        out = []
        for idx, it in enumerate(items):
            o = it.office
            if o is None or it.consumed:
                continue
            linked = [*self._adjectives_before(idx, o.plural), it]
            pos = it.end
            for nxt in items[idx + 1 :]:
                if nxt.kind == "person" or nxt.consumed:
                    break
                between = text[pos : nxt.start]
                listy = o.plural and nxt.kind == "place" and re.fullmatch(r",?\s*(?:and\s+)?(?:the\s+)?", between)
                if not listy and ("," in between or not conn.fullmatch(between)):
                    break
                if nxt.kind == "office" and re.search(r",|\band\b", between):
                    break
                linked.append(nxt)
                pos = nxt.end
            for c in linked:
                c.consumed = True
            codes: list[str] = []
            for pm in (c.place for c in linked if c.place is not None):
                if re.search(r"\bto\s+(?:the\s+)?$", text[max(0, pm.start - 8) : pm.start]):
                    continue
                if pm.ref.type == REGION and o.plural:
                    codes.extend(pm.ref.members)
                elif (code := _party_code(pm)) is not None:
                    codes.append(code)
            if o.plural and codes:
                # a trailing ISO code in a country list ("the US, the UK and TR")
                mm = re.match(r",?\s*and\s+(?:the\s+)?([A-Z]{2})\b", text[pos:])
                if mm and mm.group(1) in _ISO2:
                    codes.append(mm.group(1))
            start, end = linked[0].start, max(c.end for c in linked)
            role = text[it.start : end].strip(" ,")
            if o.plural and codes:
                # one holder per listed country; the role is the office itself ("Ambassadors")
                out += [Entity(TITLE, start, end, role=o.text, office=o.office, country=code, plural=True,
                               text=text[start:end]) for code in dict.fromkeys(codes)]
            else:
                owner = _chain_country([c.place for c in linked if c.place is not None], text)
                out.append(Entity(TITLE, start, end, role=role, office=o.office,
                                  country=owner or (codes[0] if codes else self.office_country(o)), plural=o.plural,
                                  text=text[start:end]))
        return out

    # --- groups and states ------------------------------------------------------------------
    def _locative(self, start: int) -> bool:
        return _LOCATIVE.search(self.text[max(0, start - 80) : start]) is not None

    def groups(self) -> list[Entity]:
        """"the Turkmen side", "Hungarian officials", "Pakistan and Turkmenistan"."""
        text = self.text
        out = []
        for it in self.items:
            pm = it.place
            if pm is None or it.consumed:
                continue
            after = text[pm.end :]
            g = self.words.group_nouns.match(after)
            if pm.ref.type == CITY:
                # a capital standing for its state: "Baku and Ashgabat held consultations"
                if self.capitals.get(pm.ref.code) == pm.ref.city and not self._locative(pm.start) \
                        and not _NOT_METONYM_AFTER.match(after) \
                        and not _NOT_METONYM_BEFORE.search(text[max(0, pm.start - 12) : pm.start]):
                    out.append(Entity(STATE, pm.start, pm.end, country=pm.ref.code, text=pm.text))
                continue
            if pm.ref.type == REGION:
                if g or re.match(r"\s+(?:countries|states|nations)\b", after):
                    out += [Entity(STATE, pm.start, pm.end, country=c, plural=True, text=pm.text)
                            for c in pm.ref.members]
                continue
            code = _party_code(pm)
            if code is None or _BUSINESS_AFTER.match(after):
                continue  # "the Turkish company X": a firm, not a state
            paired = re.match(r"[-–]\S", after) is not None or text[max(0, pm.start - 1) : pm.start] in ("-", "–")
            if pm.ref.form == ADJ and paired:
                # "Kazakh-Uzbek talks", "Turkmen-Azerbaijani consultations": both are parties
                out.append(Entity(STATE, pm.start, pm.end, country=code, text=pm.text))
            elif g:
                out.append(Entity(GROUP, pm.start, pm.end + g.end(), role=(pm.text + g.group(0)).strip(),
                                  country=code, text=pm.text + g.group(0)))
            elif _GROUP_OF.search(text[max(0, pm.start - 40) : pm.start]):
                out.append(Entity(GROUP, pm.start, pm.end, country=code, text=pm.text))
            elif pm.ref.form != ADJ and not pm.possessive and not self._locative(pm.start):
                out.append(Entity(STATE, pm.start, pm.end, country=code, text=pm.text))
        return out


def find_entities(
    text: str,
    gaz: Gazetteer,
    words: EntityWords,
    known_surnames: set[str] | None = None,
) -> Mentions:
    """People, title-only mentions, groups and states in ``text``, in text order."""
    scan = _Scanner(text, gaz, words, known_surnames or set())
    entities = scan.people()
    entities += scan.titles()
    entities += scan.groups()
    entities.sort(key=lambda e: (e.start, e.end))
    entities = _title_then_name(entities, text)
    entities = _respectively(entities, text)
    return Mentions(entities=entities, places=scan.all_places, offices=scan.offices, rejected=scan.rejected)


def _respectively(entities: list[Entity], text: str) -> list[Entity]:
    """"the Presidents of Iran, Armenia and Pakistan, Masoud Pezeshkian, Vahagn Khachaturyan and Asif Ali
    Zardari": a plural title over several states, then as many names after a comma, one for each state
    in turn."""
    out = list(entities)
    i = 0
    while i < len(out):
        e = out[i]
        if e.kind != TITLE or not e.plural or not e.country:
            i += 1
            continue
        group = [t for t in out[i:] if t.kind == TITLE and t.start == e.start and t.end == e.end]
        after = out[i + len(group) :]
        names: list[Entity] = []
        pos = e.end
        for p in after:
            gap = text[pos : p.start]
            if p.kind != PERSON or p.country is not None or not _NAME_LIST_GAP.fullmatch(gap) or (
                    not names and "," not in gap):
                break
            names.append(p)
            pos = p.end
        if len(group) > 1 and len(names) == len(group):
            role = group[0].role
            named = [replace(n, country=t.country, role=n.role or role, office=n.office or t.office)
                     for n, t in zip(names, group, strict=True)]
            out = out[:i] + named + after[len(names) :]
            i += len(named)
        else:
            i += len(group)
    return out


def _title_then_name(entities: list[Entity], text: str) -> list[Entity]:
    """A title written right before a name is that person's ("Minister for Europe and Foreign
    Affairs of France Jean-Noël Barrot"), however long the title chain that led to it; so is a
    title stacked before it with a comma ("Special Representative of the UN Secretary-General,
    Head of the UN Regional Centre K. Abdrakhmanov")."""
    out: list[Entity] = []
    for e in entities:
        while e.kind == PERSON and out and out[-1].kind == TITLE and not out[-1].plural and out[-1].end <= e.start:
            prev = out[-1]
            between = text[prev.end : e.start]
            if e.role is None and (between.strip() in ("", ",", ")", "),") or _TITLE_TAIL.fullmatch(between)
                                   or _ACRONYM_GAP.fullmatch(between)):
                # ("Secretary General of the OSCE (OSCE) X": the organisation's acronym in brackets)
                e = replace(e, start=prev.start, role=prev.role, office=prev.office,
                            country=e.country or prev.country, text=text[prev.start : e.end])
            elif e.role is not None and prev.country in (None, e.country) and (
                    (role_at := text.rfind(e.role, prev.end, e.end)) >= 0
                    and _STACKED_GAP.fullmatch(text, prev.end, role_at)):
                # "High Representative of the EU for Foreign Affairs and Security Policy, Vice-President
                # of the European Commission Kaja Kallas": one person's titles, written one after another
                e = replace(e, start=prev.start, role=text[prev.start : role_at + len(e.role)].strip(" ,"),
                            office=e.office or prev.office, text=text[prev.start : e.end])
            else:
                break
            out.pop()
        out.append(e)
    return out
