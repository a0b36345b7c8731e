"""Russian morphology for the meeting rules: lemmas, cases and names in the nominative.

pymorphy3 (with the pymorphy3-dicts-ru dictionaries) does the work: its analyser is built once
per process and every word's analysis is cached. Names need more than a dictionary, because
most names in the region's reports are foreign (Джейхун, Мередов, Пезешкиан) and pymorphy only
guesses them. So a name group ("Джейхуна Байрамова", "Рашидом Мередовым") is read as a whole:
each word votes for the (case, gender) readings it allows, the title before it (its head noun
is in the same case: "с министром ... Рашидом Мередовым") weighs in, and the winning reading is
undone word by word, by pymorphy where it knows the word and otherwise by the regular Russian
declension of surnames and first names (Байрамов-а/-у/-ым/-е, Байрамов-ой/-у, Ивиц-ы/-е/-ей).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_MAP = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
MASC, FEMN = "masc", "femn"


def words(text: str) -> list[str]:
    """A word list written as running text (easier to read and extend than a literal)."""
    return text.split()


@cache
def analyzer() -> Any:
    """The pymorphy3 analyser, built once (about 0.2 s and 15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@dataclass(frozen=True, slots=True)
class Reading:
    """One pymorphy analysis, reduced to what the rules use."""

    pos: str | None
    case: str | None
    gender: str | None  # masc | femn | neut | ms-f | None
    number: str | None
    tense: str | None
    aspect: str | None
    lemma: str
    score: float
    dictionary: bool  # from the dictionary, not guessed from the ending
    grammemes: frozenset[str]


def _s(value: object) -> str | None:
    """pymorphy's grammemes as plain strings (its own objects refuse unknown comparisons)."""
    return None if value is None else str(value)


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Reading, ...]:
    """All analyses of a word (lower-cased), cached."""
    out = []
    for p in analyzer().parse(word.lower()):
        tag = p.tag
        case = tag.case
        method = type(p.methods_stack[0][0]).__name__
        out.append(
            Reading(
                pos=_s(tag.POS),
                case=_CASE_MAP.get(str(case), str(case)) if case else None,
                gender=_s(tag.gender),
                number=_s(tag.number),
                tense=_s(tag.tense),
                aspect=_s(tag.aspect),
                lemma=p.normal_form.replace("ё", "е"),
                score=float(p.score),
                dictionary=method == "DictionaryAnalyzer",
                grammemes=frozenset(tag.grammemes),
            )
        )
    return tuple(out)


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form the word may come from, plus the word itself (lower-cased, ё=е)."""
    low = word.lower().replace("ё", "е")
    return frozenset({low, *(r.lemma for r in readings(low))})


def is_verb(word: str) -> bool:
    """A finite verb, infinitive, gerund or short participle is its most likely reading."""
    rs = readings(word)
    return bool(rs) and rs[0].pos in ("VERB", "INFN", "GRND", "PRTS")


def verb_tenses(word: str) -> set[str]:
    """Tenses of the verb readings ("past", "pres", "futr"); empty for non-verbs."""
    return {r.tense for r in readings(word) if r.pos == "VERB" and r.tense}


def noun_cases(word: str) -> set[str]:
    """Cases the word may have as a noun (titles: "министром" -> ablt)."""
    return {r.case for r in readings(word) if r.pos == "NOUN" and r.case}


def title_cases(word: str) -> set[str]:
    """Cases a title's first word may have (a noun, or an adjective agreeing with it:
    "министром" and "генеральным" are both instrumental). A title names a person, so an
    inanimate accusative ("генеральный", "посол" as a thing) is only its nominative."""
    return {r.case for r in readings(word) if r.pos in ("NOUN", "ADJF", "PRTF") and r.case
            and not (r.case == "accs" and "inan" in r.grammemes)}


def phrase_nominative(words_: list[str]) -> list[str]:
    """A title's head noun and its adjectives in the nominative (see :func:`_phrase_nominative`)."""
    return list(_phrase_nominative(tuple(words_)))


@lru_cache(maxsize=16384)
def _phrase_nominative(words_: tuple[str, ...]) -> tuple[str, ...]:
    """A title's head noun and the adjectives before it in the nominative ("Специальным
    представителем ЕС" -> "Специальный представитель ЕС"); the genitive complements after
    the head stay as they are. Adjectives take the head noun's gender and number."""
    out = list(words_)
    picked: list[tuple[int, Reading]] = []
    head_case = None
    head: Reading | None = None
    for i, w in enumerate(words_):
        if w.lower() == "и" and picked:
            continue  # "Чрезвычайным и Полномочным Послом"
        rs = [r for r in readings(w) if r.pos in ("NOUN", "ADJF", "PRTF") and r.case]
        if not rs:
            break
        if head_case is None:
            # the case of the first word whose best reading is a noun: the head of the title
            nouns_after = [readings(words_[k])[0] for k in range(i, min(len(words_), i + 5))
                           if readings(words_[k]) and readings(words_[k])[0].pos == "NOUN"
                           and readings(words_[k])[0].case]
            head_case = (nouns_after[0].case if nouns_after else rs[0].case)
            if not any(r.case == head_case for r in rs):
                head_case = rs[0].case
        match = next((r for r in rs if r.case == head_case and r.pos == "NOUN"), None) or next(
            (r for r in rs if r.case == head_case), None)
        if match is None:
            break
        picked.append((i, match))
        if match.pos == "NOUN":
            head = match
            break
    for i, r in picked:
        out[i] = _inflect_nominative(words_[i], r, head)
    return tuple(out)


def _inflect_nominative(word: str, reading: Reading, head: Reading | None = None) -> str:
    if reading.case == "nomn":
        return word
    want = {"nomn"}
    if reading.pos != "NOUN" and head is not None:
        if head.number == "plur":
            want.add("plur")
        elif head.gender in ("masc", "femn", "neut"):
            want |= {head.gender, "sing"}
    for p in analyzer().parse(word.lower()):
        if str(p.tag.POS) == reading.pos and _CASE_MAP.get(str(p.tag.case), str(p.tag.case)) == reading.case:
            try:
                inflected = p.inflect(want) or p.inflect({"nomn"})
            except (ValueError, KeyError):
                inflected = None
            if inflected is not None:
                return _restore_case(word, inflected.word)
    return word


def to_nominative(word: str) -> str:
    """The nominative singular of a title's head word ("заместителем" -> "заместитель")."""
    for r in readings(word):
        if r.pos == "NOUN" and r.dictionary:
            return _restore_case(word, r.lemma)
    return word


# --- names --------------------------------------------------------------------------------

_VOWELS = "аеёиоуыэюя"
# Declension of names the dictionary does not know, by ending: (oblique ending, case, gender,
# nominative ending). Surnames in -ов/-ев/-ин/-ын decline like short adjectives; other
# consonant-final names like "стол"; names in -а/-я like "мама"; feminine -ова like "Иванова".
_RULES: tuple[tuple[str, str, str, str], ...] = (
    ("овым", "ablt", MASC, "ов"), ("евым", "ablt", MASC, "ев"), ("ёвым", "ablt", MASC, "ёв"),
    ("иным", "ablt", MASC, "ин"), ("ыным", "ablt", MASC, "ын"),
    ("ову", "datv", MASC, "ов"), ("еву", "datv", MASC, "ев"), ("ину", "datv", MASC, "ин"),
    ("ыну", "datv", MASC, "ын"),
    ("ова", "gent", MASC, "ов"), ("ева", "gent", MASC, "ев"), ("ина", "gent", MASC, "ин"),
    ("ына", "gent", MASC, "ын"),
    ("ова", "accs", MASC, "ов"), ("ева", "accs", MASC, "ев"), ("ина", "accs", MASC, "ин"),
    ("ына", "accs", MASC, "ын"),
    ("ове", "loct", MASC, "ов"), ("еве", "loct", MASC, "ев"), ("ине", "loct", MASC, "ин"),
    ("овой", "gent", FEMN, "ова"), ("евой", "gent", FEMN, "ева"), ("иной", "gent", FEMN, "ина"),
    ("овой", "datv", FEMN, "ова"), ("евой", "datv", FEMN, "ева"), ("иной", "datv", FEMN, "ина"),
    ("овой", "ablt", FEMN, "ова"), ("евой", "ablt", FEMN, "ева"), ("иной", "ablt", FEMN, "ина"),
    ("овой", "loct", FEMN, "ова"), ("евой", "loct", FEMN, "ева"), ("иной", "loct", FEMN, "ина"),
    ("ову", "accs", FEMN, "ова"), ("еву", "accs", FEMN, "ева"), ("ину", "accs", FEMN, "ина"),
    ("ович", "nomn", MASC, "ович"), ("евич", "nomn", MASC, "евич"),
    ("овича", "gent", MASC, "ович"), ("евича", "gent", MASC, "евич"),
    ("овичу", "datv", MASC, "ович"), ("евичу", "datv", MASC, "евич"),
    ("овичем", "ablt", MASC, "ович"), ("евичем", "ablt", MASC, "евич"),
    ("овна", "nomn", FEMN, "овна"), ("евна", "nomn", FEMN, "евна"),
    ("овны", "gent", FEMN, "овна"), ("евны", "gent", FEMN, "евна"),
    ("овне", "datv", FEMN, "овна"), ("евне", "datv", FEMN, "евна"),
    ("овной", "ablt", FEMN, "овна"), ("евной", "ablt", FEMN, "евна"),
    # surnames declined like adjectives: Зеленского, Швыдкого, Белой
    ("ского", "gent", MASC, "ский"), ("ского", "accs", MASC, "ский"), ("скому", "datv", MASC, "ский"),
    ("ским", "ablt", MASC, "ский"), ("ском", "loct", MASC, "ский"),
    ("цкого", "gent", MASC, "цкий"), ("цкого", "accs", MASC, "цкий"), ("цкому", "datv", MASC, "цкий"),
    ("цким", "ablt", MASC, "цкий"), ("цком", "loct", MASC, "цкий"),
    ("ской", "gent", FEMN, "ская"), ("ской", "datv", FEMN, "ская"), ("ской", "ablt", FEMN, "ская"),
    ("ской", "loct", FEMN, "ская"), ("скую", "accs", FEMN, "ская"),
    ("кого", "gent", MASC, "кой"), ("кого", "accs", MASC, "кой"), ("кому", "datv", MASC, "кой"),
    ("ким", "ablt", MASC, "кой"),
    ("ем", "ablt", MASC, "й"), ("ем", "ablt", MASC, "ь"),
    ("я", "gent", MASC, "й"), ("я", "gent", MASC, "ь"), ("я", "accs", MASC, "й"), ("я", "accs", MASC, "ь"),
    ("ю", "datv", MASC, "й"), ("ю", "datv", MASC, "ь"), ("е", "loct", MASC, "й"),
)
_CONSONANT_CASES = (("а", "gent"), ("а", "accs"), ("у", "datv"), ("ом", "ablt"), ("ем", "ablt"), ("е", "loct"))
_A_STEM_CASES = (
    ("ы", "gent", "а"), ("и", "gent", "а"), ("и", "gent", "я"), ("е", "datv", "а"), ("и", "datv", "я"),
    ("у", "accs", "а"), ("ю", "accs", "я"), ("ой", "ablt", "а"), ("ей", "ablt", "а"), ("ей", "ablt", "я"),
    ("е", "loct", "а"), ("и", "loct", "я"),
)
_TURKIC_INDECLINABLE = re.compile(r"(?:гулы|кулы|оглы|кызы|гызы)$")
_INDECLINABLE = re.compile(r"(?:дзе|швили|ани|ели|ая|ия|ых|их|[еиоуэю])$")
_FEW = 1e-3
_UNDECLINED = 0.3


def _rule_forms(word: str) -> dict[tuple[str, str], tuple[float, str]]:
    """(case, gender) -> (weight, nominative) by the regular declension of names."""
    low = word.lower()
    out: dict[tuple[str, str], tuple[float, str]] = {}

    def put(case: str, gender: str, nom: str, w: float) -> None:
        if len(nom) < 2:
            return
        key = (case, gender)
        if key not in out or out[key][0] < w:
            out[key] = (w, nom)

    if _TURKIC_INDECLINABLE.search(low):
        for case in CASES:
            put(case, MASC, low, 1.0)  # "Гурбангулы", "оглы": never declined
        return out
    for end, case, gender, nom_end in _RULES:
        stem = low[: -len(end)]
        if not low.endswith(end) or len(stem) < 2:
            continue
        # "Алексея" -> Алексей (a vowel before), "Игоря" -> Игорь (a consonant before)
        if (nom_end == "й" and stem[-1] not in _VOWELS) or (nom_end == "ь" and stem[-1] in _VOWELS):
            continue
        put(case, gender, stem + nom_end, 1.0 if nom_end not in "йь" else 0.6)
    last = low[-1:]
    if last and last not in _VOWELS and last not in "йь":
        put("nomn", MASC, low, 0.8)
        put("nomn", FEMN, low, 0.15)  # a foreign woman's surname: "Богларка Илеш"
        for case in CASES[1:]:
            put(case, FEMN, low, 0.15)
    if last in "йь":
        # "Андрей", "Игорь"; but "-овой/-евой/-иной/-ской" are feminine oblique forms
        put("nomn", MASC, low, 0.1 if re.search(r"(?:ов|ев|ин|ск)ой$", low) else 0.8)
        for case in CASES:
            put(case, FEMN, low, 0.15)  # "Айдай": a woman's name that does not decline
    for end, case in _CONSONANT_CASES:
        stem = low[: -len(end)]
        if low.endswith(end) and len(stem) >= 2 and stem[-1] not in _VOWELS and stem[-1] not in "йь":
            put(case, MASC, stem, 0.7)
    if last in "ая":
        put("nomn", FEMN, low, 0.7)
        put("nomn", MASC, low, 0.35)  # "Ивица", "Никита"
    # a final -и is far more often an indeclinable foreign name (Судзуки, Залкалиани, Росси)
    # than the genitive of an -а name, which the dictionary knows when it is Russian (Ольги)
    final_i = last == "и"
    for end, case, nom_end in _A_STEM_CASES:
        stem = low[: -len(end)]
        if low.endswith(end) and len(stem) >= 2 and stem[-1] not in _VOWELS:
            put(case, FEMN, stem + nom_end, 0.2 if final_i else 0.5)
            put(case, MASC, stem + nom_end, 0.15 if final_i else 0.3)
    if _INDECLINABLE.search(low) or len(low) <= 3:
        for case in CASES:
            for gender in (MASC, FEMN):
                put(case, gender, low, 0.6 if final_i or len(low) <= 3 else 0.35)
    return out


def _dict_forms(word: str) -> dict[tuple[str, str], tuple[float, str, bool]]:
    """(case, gender) -> (weight, nominative, trusted) from pymorphy's readings of a name word;
    trusted where the dictionary itself knows the word as a name."""
    out: dict[tuple[str, str], tuple[float, str, bool]] = {}
    for p in analyzer().parse(word.lower()):
        tag = p.tag
        if tag.POS != "NOUN" or (tag.number == "plur" and "Pltm" not in tag.grammemes):
            continue
        case = _CASE_MAP.get(tag.case, tag.case)
        if case not in CASES:
            continue
        named = bool({"Name", "Surn", "Patr"} & set(tag.grammemes))
        in_dict = type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
        w = p.score * (2.0 if named else 0.6) * (1.0 if in_dict else 0.5)
        gender = tag.gender
        genders = (MASC, FEMN) if gender is None or "ms-f" in tag.grammemes else (str(gender),)
        cases = CASES if "Fixd" in tag.grammemes else (case,)
        try:
            inflected = p.inflect({"nomn", "sing"})
        except (ValueError, KeyError):
            inflected = None
        nom = inflected.word if inflected is not None else p.normal_form
        for g in genders:
            if g not in (MASC, FEMN):
                continue
            for c in cases:
                prev = out.get((c, g))
                if prev is None or prev[0] < w:
                    out[(c, g)] = (w, word.lower() if c == "nomn" else nom, named and in_dict)
    return out


def _restore_case(original: str, form: str) -> str:
    """Give ``form`` the capitalisation of ``original`` ("Рашидом" + "рашид" -> "Рашид")."""
    if original.isupper() and len(original) > 1:
        return form.upper()
    parts = form.split("-")
    orig_parts = original.split("-")
    out = []
    for i, part in enumerate(parts):
        src = orig_parts[i] if i < len(orig_parts) else orig_parts[-1]
        out.append(part[:1].upper() + part[1:] if src[:1].isupper() else part)
    return "-".join(out)


def _is_initial(tok: str) -> bool:
    return bool(re.fullmatch(r"[А-ЯЁA-Z][а-яёa-z]?\.", tok))


@lru_cache(maxsize=16384)
def _word_forms(word: str) -> tuple[tuple[tuple[str, str], float, str], ...]:
    """Every (case, gender) reading of one name word with its weight and nominative: the
    regular declension and pymorphy vote together; pymorphy's nominative is taken where its
    dictionary knows the name, the regular one where pymorphy only guesses."""
    rules = _rule_forms(word)
    known = _dict_forms(word)
    out = []
    for key in set(rules) | set(known):
        rw, rnom = rules.get(key, (0.0, ""))
        dw, dnom, trusted = known.get(key, (0.0, "", False))
        nom = dnom if (not rnom or (trusted and dw >= rw)) else rnom
        out.append((key, rw + dw, nom))
    return tuple(sorted(out))


def name_readings(tokens: tuple[str, ...], context: frozenset[str] = frozenset()) -> list[tuple[float, str, str]]:
    """Candidate nominatives of a name group, best first (see :func:`_name_readings`)."""
    return list(_name_readings(tokens, context))


@lru_cache(maxsize=16384)
def _name_readings(tokens: tuple[str, ...], context: frozenset[str]) -> tuple[tuple[float, str, str], ...]:
    """Candidate nominatives of a name group, best first: (score, nominative, case).

    ``context`` holds the cases the title before the name allows (empty when none).
    Initials ("А.", "Дж.") and hyphenated parts keep their shape.
    """
    words = [t for t in tokens if not _is_initial(t)]
    if not words:
        return ((1.0, " ".join(tokens), "nomn"),)
    per_word = []
    for w in words:
        parts = w.split("-")
        # a hyphenated first name declines in its last part only ("Касым-Жомарта")
        per_word.append([
            {(c, g): (1.0, part.lower()) for c in CASES for g in (MASC, FEMN)} if k < len(parts) - 1
            else {key: (sc, nom) for key, sc, nom in _word_forms(part)}
            for k, part in enumerate(parts)
        ])
    results: list[tuple[float, str, str]] = []
    for case in CASES:
        for gender in (MASC, FEMN):
            score = 1.0
            noms = []
            for k, (w, parts_forms) in enumerate(zip(words, per_word, strict=True)):
                pieces = []
                for part, forms in zip(w.split("-"), parts_forms, strict=True):
                    got = forms.get((case, gender))
                    if got is None and k < len(words) - 1 and forms.get(("nomn", gender), (0, ""))[1] == part.lower():
                        # a foreign name's leading words often stay undeclined ("Ухнаагийн
                        # Хурэлсухом", "Данг Минь Кхоя"): unlikely, not ruled out
                        score *= _UNDECLINED
                        pieces.append(part.lower())
                    elif got is None:
                        score *= _FEW  # the word cannot be in this case: almost ruled out
                        pieces.append(part.lower())
                    else:
                        score *= got[0]
                        pieces.append(got[1])
                noms.append(_restore_case(w, "-".join(pieces)))
            if context:
                score *= 8.0 if case in context else 0.125
            if gender == MASC:
                score *= 1.3
            if case == "nomn":
                score *= 1.1
            it = iter(noms)
            full = " ".join(t if _is_initial(t) else next(it) for t in tokens)
            results.append((score, full, case))
    results.sort(key=lambda r: -r[0])
    seen: set[str] = set()
    out = []
    for r in results:
        if r[1] in seen:
            continue
        seen.add(r[1])
        out.append(r)
    return tuple(out)


def nominative_name(tokens: tuple[str, ...], context: frozenset[str] = frozenset()) -> str:
    """The name in the nominative ("Рашидом", "Мередовым" -> "Рашид Мередов")."""
    return name_readings(tokens, context)[0][1]


def looks_like_name(word: str) -> bool:
    """pymorphy reads the word as a first name, surname or patronymic, or does not know it."""
    rs = readings(word)
    if not rs:
        return True
    if any({"Name", "Surn", "Patr"} & r.grammemes for r in rs[:3]):
        return True
    return not any(r.dictionary for r in rs)
