"""Sentence splitting: abbreviations and initials do not end sentences; headings are marked."""

from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.meetings.text import normalise, split_sentences


def test_initials_and_titles_do_not_split() -> None:
    sents = split_sentences("Vice-premier R. Meredov met Mr. A. Smith of the U.S. State Department. They talked.")
    assert [s.text for s in sents] == [
        "Vice-premier R. Meredov met Mr. A. Smith of the U.S. State Department.",
        "They talked.",
    ]


def test_abbreviated_month_does_not_split() -> None:
    sents = split_sentences("BAKU, Azerbaijan, Nov. 3 The minister arrived. He met the envoy.")
    assert len(sents) == 2


def test_heading_is_marked_and_paragraphs_counted() -> None:
    sents = split_sentences("Talks with the Georgian minister\nThe two ministers met. Then they spoke.\n")
    assert sents[0].heading and not sents[1].heading
    assert [s.paragraph for s in sents] == [0, 1, 1]
    assert sents[1].first_in_paragraph and not sents[2].first_in_paragraph


def test_normalise_quotes_and_spaces() -> None:
    assert normalise("“Talks”\u00a0were  held\r\nnext") == '"Talks" were held\nnext'


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n   \n") == []


def test_language_guess_from_script() -> None:
    from scraper.meetings import guess_language

    assert guess_language("Министр иностранных дел встретился с послом.") == "ru"
    assert guess_language("The minister met the ambassador.") == "en"
    assert guess_language("") == "en"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Б", " ", "  ", "\t", "\u00a0", "\u2009", "\u200b", "\u3000", "\n", "\r",
                                 "\r\n", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ad", "e\u0301", "x"]),
                max_size=40).map("".join))
def test_normalise_is_its_definition(text: str) -> None:
    """NFC, the typographic quotes straightened, soft hyphens dropped, every run of spaces one
    space, each line stripped (the fast path must give exactly this)."""
    import re
    import unicodedata

    table = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ad": None})
    plain = unicodedata.normalize("NFC", text).translate(table).replace("\r\n", "\n").replace("\r", "\n")
    spaces = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
    assert normalise(text) == "\n".join(spaces.sub(" ", line).strip() for line in plain.split("\n"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Б", "X", " ", "  ", ".", "!", "?", "...", '"', "'", "”", "»", "«", "(", ")",
                                 "[", "]", "_", "1", "\n", "\u00a0"]), max_size=40).map("".join))
def test_sentence_boundary_is_its_definition(text: str) -> None:
    """The boundary pattern, written with its end marks first for speed, finds exactly what the
    two-branch definition does: marks and closing quotes before the next sentence's capital or
    the end of the paragraph."""
    import re

    from scraper.meetings.text import _BOUNDARY

    plain = re.compile(r"[.!?]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«]?[^\W_a-zа-яё])|[.!?]+[\"'”’)\]»]*\s*$")
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_list_introduced_by_a_colon_finishes_its_sentence() -> None:
    sents = split_sentences("Credentials were presented by:\n1. Ambassador A. Sato;\n2. Ambassador B. Kim.\n"
                            "The ceremony ended.\n- not a continuation")
    assert [s.text for s in sents] == [
        "Credentials were presented by: 1. Ambassador A. Sato; 2. Ambassador B. Kim.",
        "The ceremony ended.",
        "- not a continuation",
    ]
