"""The report-level screen (``tells_meeting``) only spares work: it never hides a record."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.meetings import memo, rules_for
from scraper.meetings.gazetteer import load
from scraper.meetings.records import assemble
from scraper.meetings.text import split_sentences

DEV = Path(__file__).resolve().parents[1] / "data" / "eval"


def _unscreened(text: str, published: date | None, language: str) -> list[object]:
    """Records as the analysis gives them with no screen in front of it."""
    rules = rules_for(language)
    sentences = split_sentences(text)
    if not sentences:
        return []
    return list(assemble(rules.analyse(sentences, published), published, rules, load(rules.language)))


def _dev(language: str) -> list[dict[str, object]]:
    path = DEV / f"{language}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_screen_passes_every_report_with_a_record(language: str) -> None:
    """Each dev report (whole, and each paragraph alone) with a record passes the screen, and
    one that fails it has no record when analysed in full."""
    rules = rules_for(language)
    passed = failed = 0
    for doc in _dev(language):
        published = date.fromisoformat(str(doc["published"])) if doc.get("published") else None
        text = str(doc["text"])
        for piece in [text, *[p for p in text.split("\n") if p.strip()]]:
            memo.clear()
            sentences = split_sentences(piece)
            screened = rules.tells_meeting(sentences, published)
            records = _unscreened(piece, published, language)
            if screened:
                passed += 1
            else:
                failed += 1
                assert records == [], piece
    assert passed and failed  # both sides of the screen were exercised


def test_screen_tells_a_meeting_from_a_statement() -> None:
    en = rules_for("en")
    assert en.tells_meeting(split_sentences("Jeyhun Bayramov met Rashid Meredov in Baku on March 3."), None)
    assert not en.tells_meeting(split_sentences("The ministry issued a statement on the floods."), None)
    ru = rules_for("ru")
    assert ru.tells_meeting(split_sentences("Джейхун Байрамов встретился с Рашидом Мередовым."), None)
    assert not ru.tells_meeting(split_sentences("МИД выступил с заявлением о наводнении."), None)


_WORDS = st.sampled_from([
    "met", "held talks with", "received", "Minister", "Jeyhun Bayramov", "Rashid Meredov", "of Turkmenistan",
    "in Baku", "on March 3", "will visit", "встретился с", "провел переговоры", "Рашидом Мередовым",
    "министр", "в Ашхабаде", "the", "and", ",", ".", "\n",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join), st.sampled_from(["en", "ru"]))
def test_screen_never_hides_a_record(text: str, language: str) -> None:
    memo.clear()
    if not rules_for(language).tells_meeting(split_sentences(text), date(2026, 3, 4)):
        assert _unscreened(text, date(2026, 3, 4), language) == []
