"""Sentence splitting: abbreviations and initials do not end sentences; headings are marked."""

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
