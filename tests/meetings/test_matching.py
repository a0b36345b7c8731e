"""Fast matching must answer exactly as the plain patterns do: tries, literal gates, name words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.meetings import en_words, people, ru
from scraper.meetings.matching import GatedPattern, gated, phrase_alternation, required_literals
from scraper.meetings.topics import KeywordTagger

# text drawn from the letters, words and marks that the rules care about
_PIECES = st.sampled_from([
    "met", "Met", "MEET", "meeting", "held", "talks", "with", "the", " ", " ", ",", ".", "-", "'s", "’",
    "Minister", "minister of foreign affairs", "Baku", "Bakuvian", "İ", "ı", "ſ", "K", "oglu", "bin", "Al",
    "2026", "27", "February", "Feb.", "в", "встреча", "Встретился", "ё", "Ё", "McDonald", "iPhone", "O'Brien",
    "a", "b", "x", "\n", "_", "²", "\x1c", "\u00a0",
])
texts = st.lists(_PIECES, max_size=40).map("".join)


def test_trie_matches_the_longest_phrase_like_an_ordered_alternation() -> None:
    phrases = ["Minister", "Minister of Foreign Affairs", "Minister of Defence", "Mayor", "Baku", "Ba"]
    flat = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    trie = re.compile(rf"(?<!\w)(?:{phrase_alternation(phrases)})(?!\w)")
    plain = re.compile(rf"(?<!\w)(?:{flat})(?!\w)")
    text = "Minister of Foreign Affairsx met the Minister of Defence, the Mayor of Baku and Ba."
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group(0) for m in trie.finditer(text)] == ["Minister", "Minister of Defence", "Mayor", "Baku", "Ba"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB .-", min_size=1, max_size=6), min_size=1, max_size=8), texts)
def test_trie_is_the_alternation_for_any_phrase_list(phrases: list[str], text: str) -> None:
    flat = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    trie = re.compile(rf"(?<!\w)(?:{phrase_alternation(phrases)})(?!\w)")
    plain = re.compile(rf"(?<!\w)(?:{flat})(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_required_literals_of_common_shapes() -> None:
    assert required_literals(r"\bmet\b") == {"met"}
    assert required_literals(r"(?i)\bheld\s+(?:talks|a meeting)\b") == {"talks", "a meeting"}
    assert required_literals(r"(?:foo|ba)r") == {"foor", "bar"}
    assert required_literals(r"[A-Z]\w+") is None  # nothing literal: no gate
    assert required_literals(r"\b(?:is|at)\b") is None  # too short to be worth a gate
    assert required_literals(r"(?:meeting)?\s+today") == {"today"}  # an optional part is not required


def test_gated_pattern_skips_texts_without_its_words() -> None:
    rx = gated(r"\bmet\s+with\b", re.I)
    assert isinstance(rx, GatedPattern)
    assert rx.search("The ministers discussed trade.") is None
    m = rx.search("The minister MET WITH his counterpart.")
    assert m is not None and m.group(0) == "MET WITH"
    assert [x.group(0) for x in rx.finditer("met with A, met with B")] == ["met with", "met with"]
    assert gated(r"[A-Z]\w+").search("Baku") is not None  # ungated patterns come back as compiled


def _gated_patterns() -> list[GatedPattern]:
    """Every gated pattern of the rules: module constants, date patterns, entity words."""
    from scraper.meetings.dates import DatePatterns

    found: list[object] = [v for mod in (en_words, people, ru) for v in vars(mod).values()]
    for words in (en_words.DATE_WORDS, ru.DATE_WORDS):
        pats = DatePatterns(words)
        found += [getattr(pats, f) for f in pats.__slots__ if f != "words"]
        found += [rx for rx, _ in pats.shifted]
    ew = en_words.ENTITY_WORDS
    found += [ew.chain_connectors, ew.group_nouns, *(rx for rx, _ in ew.extra_offices)]
    return [v for v in found if isinstance(v, GatedPattern)]


GATED = _gated_patterns()
PATTERNS = [g.regex for g in GATED]
_PIECES_CASED = st.sampled_from([
    "MET WITH", "Held Talks", "Visited", "ARRIVED IN", "Phone Call", "Встреча", "ВСТРЕТИЛСЯ", "Переговоры",
    "İstanbul", "KAZAKH", "Is In", "Was Visiting", "At The Ministry Of Foreign Affairs",
])
cased_texts = st.lists(st.one_of(_PIECES, _PIECES_CASED), max_size=30).map("".join)


def _dev_sentences() -> list[str]:
    import json
    from pathlib import Path

    from scraper.meetings.text import split_sentences

    folder = Path(__file__).resolve().parents[1] / "data" / "eval"
    out: list[str] = []
    for name in ("en.jsonl", "ru.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += [s.text for s in split_sentences(json.loads(line)["text"])]
    return out


def _same(p: GatedPattern, text: str) -> None:
    m, r = p.search(text), p.regex.search(text)
    assert (m and (m.span(), m.groups())) == (r and (r.span(), r.groups())), p.pattern
    assert [(x.span(), x.groups()) for x in p.finditer(text, 1)] == \
        [(x.span(), x.groups()) for x in p.regex.finditer(text, 1)], p.pattern
    for pos in (0, len(text) // 2):
        m, r = p.match(text, pos), p.regex.match(text, pos)
        assert (m and (m.span(), m.groups())) == (r and (r.span(), r.groups())), p.pattern
    m, r = p.fullmatch(text), p.regex.fullmatch(text)
    assert (m and m.span()) == (r and r.span()), p.pattern


def test_gated_patterns_answer_as_their_regex_on_every_dev_sentence() -> None:
    sentences = _dev_sentences()
    assert len(sentences) > 500
    for p in GATED:
        for text in sentences:
            _same(p, text)
            _same(p, text.upper())


@settings(max_examples=200, deadline=None)
@given(cased_texts)
def test_gated_patterns_answer_as_their_regex_on_any_text(text: str) -> None:
    for p in GATED:
        _same(p, text)


def test_the_rules_are_gated() -> None:
    assert len(PATTERNS) > 60


@settings(max_examples=200, deadline=None)
@given(texts)
def test_a_gate_never_hides_a_match(text: str) -> None:
    """Soundness over every gated rule pattern: if the pattern matches, its gate is open."""
    for regex in PATTERNS:
        gate = GatedPattern(regex, required_literals(regex) or frozenset({""}))
        assert (regex.search(text) is None) or gate.opens(text), regex.pattern


def test_a_gate_folds_case_as_ignorecase_does() -> None:
    rx = gated(r"minister", re.I)
    assert rx.search("MİNİSTER") is not None  # "İ" is "i" to re.IGNORECASE
    assert rx.search("mınıster") is not None  # so is the dotless "ı"


@settings(max_examples=200, deadline=None)
@given(texts)
def test_name_candidates_are_the_capitalised_words_and_particles(text: str) -> None:
    """The name scan sees exactly the words ``_TOKEN`` cuts that start upper-case or are particles."""
    particles = en_words.ENTITY_WORDS.particles
    expected = []
    for m in people._TOKEN.finditer(text):
        tok = m.group(0)
        bare = tok[:-2] if tok.endswith(("'s", "’s")) else tok
        if tok[0].isupper() or bare.lower() in particles:
            expected.append(m.span())
    got = [m.span("tok") for m in people._name_candidates(particles).finditer(text)]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["trade", "trade route", "tra", "energy", "gas", "gas pipeline", " ", "-",
                                 "security", "x", "retrade", "energ"]), max_size=25).map("".join))
def test_keyword_tagger_finds_what_a_search_per_topic_finds(text: str) -> None:
    keywords = {"trade": ["trade", "tra"], "energy": ["energ", "gas pipeline"], "transport": ["trade route", "gas"],
                "security": ["security"]}
    tagger = KeywordTagger(keywords, r"(?<!\w)")
    naive = {t for t, ws in keywords.items()
             if any(re.search(rf"(?<!\w){re.escape(w)}", text) for w in ws)}
    assert tagger.tag(text) == naive


def test_case_insensitive_rules_run_on_lower_cased_text() -> None:
    assert isinstance(en_words.ANY_TRIGGER_WORD, GatedPattern) and en_words.ANY_TRIGGER_WORD.regex_low is not None
    rx = gated(r"\bmet\s+with\b", re.I)
    assert isinstance(rx, GatedPattern) and rx.regex_low is not None
    m = rx.search("He MET WITH them")
    assert m is not None and m.group(0) == "MET WITH"  # the text's own match, not the lower-cased one
    assert getattr(gated(r"\b(?-i:[A-Z])\w+", re.I), "regex_low", None) is None  # an inline flag: left as is
    upper = gated(r"\bVisit(?P<Tail>ED)\b", re.I)  # upper-case letters are the same pattern under IGNORECASE
    assert isinstance(upper, GatedPattern) and upper.regex_low is not None
    hit = upper.search("They VISITed Baku")
    assert hit is not None and hit.group("Tail") == "ed"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Ё1_-'’.,\n\t\u00a0", max_size=30), st.integers(min_value=0, max_value=30))
def test_last_word_reads_backwards_what_a_regex_finds(text: str, end: int) -> None:
    from scraper.meetings.ru_people import _last_word

    end = min(end, len(text))
    m = re.search(r"(\w+)\s*$", text[:end])
    assert _last_word(text, end) == (m.group(1) if m else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Ё1_-'’.,", max_size=30))
def test_russian_words_keep_inner_hyphens_and_apostrophes(text: str) -> None:
    from scraper.meetings.ru_gazetteer import TOKEN

    # the definition: a letter, then word characters, or a hyphen/apostrophe that a word character follows
    spec = re.compile(r"[^\W\d_](?:\w|[-'’](?=\w))*|\d+")
    assert [m.span() for m in TOKEN.finditer(text)] == [m.span() for m in spec.finditer(text)]
