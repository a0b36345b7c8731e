"""The Russian gazetteer: places, organisations and titles matched in any grammatical case.

The data are the ``ru_*.toml`` files (nominative forms keyed to the codes of places.toml and
the offices of offices.toml) and pycountry's Russian country names. Russian declines names
("Азербайджан", "Азербайджана", "в Азербайджане") and adjectives ("азербайджанской стороны",
"туркменских дипломатов"), so a form matches a word by lemma (pymorphy3) or, for names
pymorphy does not know, by its stem followed by a case ending.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import pycountry

from scraper.meetings import memo
from scraper.meetings.gazetteer import (
    ADJ,
    CITY,
    COUNTRY,
    INSTITUTION,
    NAME,
    ORG,
    REGION,
    OfficeMention,
    PlaceMention,
    PlaceRef,
    _read,
)
from scraper.meetings.ru_morph import lemmas, readings, words

# a word: letters, digits, and hyphens or apostrophes between them ("Герой-Аркадаг"); or a number
TOKEN = re.compile(r"[^\W\d_]\w*(?:[-'’]\w+)*|\d+")
_NOUN_ENDINGS = frozenset(words("""
    а я у ю е и ы ой ей ом ем ам ям ами ями ах ях ью ии ию ией ия"""))
_ADJ_ENDINGS = frozenset(words("""
    ий ый ой ая яя ое ее ые ие ого его ому ему ом ем ую юю ых их ым им ыми ими ей"""))


class Token(NamedTuple):
    """A word or number with its offsets (a tuple: sentences make thousands of them)."""

    start: int
    end: int
    text: str
    low: str  # lower case, ё read as е

    @classmethod
    def word(cls, text: str, start: int = 0) -> Token:
        return cls(start, start + len(text), text, _lower(text))


def _lower(word: str) -> str:
    return word.lower().replace("ё", "е")


def tokenize(text: str) -> list[Token]:
    """Words (hyphenated words are one token) and numbers with their offsets (memoised per sentence)."""
    return memo.scan(("ru", "tokens", text), lambda: _tokens(text))


def _tokens(text: str) -> list[Token]:
    low = _lower(text)
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): lower each word
        return [Token(a, b, text[a:b], _lower(text[a:b])) for a, b in (m.span() for m in TOKEN.finditer(text))]
    new = tuple.__new__
    return [new(Token, (a, b, text[a:b], low[a:b])) for a, b in (m.span() for m in TOKEN.finditer(text))]


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    value: object  # PlaceRef or (office, country)
    adjective: bool


def _stem(word: str, adjective: bool) -> str:
    low = word.lower().replace("ё", "е")
    if adjective and low[-2:] in ("ий", "ый", "ой"):
        return low[:-2]
    return low[:-1] if low[-1:] in "аяеиоуыйь" else low  # "Россия" -> "Росси" (+и/ю/ей), not "Росс"


@lru_cache(maxsize=1 << 16)
def _word_matches(entry_word: str, text: str, low: str, adjective: bool, proper: bool) -> bool:
    """Does a text word (``text``, lower-cased ``low``) stand for a nominative gazetteer word, in
    some case and number? (A word-level answer, so it is remembered.)"""
    if len(entry_word) > 1 and entry_word.isupper():
        return text == entry_word or text.replace("Ё", "Е") == entry_word.replace("Ё", "Е")
    if proper and not text[:1].isupper():
        return False
    w = entry_word.lower().replace("ё", "е")
    if low == w:
        return True
    if _lemma_set(w) & lemmas(low):
        return True
    stem = _stem(w, adjective)
    if len(stem) >= 4 and low.startswith(stem):
        rest = low[len(stem) :]
        return rest in (_ADJ_ENDINGS if adjective else _NOUN_ENDINGS)
    return False


@cache
def _lemma_set(word: str) -> frozenset[str]:
    """Lemmas of a gazetteer word, restricted to readings in the nominative."""
    out = {word}
    for r in readings(word):
        if r.case in (None, "nomn") or r.pos in ("ADJF", "NOUN"):
            out.add(r.lemma)
    return frozenset(out)


class _Matcher:
    """Longest-first phrase matching over tokens.

    Entries are indexed by every key their first word can be reached by (its form, its
    lemmas, its stem), so a token looks up its own keys instead of testing each entry; the
    remaining words of a candidate are checked with :func:`_word_matches`.
    """

    def __init__(self, entries: list[_Entry], proper: bool) -> None:
        self.proper = proper
        ordered = sorted(entries, key=lambda e: -len(e.words))  # stable: longest first
        self.rank = {id(e): n for n, e in enumerate(ordered)}
        self.exact: dict[str, list[_Entry]] = {}  # acronyms, matched as written
        self.forms: dict[str, list[_Entry]] = {}  # lower-cased form and lemmas
        self.noun_stems: dict[str, list[_Entry]] = {}
        self.adj_stems: dict[str, list[_Entry]] = {}
        for e in ordered:
            first = e.words[0]
            if len(first) > 1 and first.isupper():
                self.exact.setdefault(first.replace("Ё", "Е"), []).append(e)
                continue
            w = first.lower().replace("ё", "е")
            for key in _lemma_set(w):
                self.forms.setdefault(key, []).append(e)
            stem = _stem(w, e.adjective)
            if len(stem) >= 4:
                (self.adj_stems if e.adjective else self.noun_stems).setdefault(stem, []).append(e)
        self._cached_candidates = lru_cache(maxsize=32768)(self._candidates)

    def _candidates(self, text: str) -> tuple[_Entry, ...]:
        """Entries whose first word the token ``text`` may stand for, longest first."""
        low = text.lower().replace("ё", "е")
        found: dict[int, _Entry] = {}
        for e in self.exact.get(text.replace("Ё", "Е"), ()):
            found[id(e)] = e
        for key in (low, *lemmas(low)):
            for e in self.forms.get(key, ()):
                found[id(e)] = e
        for table, endings in ((self.noun_stems, _NOUN_ENDINGS), (self.adj_stems, _ADJ_ENDINGS)):
            if not table:
                continue
            for cut in (1, 2, 3):
                if len(low) - cut >= 4 and low[-cut:] in endings:
                    for e in table.get(low[:-cut], ()):
                        found[id(e)] = e
        return tuple(sorted(found.values(), key=lambda e: self.rank[id(e)]))

    def match(self, toks: list[Token], i: int) -> tuple[int, _Entry] | None:
        """The longest entry starting at token ``i``: (number of tokens, entry)."""
        cands = self._cached_candidates(toks[i].text)
        if cands:
            rs = readings(toks[i].low)
            if rs and rs[0].pos in ("PREP", "CONJ", "PRCL", "INTJ"):
                return None  # "после" is also "о после" (the ambassador): a preposition first
        for e in cands:
            n = len(e.words)
            if i + n > len(toks):
                continue
            ok = True
            for k, w in enumerate(e.words):
                tok = toks[i + k]
                proper = self.proper and k == 0 and not e.adjective
                if not _word_matches(w, tok.text, tok.low, e.adjective, proper):
                    ok = False
                    break
            if ok:
                return n, e
        return None


def _clean(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if ch != "\u0301")
    return unicodedata.normalize("NFC", s).replace("ё", "е").replace("Ё", "Е")


@dataclass(slots=True)
class RuGazetteer:
    """Compiled Russian lookups (built once per process by :func:`load_ru`)."""

    places: _Matcher
    offices: _Matcher
    honorifics: tuple[str, ...]
    adj_bases: dict[str, PlaceRef]  # "кыргыз" -> KG: the first parts of compound adjectives

    def find_places(self, text: str, toks: list[Token] | None = None) -> list[PlaceMention]:
        """Place mentions in text order (memoised per sentence)."""
        return memo.scan(("ru", "places", text), lambda: self._find_places(text, toks))

    def _find_places(self, text: str, toks: list[Token] | None) -> list[PlaceMention]:
        toks = toks if toks is not None else tokenize(text)
        out: list[PlaceMention] = []
        candidates = self.places._cached_candidates
        i = 0
        while i < len(toks):
            # most words start no entry: one cached lookup tells, without trying a match
            got = self.places.match(toks, i) if candidates(toks[i].text) else None
            if got is None:
                if "-" in toks[i].text:
                    out.extend(self._compound(text, toks[i]))
                i += 1
                continue
            n, e = got
            a, b = toks[i].start, toks[i + n - 1].end
            assert isinstance(e.value, PlaceRef)
            out.append(PlaceMention(a, b, text[a:b], e.value, False))
            i += n
        return out

    def _compound(self, text: str, tok: Token) -> list[PlaceMention]:
        """"кыргызско-узбекской", "туркмено-российской": a compound adjective names each country."""
        parts = tok.low.split("-")
        if len(parts) < 2 or not all(parts):
            return []
        refs: list[PlaceRef] = []
        for k, part in enumerate(parts):
            if k < len(parts) - 1:
                ref = self.adj_bases.get(_compound_base(part))
            else:
                got = self.places.match([Token.word(part)], 0)
                ref = got[1].value if got is not None and got[1].adjective else None  # type: ignore[assignment]
            if not isinstance(ref, PlaceRef):
                return []
            refs.append(ref)
        return [PlaceMention(tok.start, tok.end, tok.text, ref, False) for ref in refs]

    def find_offices(self, text: str, toks: list[Token] | None = None) -> list[OfficeMention]:
        """Office mentions in text order (memoised per sentence)."""
        return memo.scan(("ru", "offices", text), lambda: self._find_offices(text, toks))

    def _find_offices(self, text: str, toks: list[Token] | None) -> list[OfficeMention]:
        toks = toks if toks is not None else tokenize(text)
        out: list[OfficeMention] = []
        candidates = self.offices._cached_candidates
        i = 0
        while i < len(toks):
            got = self.offices.match(toks, i) if candidates(toks[i].text) else None
            if got is None:
                i += 1
                continue
            n, e = got
            a, b = toks[i].start, toks[i + n - 1].end
            assert isinstance(e.value, tuple)
            office: str = e.value[0]
            country: str | None = e.value[1]
            head = readings(toks[i].low)
            plural = bool(head) and head[0].number == "plur" and head[0].pos == "NOUN"
            out.append(OfficeMention(a, b, text[a:b], office, plural, country))
            i += n
        return out


@cache
def load_ru() -> RuGazetteer:
    """Russian places and offices from ``ru_places.toml``, ``ru_offices.toml`` and pycountry."""
    data = _read("ru_places.toml")
    base = _read("places.toml")
    entries: list[_Entry] = []

    def add(form: str, ref: PlaceRef, adjective: bool = False) -> None:
        words = tuple(_clean(form).split())
        if words:
            entries.append(_Entry(words, ref, adjective))

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        tr = None
    listed = data.get("countries", {})
    for pc in pycountry.countries:
        code = pc.alpha_2
        if tr is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val:
                    ru = tr.gettext(val)
                    if ru != val and "," not in ru and "(" not in ru:
                        add(ru, PlaceRef(code, COUNTRY, NAME))
        entry = listed.get(code)
        if entry is None:
            continue
        for form in entry.get("names", []):
            add(form, PlaceRef(code, COUNTRY, NAME))
        for form in entry.get("adj", []):
            add(form, PlaceRef(code, COUNTRY, ADJ), adjective=True)
        for form, city in entry.get("cities", {}).items():
            add(form, PlaceRef(code, CITY, NAME, city=city))
    for code, entry in data.get("organisations", {}).items():
        for form in entry.get("names", []):
            add(form, PlaceRef(code, ORG, NAME))
        for form in entry.get("adj", []):
            add(form, PlaceRef(code, ORG, ADJ), adjective=True)
    for code, entry in data.get("regions", {}).items():
        members = tuple(base.get("regions", {}).get(code, {}).get("members", []))
        for form in entry.get("names", []):
            add(form, PlaceRef(code, REGION, NAME, members=members))
        for form in entry.get("adj", []):
            add(form, PlaceRef(code, REGION, ADJ, members=members), adjective=True)
    for entry in base.get("landmarks", {}).values():
        # "в Кремле", "в Акорде": a seat of power stands for its city
        for form in entry.get("ru", []):
            add(form, PlaceRef(entry["country"], CITY, NAME, city=entry["city"]))
    for key, entry in data.get("institutions", {}).items():
        country = base.get("institutions", {}).get(key, {}).get("country")
        if country:
            for form in entry.get("names", []):
                add(form, PlaceRef(country, INSTITUTION, NAME))

    off = _read("ru_offices.toml")
    office_entries = []
    for key, entry in off.get("office", {}).items():
        for form in entry.get("ru", []):
            words = tuple(_clean(form).split())
            office_entries.append(_Entry(words, (key, entry.get("country")), False))
        for code, forms in entry.get("of", {}).items():
            for form in forms:
                office_entries.append(_Entry(tuple(_clean(form).split()), (key, code), False))
    honorifics = tuple(_clean(h) for h in off.get("honorifics", {}).get("ru", []))
    adj_bases = {_adj_base(e.words[0]): e.value for e in entries
                 if e.adjective and len(e.words) == 1 and isinstance(e.value, PlaceRef)}
    return RuGazetteer(
        places=_Matcher(entries, proper=True),
        offices=_Matcher(office_entries, proper=False),
        honorifics=honorifics,
        adj_bases=adj_bases,
    )


def _adj_base(adj: str) -> str:
    """"кыргызский" -> "кыргыз", "турецкий" -> "туре": what a compound's first part keeps."""
    low = adj.lower().replace("ё", "е")
    for end in ("ский", "цкий", "ий", "ый"):
        if low.endswith(end):
            return low[: -len(end)]
    return low


def _compound_base(part: str) -> str:
    """"кыргызско" -> "кыргыз", "туркмено" -> "туркмен", "турецко" -> "туре"."""
    for end in ("ско", "цко", "о", "е"):
        if part.endswith(end) and len(part) > len(end) + 2:
            return part[: -len(end)]
    return part
