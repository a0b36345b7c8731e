"""Gazetteers as data: countries, organisations, regions, institutions, offices, people.

The TOML files under ``data/`` are read once per process (``functools.cache``); pycountry
supplies the country names it knows. Each language gets compiled matchers built from its own
column of the data (``en`` forms here, ``ru`` lists for the Russian rules), so adding a
spelling is a data edit, never a code change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import pycountry

from scraper.meetings import memo
from scraper.meetings.matching import Pattern, gated, phrase_alternation

COUNTRY = "country"
ORG = "org"
REGION = "region"
INSTITUTION = "institution"
CITY = "city"

NAME = "name"
ADJ = "adj"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """What a place word refers to: a party code (country/org), or a city of a country."""

    code: str  # ISO alpha-2, organisation short name, region name
    type: str  # COUNTRY | ORG | REGION | INSTITUTION | CITY
    form: str  # NAME | ADJ
    city: str | None = None  # canonical city name (for CITY)
    members: tuple[str, ...] = ()  # region members


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    ref: PlaceRef
    possessive: bool


@dataclass(frozen=True, slots=True)
class OfficeMention:
    start: int
    end: int
    text: str
    office: str
    plural: bool
    country: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Compiled lookups for one language."""

    language: str
    place_re: re.Pattern[str]
    places: dict[str, PlaceRef]
    office_re: Pattern  # case-insensitive; scanned on the lower-cased sentence where that is the same
    offices: dict[str, tuple[str, bool, str | None]]  # lower-cased form -> (office, plural, country)
    honorifics: frozenset[str]
    honorific_re: re.Pattern[str] | None
    capitals: dict[str, str]  # country code -> capital
    people: dict[str, str]  # folded surname -> country/org

    def find_places(self, text: str) -> list[PlaceMention]:
        """Place mentions in text order (memoised per sentence)."""
        return memo.scan((self.language, "places", text), lambda: self._find_places(text))

    def _find_places(self, text: str) -> list[PlaceMention]:
        out: list[PlaceMention] = []
        for m in self.place_re.finditer(text):
            ref = self.places.get(m.group(0))
            if ref is None:
                continue
            poss = text.startswith("'s", m.end()) or (
                m.group(0).endswith("s") and text.startswith("'", m.end())
            )
            out.append(PlaceMention(m.start(), m.end(), m.group(0), ref, poss))
        return out

    def find_offices(self, text: str) -> list[OfficeMention]:
        """Office mentions in text order (memoised per sentence)."""
        return memo.scan((self.language, "offices", text), lambda: self._find_offices(text))

    def _find_offices(self, text: str) -> list[OfficeMention]:
        out: list[OfficeMention] = []
        for m in self.office_re.finditer(text):
            info = self.offices.get(m.group(0).lower())
            if info is None:
                continue
            office, plural, country = info
            out.append(OfficeMention(m.start(), m.end(), m.group(0), office, plural, country))
        return out

    def person_country(self, surname_key: str) -> str | None:
        """Country of a well-known office holder by folded surname."""
        return self.people.get(surname_key)


def _read(name: str) -> dict[str, Any]:
    data = resources.files("scraper.meetings").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


def _alternation(forms: list[str]) -> str:
    """The forms as one trie-shaped alternation; the longest form wins where several fit."""
    return phrase_alternation(f for f in forms if f)


# Cyrillic letters as English-language outlets transliterate them, so that a Russian report's
# "Гурбанов" and an English report's "Gurbanov" share one key (й and ё arrive decomposed).
_CYRILLIC_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ө": "o", "ү": "u", "ң": "n", "җ": "zh", "һ": "h",
})


@lru_cache(maxsize=16384)
def fold_surname(name: str) -> str:
    """A spelling-insensitive key for surnames (Gurbanov / Gurbanow / Гурбанов, Erdoğan / Erdogan);
    initials glued to the surname are left out ("R.Meredov", "Р.Мередов")."""
    import unicodedata

    bare = name.strip(". ")
    if "." in bare:
        name = bare.rsplit(".", 1)[-1]

    # ё is "yo", and е after a vowel or at a word start is "ye", as English spellings write them
    # (Мирзиёев / Mirziyoyev, Токаев / Tokayev, Ереван / Yerevan)
    s = re.sub(r"(?<![бвгджзйклмнпрстфхцчшщ])е", "ye", name.lower().replace("ё", "yo"))
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(_CYRILLIC_LATIN)
    s = s.replace("ı", "i").replace("ə", "a")
    for a, b in (("kh", "h"), ("w", "v"), ("y", "i"), ("q", "g"), ("dzh", "j"), ("zh", "j")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


@cache
def load(language: str = "en") -> Gazetteer:
    """The gazetteer of one language (``en`` or ``ru``); built once per process."""
    lang = "en" if language not in ("en", "ru") else language
    places_data = _read("places.toml")
    offices_data = _read("offices.toml")
    people_data = _read("people.toml")

    places: dict[str, PlaceRef] = {}
    capitals: dict[str, str] = {}

    def put(form: str, ref: PlaceRef) -> None:
        form = form.strip()
        if form and form not in places:
            places[form] = ref

    for code, entry in places_data.get("countries", {}).items():
        forms = list(entry.get("names", [])) if lang == "en" else list(entry.get("ru", []))
        if lang == "en":
            pc = pycountry.countries.get(alpha_2=code)
            if pc is not None:
                for attr in ("name", "official_name", "common_name"):
                    val = getattr(pc, attr, None)
                    if val and "," not in val:
                        forms.append(val)
        for form in forms:
            put(form, PlaceRef(code, COUNTRY, NAME))
            if form.startswith("Republic of ") or form.startswith("Kingdom of "):
                put("the " + form, PlaceRef(code, COUNTRY, NAME))
        if lang == "en":
            for adj in entry.get("adj", []):
                put(adj, PlaceRef(code, COUNTRY, ADJ))
        capital = entry.get("capital")
        if capital:
            capitals[code] = capital
        if lang == "en":
            for city in [capital, *entry.get("cities", [])]:
                if city:
                    put(city, PlaceRef(code, CITY, NAME, city=city))
    # countries pycountry knows but the data file does not list (names only)
    if lang == "en":
        listed = set(places_data.get("countries", {}))
        for pc in pycountry.countries:
            if pc.alpha_2 in listed:
                continue
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val and "," not in val and "(" not in val:
                    put(val, PlaceRef(pc.alpha_2, COUNTRY, NAME))
    for code, entry in places_data.get("organisations", {}).items():
        forms = entry.get("names", []) if lang == "en" else entry.get("ru", [])
        for form in forms:
            put(form, PlaceRef(code, ORG, NAME))
        if lang == "en":
            for adj in entry.get("adj", []):
                put(adj, PlaceRef(code, ORG, ADJ))
    for code, entry in places_data.get("regions", {}).items():
        members = tuple(entry.get("members", []))
        forms = entry.get("names", []) if lang == "en" else entry.get("ru", [])
        for form in forms:
            put(form, PlaceRef(code, REGION, NAME, members=members))
        if lang == "en":
            for adj in entry.get("adj", []):
                put(adj, PlaceRef(code, REGION, ADJ, members=members))
    for key, entry in places_data.get("landmarks", {}).items():
        forms = [key] if lang == "en" else entry.get("ru", [])
        for form in forms:
            put(form, PlaceRef(entry["country"], CITY, NAME, city=entry["city"]))
    for _key, entry in places_data.get("institutions", {}).items():
        forms = entry.get("names", []) if lang == "en" else entry.get("ru", [])
        for form in forms:
            put(form, PlaceRef(entry["country"], INSTITUTION, NAME))

    # a look-ahead on the first letters lets the engine skip most positions at once
    firsts = "".join(sorted({re.escape(f[0]) for f in places}))
    place_re = re.compile(r"(?<!\w)(?=[" + firsts + r"])(?:" + _alternation(list(places)) + r")(?![\w])")

    offices: dict[str, tuple[str, bool, str | None]] = {}
    for key, entry in offices_data.get("office", {}).items():
        country = entry.get("country")
        for form in entry.get(lang, []):
            offices.setdefault(form.lower(), (key, False, country))
        if lang == "en":
            for form in entry.get("plural", []):
                offices.setdefault(form.lower(), (key, True, country))
    ofirsts = "".join(sorted({re.escape(c) for f in offices for c in (f[0].lower(), f[0].upper())}))
    office_re = gated(
        r"(?<![\w-])(?=[" + ofirsts + r"])(?:" + _alternation(list(offices)) + r")(?![\w-])", re.IGNORECASE,
        gate=False,  # nearly every sentence holds some office word
    )
    honorifics = frozenset(offices_data.get("honorifics", {}).get(lang, []))
    honorific_re = re.compile(r"(?<!\w)(?:" + _alternation(list(honorifics)) + r")\s+") if honorifics else None

    people: dict[str, str] = {}
    for surname, entry in people_data.get("person", {}).items():
        for form in [surname, *entry.get("variants", [])]:
            people[fold_surname(form)] = entry["country"]

    return Gazetteer(
        language=lang,
        place_re=place_re,
        places=places,
        office_re=office_re,
        offices=offices,
        honorifics=honorifics,
        honorific_re=honorific_re,
        capitals=capitals,
        people=people,
    )
