"""Who is mentioned in a Russian sentence: people (names in the nominative), title-only
mentions, groups ("туркменская делегация", "МИД Азербайджана") and states.

Russian press releases put the title chain before the name, in the name's case: "с министром
иностранных дел Туркменистана Рашидом Мередовым", "главе МИД Азербайджанской Республики
Джейхуну Байрамову", "вице-премьер Туркменистана, министр иностранных дел Рашид Мередов". The
chain gives the person's country and the case the name is read in; pymorphy3 (ru_morph) gives
the nominative. Initials stay as written ("А.Гурбанов", "Гурбанов А.").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from scraper.meetings import memo
from scraper.meetings.gazetteer import ADJ, CITY, COUNTRY, INSTITUTION, ORG, REGION, OfficeMention, PlaceMention
from scraper.meetings.matching import gated
from scraper.meetings.people import GROUP, PERSON, STATE, TITLE, Entity
from scraper.meetings.ru_gazetteer import RuGazetteer, Token, tokenize
from scraper.meetings.ru_morph import lemmas, name_readings, phrase_nominative, readings, title_cases, words
from scraper.meetings.text import ONE_LETTER_NAMES

_CYR = gated(r"^[А-ЯЁӘӨҮҢҖҺ][а-яёәөүңҗһ'’]*(?:-[А-ЯЁа-яёәөүңҗһ][а-яёәөүңҗһ'’]*)*$")
# Capitalised words that are never part of a person's name (institutions, regions, titles).
_NOT_NAME_LEMMAS = frozenset(words("""
    совет кабинет министр министерство республика организация председатель президент лидер герой
    национальный верховный государственный исполком комиссия межправительственный правительство
    федерация посольство генеральный ассамблея международный форум саммит совместный милли
    меджлис халк маслахаты день ближний восток южный северный центральный западный восточный
    автономный исламский народный объединённый объединенный арабский собеседник сторона министр
    глава заместитель вице-премьер посол вице-президент премьер интерфакс тасс риа новость
    спутник азия европа африка америка океания каспий каспийский персидский залив море сенат
    парламент дума управление служба администрация аппарат стороны министры собеседники
    встреча переговоры беседа разговор визит заседание консультация саммит церемония делегация
    сессия совещание конференция форум
    участники главы как согласно по при после в во на с со об о для между также кроме того
    однако этот тот он она они его её ее их мы вы я это туркменистан азербайджан неформальный
    неофициальный официальный очередной первый второй третий телеграм telegram департамент агентство
    банк фонд комитет бюро палата собрание ассамблея"""))
_GROUP_NOUNS = frozenset(words("""
    делегация сторона мид министерство ведомство правительство дипломат руководство партнер
    посольство коллега власть представитель официальный комиссия"""))
_CHAIN_FILLERS = frozenset(words("""
    иностранный дело по в во при и внешний торговля внешнеполитический ведомство мид министерство резиденция
    кабинет министр правительство республика федерация государственный комитет исполнительный
    исполком совет старейшина организация управление служба коммуникация администрация
    безопасность политика вопрос сотрудничество экономический развитие энергетика природный
    ресурс дипломатический представительство посольство новый нынешний бывший временный
    постоянный чрезвычайный полномочный свой член государство центральный южный азия тюркский
    президент парламент народный халк маслахаты милли генгеш меджлис"""))
_GROUP_NOUN = gated(r"(?<![\w-])(?:делегаци|комисси|МИД|министерств|ведомств|правительств|посольств|сторон|"
                         r"руководств|представител)\w*", re.I)
_GROUP_BEFORE = gated(
    r"(?:^|[\s(])(делегаци\w+|комисси\w+|МИД|министерств\w+|ведомств\w+|правительств\w+|посольств\w+|"
    r"сторон\w+|руководств\w+|представител\w+)(?:\s+[а-яё]+){0,5}?\s*$", re.I)
_DIASPORA = re.compile(r"диаспор|общин|соотечественник|землячеств", re.I)
_CHAIN_REACH = 240
# "по делам Содружества ...", "по вопросам ЕАЭС": the domain of an office, not the state it serves
_DOMAIN_BEFORE = re.compile(r"\bпо\s+(?:делам|вопросам)\s+(?:[\w-]+\s+){0,3}$", re.I)
_PARTICLES = frozenset({"оглу", "оглы", "кызы", "гызы", "улы", "уулу", "ибн", "бин", "аль", "ад", "ас", "де", "ван",
                        "фон"})
_PATRONYMIC_AFTER = frozenset({"оглу", "оглы", "кызы", "гызы", "улы", "уулу"})  # may end a name
_ADJ_RUN = r"(?:\s+[а-яё]+(?:ой|ый|ий|ая|ую|ое|ые|ие|ых|их|ого|ому|ым|им|ыми|ими))"
_SENTENCE_START = gated(r"[.!?«\"]\s*$|^\s*[-–—]\s*$")  # what may precede a sentence's first word
_ADJ_END = gated(r"(?:ск|цк|ьн|н)(?:ий|ой|ая|ое|ого|ому|их|им|ими|ую|ие|ых|ым)$")
_PREP_CASE = {
    "с": "ablt", "со": "ablt", "между": "ablt", "перед": "ablt", "над": "ablt",
    "у": "gent", "от": "gent", "для": "gent", "без": "gent", "до": "gent", "после": "gent",
    "против": "gent", "кроме": "gent", "из": "gent", "к": "datv", "ко": "datv",
    "о": "loct", "об": "loct", "при": "loct",
}
_INITIAL_BEFORE = gated(r"([А-ЯЁ][а-яё]?)\.\s?$")
_INITIAL_AFTER = gated(r"^\s([А-ЯЁ][а-яё]?)\.(?:\s?([А-ЯЁ])\.)?")
_HEAD_OF_MFA = gated(
    r"\b(?:глав[аыуео]й?|руководител[ьяюем]\w*)\s+(?:[а-яё]+(?:ского|ского|ому|ий|ого)\s+)?"
    r"(?:МИД|внешнеполитическ\w+\s+ведомств\w*|дипломатии)\b",
    re.IGNORECASE,
)
# where an ambassador serves, said without naming it: "посла Нидерландов в нашей стране Кеса Яна"
_POSTING = gated(r"\bв\s+(?:нашей|вашей|этой|данной)\s+(?:стране|республике|государстве)\b", re.I)
# "азербайджанского коллегу", "туркменский дипломат": the one person of that state the report names
_COUNTERPART = gated(r"\b(?:коллег[аиуеой]\w*|визави|дипломат(?:а|у|ом|е)?)\b", re.IGNORECASE)
# a state's body after its adjective: "спикер кыргызского парламента", "глава казахстанского МИД"
_BODY_AFTER_ADJ = re.compile(r"\s+(?:парламента|правительства|МИД|министерства|ведомства|сената|кабинета)\b")
_VO_BEFORE = re.compile(r"\bво\s+$", re.I)
_BODY_BEFORE = re.compile(r"\b(?:Совет|Кабинет|Коллеги|Комитет)\w*\s+$", re.I)
_GUEST = gated(r"\b(?:гост[ьяюе]|гостем)\b", re.IGNORECASE)  # the visitor the report told of


@dataclass(slots=True)
class Name:
    """A person-name run before it is read: tokens, span and the cases its context allows."""

    start: int
    end: int
    tokens: tuple[str, ...]
    context: frozenset[str] = frozenset()
    candidates: list[str] = field(default_factory=list)
    single: bool = False  # one word, no initial: a name only with a title or when known


def _last_word(text: str, end: int) -> str | None:
    """The last word before ``end`` (what ``re.search(r"(\\w+)\\s*$", text[:end])`` captures),
    read backwards from ``end``: a regex would try every start position of the prefix."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:j] if i < j else None


def _copy_mentions(m: RuMentions) -> RuMentions:
    return RuMentions(entities=list(m.entities), places=list(m.places), offices=list(m.offices),
                      names=[replace(n, candidates=list(n.candidates)) for n in m.names])


@lru_cache(maxsize=16384)
def _is_honorific(text: str, low: str, honorifics: tuple[str, ...]) -> bool:
    if low in honorifics or lemmas(text) & set(honorifics):
        return True
    for h in honorifics:
        stem = h[:-1] if h[-1:] in "аяоеь" else h
        if len(stem) >= 4 and low.startswith(stem) and len(low) - len(stem) <= 3:
            return True
    return False


class _Scan(NamedTuple):
    toks: tuple[Token, ...]
    places: tuple[PlaceMention, ...]
    offices: tuple[OfficeMention, ...]
    names: tuple[Name, ...]
    chains: tuple[tuple[list[OfficeMention], list[PlaceMention], int] | None, ...]


@dataclass(slots=True)
class RuMentions:
    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    offices: list[OfficeMention] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)


def _particle_joined(tok: Token) -> bool:
    """"аль-Харби", "ибн-Сауд": a particle joined by a hyphen to a capitalised name."""
    head, _, rest = tok.text.partition("-")
    return bool(rest) and head.lower() in _PARTICLES and _CYR.match(rest) is not None


def _is_cyrillic_cap(tok: Token) -> bool:
    t = tok.text
    return bool(_CYR.match(t)) and not (len(t) > 1 and t.isupper())


def _name_word(tok: Token, first_in_sentence: bool, next_tok: Token | None, after_name: bool = False) -> bool:
    """A capitalised Cyrillic word that may be part of a person's name."""
    adjacent = next_tok is not None and next_tok.start - tok.end == 1
    return _name_word_of(tok.text, tok.low, first_in_sentence, next_tok.text if next_tok is not None else None,
                         adjacent, after_name)


@lru_cache(maxsize=1 << 16)
def _name_word_of(text: str, low: str, first_in_sentence: bool, next_text: str | None, adjacent: bool,
                  after_name: bool) -> bool:
    """:func:`_name_word` on the words alone (``adjacent``: the next word follows after one space),
    so that the answer, a word-level one, is remembered."""
    if not _is_cyrillic_cap(Token.word(text)):
        return False
    next_cap = next_text is not None and _is_cyrillic_cap(Token.word(next_text))
    # "Глава", "Совет" - but a real name that happens to be a word ("Роза") stays if pymorphy
    # knows it as a name
    if lemmas(text) & _NOT_NAME_LEMMAS and not any(
            {"Name", "Surn", "Patr"} & r.grammemes and r.score > 0.3 for r in readings(text)):
        return False
    rs = readings(text)
    top = rs[0] if rs else None
    # "Нахчыванской" is an adjective; "Владимиром Зеленским" is a surname after a first name
    if top is not None and top.pos in ("ADJF", "PRTF") and _ADJ_END.search(low) and not after_name:
        return False
    if top is not None and top.pos == "ADJF" and {"Qual", "Supr"} & top.grammemes and not any(
            {"Name", "Surn", "Patr"} & r.grammemes for r in rs):
        return False  # "Высшего", "Верховного": a council's adjective, even after a name
    if top is not None and "Geox" in top.grammemes and top.dictionary and not after_name:
        # (a place the dictionary only guesses from the ending, as "Видеша", is no place)
        # "Азии" is a place; "Арарата Мирзояна", "Хироси Ито": a first name before a surname (a
        # word that is itself a first name, as in "Азии Дональдом", cannot follow it)
        if next_text is None or not next_cap or not adjacent:
            return False
        nxt = readings(next_text)
        if any("Name" in r.grammemes for r in nxt[:2]) and not any("Surn" in r.grammemes for r in nxt):
            return False
    if first_in_sentence and top is not None and top.dictionary and top.pos not in ("NOUN", None):
        return False  # "Затем", "Вчера", "Согласно": a sentence starts with them
    if first_in_sentence and top is not None and top.dictionary and not (
        {"Name", "Surn", "Patr"} & top.grammemes
    ):
        return bool(next_text is not None and next_cap and adjacent
                    and any({"Name", "Surn", "Patr"} & r.grammemes for r in readings(next_text)))
    return True


def _syllable_at_end(text: str, toks: list[Token], run: list[int], n: int) -> bool:
    """"Ли Сон Хо." at a sentence's end: a two-letter word after two full name words is the
    name's last syllable and the dot ends the sentence (initials follow a single surname)."""
    tok = toks[run[n]]
    if n != len(run) - 1 or n < 2 or len(tok.text) != 2:
        return False
    if any(len(toks[k].text) <= 2 and text.startswith(".", toks[k].end) for k in run[:n]):
        return False
    return bool(re.match(r"\.(?:\s*$|\s+[А-ЯЁA-Z«\"])", text[tok.end :]))


def _context_case(text: str, toks: list[Token], i: int) -> frozenset[str]:
    """Cases a name starting at token ``i`` may take from the preposition right before it."""
    if i == 0:
        return frozenset()
    prev = toks[i - 1]
    gap = text[prev.end : toks[i].start]
    if gap.strip():
        return frozenset()
    case = _PREP_CASE.get(prev.low)
    if case:
        return frozenset({case})
    # right after a common noun a name is its genitive complement ("Встреча Лаврова", "визит Мередова")
    rs = readings(prev.low)
    if rs and rs[0].pos == "NOUN" and rs[0].dictionary and not {"Name", "Surn", "Patr", "Geox"} & rs[0].grammemes:
        return frozenset({"gent"})
    return frozenset()


def _token_start(tok: Token) -> int:
    return tok.start


class EntityFinder:
    """Finds the entities of Russian sentences (one instance per language rules object)."""

    def __init__(self, gaz: RuGazetteer, person_country: object) -> None:
        self.gaz = gaz
        self.person_country = person_country  # Callable[[str], str | None]
        self.honorifics = tuple(h.lower() for h in gaz.honorifics)
        # how often each reading of a name occurs in the report being read (set per report):
        # "Джейхуна Байрамова" is Джейхун Байрамов where the report also writes him so
        self.votes: dict[str, float] = {}

    # --- names ------------------------------------------------------------------------
    def name_runs(self, text: str, toks: list[Token], blocked: list[tuple[int, int]]) -> list[Name]:
        """Runs of name words (with initials), outside places and titles."""
        def is_blocked(t: Token) -> bool:
            return any(not (t.end <= a or t.start >= b) for a, b in blocked)

        quoted = [(m.start(), m.end()) for m in re.finditer(r"«[^»]{0,80}»", text)]
        runs: list[list[int]] = []
        cur: list[int] = []
        for i, tok in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            ok = tok.text[:1].isupper() and self._name_token(text, toks, i, nxt, cur, is_blocked, quoted)
            if not ok and cur and tok.low in _PARTICLES and nxt is not None and _is_cyrillic_cap(nxt):
                cur.append(i)  # "Джейхун Азиз оглу Байрамов": a patronymic particle inside the name
                continue
            if not ok and cur and _particle_joined(tok) and toks[cur[-1]].end + 1 == tok.start:
                ok = True  # "Абдуллы аль-Харби": the article joined to the surname
            if not ok and cur and tok.low in _PATRONYMIC_AFTER and toks[cur[-1]].end + 1 == tok.start:
                cur.append(i)  # "Нурланбек Тургунбек уулу": the patronymic particle ends the name
                runs.append(cur)
                cur = []
                continue
            if ok and cur:
                gap = text[toks[cur[-1]].end : tok.start]
                # four name words at most; particles ("бин", "Аль") join words, they do not count
                if gap not in (" ", ".", ". ") or sum(toks[k].low not in _PARTICLES for k in cur) >= 4:
                    runs.append(cur)
                    cur = []
            if ok:
                cur.append(i)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        out: list[Name] = []
        for run in runs:
            # one- and two-letter words with a dot are initials ("А.Гурбанов", "Дж.Байрамов", "Гурбанов А.")
            words = [toks[k].text + "." if len(toks[k].text) <= 2 and text.startswith(".", toks[k].end)
                     and not _syllable_at_end(text, toks, run, n) else toks[k].text for n, k in enumerate(run)]
            start, end = toks[run[0]].start, toks[run[-1]].end
            if words[-1].endswith("."):
                end += 1
            # initials written before ("А.Гурбанов", "Дж. Байрамов") or after ("Гурбанов А.")
            before = _INITIAL_BEFORE.search(text[max(0, start - 4) : start])
            initials_before: list[str] = []
            if before and (start - 4 + before.start() < 0 or not text[max(0, start - 4) + before.start() - 1 :
                                                                     max(0, start - 4) + before.start()].isalpha()):
                initials_before = [before.group(1) + "."]
                start = max(0, start - 4) + before.start()
            after = _INITIAL_AFTER.match(text[end : end + 8])
            initials_after: list[str] = []
            if after and len(words) == 1 and not initials_before:
                initials_after = [g + "." for g in after.groups() if g]
                end += after.end()
            # a lone capital without a dot is not part of a name, except as the last syllable of a
            # Chinese name ("Ван И")
            words = [w for k, w in enumerate(words) if len(w) > 1 or (k and k == len(words) - 1)]
            full = [w for w in words if not w.endswith(".")]
            if not full:
                continue
            nm = Name(start, end, tuple(initials_before + words + initials_after),
                      _context_case(text, toks, run[0]) if not initials_before else frozenset())
            nm.single = len(words) == 1 and not initials_before and not initials_after
            out.append(nm)
        return out

    def _name_token(self, text: str, toks: list[Token], i: int, nxt: Token | None, cur: list[int],
                    is_blocked: Callable[[Token], bool], quoted: list[tuple[int, int]]) -> bool:
        """Can the capitalised token ``i`` be part of a name (an initial or a name word)?"""
        tok = toks[i]
        after_initial = i > 0 and len(toks[i - 1].text) <= 2 and toks[i - 1].text[:1].isupper() and \
            text[toks[i - 1].end : tok.start] in (".", ". ")
        first = not after_initial and (
            i == 0 or bool(_SENTENCE_START.search(text[toks[i - 1].end : tok.start])))
        # an initial: before a capitalised word ("С.В.Лавров") or after a name ("Лаврова С.В.")
        initial = (len(tok.text) <= 2 and bool(_CYR.match(tok.text))
                   and text.startswith(".", tok.end) and (
                       (bool(cur) and tok.start - toks[cur[-1]].end <= 2)
                       or (nxt is not None and nxt.start - tok.end <= 2 and nxt.text[:1].isupper())))
        return (
            (initial or _name_word(tok, first, nxt, after_name=bool(cur) and toks[cur[-1]].end + 1 == tok.start))
            and not is_blocked(tok)
            and not any(a <= tok.start < b for a, b in quoted)
            and not self._honorific(tok)
        )

    def _honorific(self, tok: Token) -> bool:
        """"Аятоллой", "Сейедом", "Герой-Аркадаг": a title of respect before a name, in any case."""
        return _is_honorific(tok.text, tok.low, self.honorifics)

    def _vote(self, name: str) -> float:
        low = name.lower()
        return self.votes.get(low, 0.0) + 0.5 * self.votes.get("~" + low.split()[-1], 0.0)

    def _single_ok(self, word: str, known: set[str], text: str, start: int) -> bool:
        """A lone capitalised word is a name when the report names that person in full elsewhere,
        the people register knows the surname, or a title stands right before it."""
        for cand in (word, *[c for _, c, _ in name_readings((word,))[:3]]):
            if cand.lower() in known:
                return True
        pc = self.person_country
        return callable(pc) and any(pc(c) for _, c, _ in name_readings((word,))[:2])

    # --- all entities ---------------------------------------------------------------------
    def _scan(self, text: str, toks: list[Token] | None) -> _Scan:
        """What a sentence holds whatever the report around it says: words, places, titles, name
        runs and the title chain before each name (memoised: analysis reads a sentence twice)."""
        toks = toks if toks is not None else tokenize(text)
        places = self.gaz.find_places(text, toks)
        offices = self.gaz.find_offices(text, toks)
        for m in _HEAD_OF_MFA.finditer(text):
            inside = [o for o in offices if not (o.end <= m.start() or o.start >= m.end())]
            if inside and max(o.end - o.start for o in inside) >= m.end() - m.start():
                continue
            offices = [o for o in offices if o.end <= m.start() or o.start >= m.end()]
            offices.append(OfficeMention(m.start(), m.end(), m.group(0), "foreign_minister", False, None))
        for m in _COUNTERPART.finditer(text):
            if not any(o.start <= m.start() < o.end for o in offices):
                offices.append(OfficeMention(m.start(), m.end(), m.group(0), "counterpart", False, None))
        for m in _GUEST.finditer(text):
            offices.append(OfficeMention(m.start(), m.end(), m.group(0), "guest", False, None))
        offices = [o for o in offices if not _VO_BEFORE.search(text[max(0, o.start - 4) : o.start])]
        # "Совет министров иностранных дел", "Кабинет министров": a body, not a title
        offices = [o for o in offices if not _BODY_BEFORE.search(text[max(0, o.start - 12) : o.start])]
        offices.sort(key=lambda o: o.start)
        blocked = [(o.start, o.end) for o in offices] + [(p.start, p.end) for p in places]
        names = tuple(self.name_runs(text, toks, blocked))
        chains = tuple(self._chain(text, toks, nm.start, offices, places, list(names)) for nm in names)
        return _Scan(tuple(toks), tuple(places), tuple(offices), names, chains)

    def find(self, text: str, known: set[str], toks: list[Token] | None = None) -> RuMentions:
        """Every mention of the sentence, read with the names the report knows (``known``) and the
        readings it votes for; a reading that depended on neither is reused on the second call."""
        done: dict[str, tuple[RuMentions, bool]] = memo.value(("ru-find", self, text), dict)
        if "first" in done and not done["first"][1]:
            return _copy_mentions(done["first"][0])
        ments, dependent = self._find(text, known, toks)
        done.setdefault("first", (_copy_mentions(ments), dependent))
        return ments

    def _find(self, text: str, known: set[str], toks: list[Token] | None) -> tuple[RuMentions, bool]:
        sc = memo.value(("ru-scan", self, text), lambda: self._scan(text, toks))
        dependent = False  # does the reading depend on the report (known names, votes)?
        toks, places, offices = list(sc.toks), list(sc.places), list(sc.offices)
        names = [replace(nm) for nm in sc.names]  # reading a name fills in its context and candidates
        ments = RuMentions(places=places, offices=offices, names=names)
        consumed_offices: set[int] = set()
        consumed_places: set[int] = set()
        prev_person: tuple[Name, frozenset[str], str | None, str | None, str | None] | None = None
        spare: list[str] = []
        kept = []
        for nm, chain0 in zip(names, sc.chains, strict=True):
            chain = None if chain0 is not None and _case_clash(text, chain0[0][-1], nm.tokens) else chain0
            if nm.single and chain is None:
                dependent = True
                if not self._single_ok(nm.tokens[0], known, text, nm.start):
                    continue
            kept.append(nm)
            context = nm.context
            country: str | None = None
            role: str | None = None
            office: str | None = None
            if chain is not None:
                c_offices, c_places, c_start = chain
                consumed_offices |= {id(o) for o in c_offices}
                consumed_places |= {id(p) for p in c_places}
                head = c_offices[-1]
                head_word = text[head.start : head.end].split()[0]
                cases = title_cases(head_word.split("-")[-1]) or title_cases(head_word)
                if cases:
                    context = frozenset(cases)
                role_text = text[c_start : nm.start].strip(" ,-–")
                while role_text and self._honorific(Token.word(role_text.rsplit(" ", 1)[-1])):
                    role_text = role_text.rsplit(" ", 1)[0] if " " in role_text else ""
                role = _role_nominative(role_text)
                office = next((o.office for o in c_offices if o.office == "foreign_minister"), None) or next(
                    (o.office for o in reversed(c_offices) if o.office not in ("head", "minister", "counterpart")),
                    c_offices[-1].office)
                country = self._chain_country(text, c_places, c_offices)
                codes = [p.ref.code for p in sorted(c_places, key=lambda p: p.start)
                         if p.ref.type in (COUNTRY, ORG) and p.ref.form != ADJ]
                spare = codes[1:] if len(codes) > 1 and re.search(r"\bи\b", text[c_start : nm.start]) else []
            elif prev_person is not None and re.fullmatch(r"\s+и\s+(?:[А-ЯЁ][\w-]*\s+){0,3}",
                                                          text[prev_person[0].end : nm.start]):
                # "глав ведомств Арарата Мирзояна и Джейхуна Байрамова": the second name shares
                # the first one's title and case; "министров Кыргызстана и Сербии - X и Y": and
                # the next country of the title; "министрами Китая X и Индии Y": its own country
                context = prev_person[1] or context
                role = role or prev_person[3]
                own = [p for p in places if prev_person[0].end <= p.start and p.end <= nm.start
                       and p.ref.type in (COUNTRY, ORG) and p.ref.form != ADJ]
                if own:
                    country = own[-1].ref.code
                    consumed_places |= {id(p) for p in own}
                elif spare:
                    country = spare.pop(0)
            if country is None:
                country = self._delegation_country(text, nm.start, places)
            if country is None and callable(self.person_country):
                # the people register, by surname: the last word that is not an initial
                words_ = [t for t in readings_top(nm.tokens, context) if not t.endswith(".")]
                country = self.person_country(words_[-1]) if words_ else None
            nm.context = context
            readings_ = name_readings(nm.tokens, context)
            nm.candidates = [r[1] for r in readings_[:3]]
            name = readings_[0][1]
            if not context and len(nm.candidates) > 1:
                dependent = True  # the report's votes choose among the readings
            if self.votes and not context:
                ranked = sorted(enumerate(nm.candidates), key=lambda kc: (-self._vote(kc[1]), kc[0]))
                name = ranked[0][1]
            if (_FEMININE_FIRST.search(nm.tokens[0]) and not any(t.endswith(".") for t in nm.tokens)
                    and not _FEMININE_FIRST.search(name.split()[0])
                    and _FEMININE_VERB_AFTER.match(text, nm.end)):
                # "Валентина Матвиенко провела переговоры": the subject of a feminine verb keeps
                # the feminine nominative it is written in
                name = next((c for c in nm.candidates if _FEMININE_FIRST.search(c.split()[0])), name)
            for tok in nm.tokens:
                # initials keep the spacing of the text ("А.Гурбанов", "Дж. Байрамов")
                if tok.endswith(".") and re.search(re.escape(tok) + r"[А-ЯЁ]", text[nm.start : nm.end]):
                    name = name.replace(tok + " ", tok, 1)
            if name.endswith(".") and name[:-1].lower() in ONE_LETTER_NAMES:
                name = name[:-1]  # "Ван И.": a whole given name; the period ends the sentence
            ments.entities.append(Entity(PERSON, nm.start, nm.end, name=name, role=role, office=office,
                                         country=country, text=text[nm.start : nm.end]))
            prev_person = (nm, context, country, role, office)
        ments.names = kept
        self._titles(text, offices, places, consumed_offices, consumed_places, ments)
        self._groups(text, toks, places, consumed_places, ments)
        ments.entities.sort(key=lambda e: (e.start, e.end))
        return ments, dependent

    def _chain(self, text: str, toks: list[Token], start: int, offices: list[OfficeMention],
               places: list[PlaceMention], names: list[Name] | None = None,
               ) -> tuple[list[OfficeMention], list[PlaceMention], int] | None:
        """The title chain right before a name: offices, places and filler words, at most one
        comma (two appositive titles) and a dash; None where no title stands before it."""
        lo = start - _CHAIN_REACH  # a title chain is short: look only this far back
        items: list[tuple[int, int, str, object]] = []
        for o in offices:
            if lo <= o.start and o.end <= start:
                items.append((o.start, o.end, "office", o))
        spans = [(o.start, o.end) for o in offices]
        for p in places:
            # a place inside a title ("Лидер туркменского народа") is part of the title
            if lo <= p.start and p.end <= start and not any(a <= p.start and p.end <= b for a, b in spans):
                items.append((p.start, p.end, "place", p))
        covered = [(a, b) for a, b, _, _ in items]
        # tokens run in text order: only those between the reach and the name can be in the chain
        first = bisect.bisect_left(toks, lo, key=_token_start)
        for t in toks[first:]:
            if t.start >= start:
                break
            if t.end <= start and not any(a <= t.start < b for a, b in covered):
                # another person's name ends the chain ("X и заместитель министра Y")
                in_name = any(n.start <= t.start < n.end for n in names or ())
                items.append((t.start, t.end, "name" if in_name else "word", t))
        items.sort(key=lambda x: x[0], reverse=True)
        postings = [(m.start(), m.end()) for m in _POSTING.finditer(text, max(0, lo), start)]
        pos = start
        c_offices: list[OfficeMention] = []
        c_places: list[PlaceMention] = []
        c_start = start
        commas = 0
        listed = False  # "министром инвестиций, промышленности и торговли X": a list of the desk's fields
        for steps, (a, b, kind, obj) in enumerate(items):
            gap = text[b:pos]
            abbreviated = gap == "." and isinstance(obj, Token) and obj.text == "г"  # "в г.Астане"
            if (gap.strip(" ") not in ("", ",", "-", "–", "—", "(", ")", ")(", "(", ") ,", "),") or len(gap) > 4) \
                    and not abbreviated:
                break
            if kind == "word" and isinstance(obj, Token) and obj.text == "и" and not c_offices:
                listed = True
            if "," in gap and listed and not c_offices and kind == "word" and isinstance(obj, Token) \
                    and _genitive_complement(obj.text):
                pass  # a comma inside the list of fields, before its title
            elif "," in gap:
                if commas or not c_offices:
                    break
                if kind not in ("place", "office") and not (
                        isinstance(obj, Token) and lemmas(obj.text) & _CHAIN_FILLERS):
                    break
                commas += 1
            if steps > 16:
                break
            if kind == "name":
                break
            if kind == "office":
                c_offices.append(obj)  # type: ignore[arg-type]
            elif kind == "place":
                pm = obj
                assert isinstance(pm, PlaceMention)
                # ("посол Венгрии с резиденцией в г.Астане": where he resides, inside his title)
                if pm.ref.type == CITY and not re.search(r"\bв[о]?\s+(?:г\.\s*)?$", text[max(0, a - 7) : a]):
                    break
                c_places.append(pm)
            else:
                tok = obj
                assert isinstance(tok, Token)
                if (tok.text.isupper() and len(tok.text) > 1) or self._honorific(tok) or tok.text in ("г", "г.") \
                        or (tok.text == "с" and text.startswith(" резиденц", tok.end)):
                    pass  # "глава MIT", "МИД", "Председатель ... Герой-Аркадаг Гурбангулы"
                elif not (lemmas(tok.text) & _CHAIN_FILLERS or _genitive_complement(tok.text)
                          or any(a_ <= tok.start < b_ for a_, b_ in postings)
                          or _po_complement(text, tok)):
                    break
            c_start = a
            pos = a
        if not c_offices:
            return None
        # the chain starts at its first title (fillers before it belong to something else)
        first = min(o.start for o in c_offices)
        # "туркменский министр" leads the title; "туркменскую – заместитель министра" is the side
        lead_places = [p for p in c_places if p.start < first and p.ref.form == ADJ and p.end <= first
                       and not re.search(r"[-–—]", text[p.end : first])]
        c_places = [p for p in c_places if p.start >= first] + lead_places
        c_start = min([first] + [p.start for p in lead_places])
        return c_offices, c_places, c_start

    def _delegation_country(self, text: str, start: int, places: list[PlaceMention]) -> str | None:
        """"делегацию ЕБРР во главе с президентом банка X": the head of a delegation is of its side."""
        m = re.search(r"(?:во\s+главе\s+со?|возглавляем\w+|под\s+руководством)\s+[^,.;]*$",
                      text[max(0, start - 80) : start], re.I)
        if m is None:
            return None
        cut = max(0, start - 80) + m.start()
        # the delegation's own words: "делегацию ЕБРР во главе с", not "Президент Азербайджана принял
        # делегацию во главе с X" (the host's country is not the delegation's)
        noun = list(re.finditer(r"делегаци\w*", text[max(0, cut - 80) : cut], re.I))
        lo = max(0, cut - 80) + noun[-1].start() if noun else cut - 80
        before = [p for p in places if lo <= p.start and p.end <= cut and p.ref.type != CITY]
        return before[-1].ref.code if before else None

    def _chain_country(self, text: str, places: list[PlaceMention], offices: list[OfficeMention]) -> str | None:
        # a country named outright comes before an adjective inside the title: "директор
        # Европейского департамента МИД Японии" is Japan's
        envoy = any(o.office in _POSTED_OFFICES for o in offices)
        for pm in sorted(places, key=lambda p: (p.ref.form == ADJ, p.start)):
            if pm.ref.type == CITY:
                continue
            if envoy and re.search(r"\b(?:в|во|при)\s+$", text[max(0, pm.start - 5) : pm.start]):
                continue  # "посол России в Казахстане": where he serves
            if _DOMAIN_BEFORE.search(text, max(0, pm.start - 60), pm.start):
                continue  # "агентства по делам Содружества Независимых Государств": its field, not its owner
            if pm.ref.type in (COUNTRY, ORG, INSTITUTION):
                return pm.ref.code
        for o in offices:
            if o.country:
                return o.country
        return None

    def _titles(self, text: str, offices: list[OfficeMention], places: list[PlaceMention],
                consumed_offices: set[int], consumed_places: set[int], ments: RuMentions) -> None:
        """Titles without a name: "Туркменский министр", "министры иностранных дел Грузии и
        Азербайджана" (one title per country, so that each can find its named holder)."""
        for o in offices:
            if id(o) in consumed_offices:
                continue
            codes: list[str] = []
            pos = o.end
            after = sorted((p for p in places if p.start >= o.end), key=lambda p: p.start)
            for pm in after:
                gap = text[pos : pm.start]
                # "депутатами парламента Грузии": genitive complements may stand between
                words_ = re.findall(r"[а-яё]+", gap)
                rest = re.sub(r"[а-яё]+", " ", gap) if len(words_) <= 3 and all(
                    w == "и" or _genitive_complement(w) for w in words_) else gap
                if not re.fullmatch(r"(?:\s|,|\bи\b|-|–|—|\(|\))*", rest):
                    break
                if re.search(r"\bв\s*$|\bво\s*$", gap):
                    break
                if pm.ref.type in (COUNTRY, ORG, INSTITUTION) and pm.ref.form != ADJ:
                    codes.append(pm.ref.code)
                    consumed_places.add(id(pm))
                elif pm.ref.type == COUNTRY and pm.ref.form == ADJ and not codes \
                        and _BODY_AFTER_ADJ.match(text, pm.end):
                    codes.append(pm.ref.code)  # "спикер кыргызского парламента": the body's country
                    consumed_places.add(id(pm))
                    break
                elif pm.ref.type == REGION:
                    codes.extend(pm.ref.members)
                    consumed_places.add(id(pm))
                else:
                    break
                pos = pm.end
            before = [p for p in places if p.end <= o.start and p.ref.form == ADJ
                      and re.fullmatch(r"\s*", text[p.end : o.start])]
            for pm in before:
                codes.insert(0, pm.ref.code)
                consumed_places.add(id(pm))
            inside = [p for p in places if o.start <= p.start and p.end <= o.end]
            for pm in inside:
                if pm.ref.type != CITY:
                    codes.insert(0, pm.ref.code)
            end = max([pos, o.end])
            role = _role_nominative(text[(before[0].start if before else o.start) : end].strip(" ,"))
            if not codes:
                codes = [o.country] if o.country else []
            if len(codes) > 1:
                # "главы МИД Азербайджана и Грузии": one holder per country, each of whom the
                # report may name; three or more countries are a group of several holders
                many = len(set(codes)) >= 3
                for code in dict.fromkeys(codes):
                    ments.entities.append(Entity(TITLE, o.start, end, role=role, office=o.office, country=code,
                                                 plural=many, text=text[o.start : end]))
            else:
                ments.entities.append(Entity(TITLE, o.start, end, role=role, office=o.office,
                                             country=codes[0] if codes else None, plural=o.plural,
                                             text=text[o.start : end]))

    def _groups(self, text: str, toks: list[Token], places: list[PlaceMention], consumed: set[int],
                ments: RuMentions) -> None:
        """Groups ("туркменская делегация", "МИД Азербайджана", "делегация Исполкома СНГ") and
        states named as parties ("Азербайджан и Венгрия", "Баку и Ашхабад")."""
        taken = [(e.start, e.end) for e in ments.entities] + [(o.start, o.end) for o in ments.offices]
        for pm in places:
            if id(pm) in consumed or any(a <= pm.start < b for a, b in taken):
                continue
            if pm.ref.type == REGION or _DOMAIN_BEFORE.search(text, max(0, pm.start - 60), pm.start):
                continue  # (a body's field "по делам СНГ" names no party)
            after = text[pm.end : pm.end + 40]
            # "туркменская делегация", "туркмено-российской межправительственной комиссии"
            m_after = re.match(r"\s+([а-яёА-ЯЁ]+)", after)
            for k in (1, 2):
                if m_after is None or pm.ref.form != ADJ or lemmas(m_after.group(1)) & _GROUP_NOUNS:
                    break
                m_k = re.match(_ADJ_RUN + "{" + str(k) + r"}\s+([а-яёА-ЯЁ]+)", after)
                if m_k and lemmas(m_k.group(1)) & _GROUP_NOUNS:
                    m_after = m_k
            if pm.ref.form == ADJ:
                if (m_after and lemmas(m_after.group(1)) & _GROUP_NOUNS) or re.match(r"\s+МИД\b", after):
                    g_end = pm.end + (m_after.end() if m_after else 0)
                    ments.entities.append(Entity(GROUP, pm.start, g_end, role=_role_nominative(text[pm.start:g_end]),
                                                 country=pm.ref.code, text=text[pm.start:g_end]))
                elif re.match(r"\s*(?:-|–|—)\s", after) and re.search(
                        r"(?:делегаци|сторон)\w*\s+\w+\s+[^,;]*,\s*$", text[max(0, pm.start - 120) : pm.start]):
                    ments.entities.append(Entity(GROUP, pm.start, pm.end, role=None, country=pm.ref.code,
                                                 text=pm.text))  # "..., венгерскую - X"
                continue
            before = text[max(0, pm.start - 70) : pm.start]
            gb = _GROUP_BEFORE.search(before)
            code = pm.ref.code if pm.ref.type != CITY else None
            if pm.ref.type == CITY:
                # capitals as metonyms: "Баку и Ашхабад обсудили", "Баку и Будапешт провели"
                prev_word = _last_word(text, pm.start)
                if prev_word and prev_word.lower() in ("в", "во", "из", "до", "на", "под", "через", "к"):
                    continue
                pair = re.match(r"\s+и\s+", after)
                pair_before = re.search(r"\s+и\s+$", text[max(0, pm.start - 5) : pm.start])
                if not (pair or pair_before):
                    continue
                code = pm.ref.code
            if code is None:
                continue
            if gb and _DIASPORA.search(before):
                continue  # "представителями таджикской диаспоры в Кыргызстане": where they live, not whose
            if gb:
                # "МИД Азербайджана", "делегацией Исполкома СНГ": the group named with its country
                nouns = list(_GROUP_NOUN.finditer(before))
                g_start = max(0, pm.start - 70) + (nouns[-1].start() if nouns else gb.start(1))
                ments.entities.append(Entity(GROUP, pm.start, pm.end, role=_role_nominative(text[g_start : pm.end]),
                                             country=code, text=pm.text))
                continue
            prev_word = _last_word(text, pm.start)
            pw = prev_word.lower() if prev_word else ""
            if pw in ("в", "во", "из", "на", "по", "до", "через", "под", "к", "о", "об", "от", "против", "для"):
                continue
            if pm.ref.type == ORG or pw in ("между", "и", "с", "со") or _maybe_nominative(pm.text):
                ments.entities.append(Entity(STATE, pm.start, pm.end, country=code, text=pm.text))


def readings_top(tokens: tuple[str, ...], context: frozenset[str]) -> list[str]:
    """The words of a name's best nominative reading."""
    return name_readings(tokens, context)[0][1].replace(".", ". ").split()


# offices held abroad: "в/при <state>" after them is where the holder serves, not his state
# ("посол России в Казахстане"); after others it is his own ("Уполномоченный по правам человека в
# Республике Казахстан")
_POSTED_OFFICES = frozenset({"ambassador", "envoy", "permanent_representative", "charge", "consul",
                             "special_representative", "representative", "counterpart", "guest"})
_FEMININE_VERB_AFTER = re.compile(r"\s+(?:также\s+|вчера\s+|сегодня\s+)?[а-яё]+(?:ла|лась)\b")
_FEMININE_FIRST = re.compile(r"[ая]$")
_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


def _case_clash(text: str, head: OfficeMention, tokens: tuple[str, ...]) -> bool:
    """"В беседе с азербайджанским послом Садыр Жапаров вспомнил ...": a title in an oblique case
    does not name the man whose surname follows in the nominative; he begins a new clause."""
    word = text[head.start : head.end].split()[0]
    cases = title_cases(word.split("-")[-1]) or title_cases(word)
    return bool(cases) and "nomn" not in cases and _NOMINATIVE_SURNAME.search(tokens[-1]) is not None


def _po_complement(text: str, tok: Token) -> bool:
    """A word of a "по ..." phrase completing a title ("представитель по евразийским делам",
    "посол по особым поручениям"): a noun or adjective in the dative right after "по"."""
    if not _PO_BEFORE.search(text, max(0, tok.start - 30), tok.start):
        return False
    return any(r.case == "datv" and r.pos in ("NOUN", "ADJF") for r in readings(tok.text)[:3])


_PO_BEFORE = re.compile(r"(?<![\w-])по\s+(?:[\w-]+\s+){0,2}$", re.I)


def _genitive_complement(word: str) -> bool:
    """A word that may complete a title in the genitive ("президентом банка", "директором
    департамента"): a noun or adjective in the genitive, never a verb or a preposition."""
    rs = readings(word)
    if not rs or rs[0].pos in ("VERB", "INFN", "PREP", "CONJ", "PRCL", "GRND", "PRTS", "ADVB", "NPRO"):
        return False
    return any(r.case == "gent" and r.pos in ("NOUN", "ADJF") for r in rs[:3])


def _maybe_nominative(words: str) -> bool:
    first = words.split()[0]
    rs = readings(first)
    return any(r.case == "nomn" for r in rs) or not rs


def _role_nominative(role: str) -> str | None:
    """A title in the nominative: its head noun and the adjectives before it declined
    ("заместителем министра" -> "заместитель министра"); genitive complements stay."""
    role = role.strip(" ,-–—")
    if not role:
        return None
    parts = role.split(" ")
    lead = [p for p in parts[:4]]
    fixed = phrase_nominative([p.split("-")[-1] for p in lead])
    for i, (orig, nom) in enumerate(zip(lead, fixed, strict=True)):
        if "-" in orig and not orig.lower().startswith("вице"):
            continue
        pre = orig.rsplit("-", 1)[0] + "-" if "-" in orig else ""
        parts[i] = pre + nom
    return " ".join(parts)
