"""Property tests: on any text the parser returns, in bounded time, the same records twice."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.meetings import KINDS, MeetingRecord, parse_meetings

WORDS = ["President", "Ilham", "Aliyev", "met", "received", "held", "talks", "with", "Turkmen", "Minister",
         "of", "Foreign", "Affairs", "Baku", "Ashgabat", "on", "February", "27", "the", "parties", "and", ",",
         ".", "will", "visit", "recalled", "phone", "by", "consultations", "were", "Ambassador", "credentials",
         "Turkmenistan", "Azerbaijan's", "Mr.", "A.", "(", ")", "same", "day", "yesterday", "Thursday", "\n",
         "summit", "took", "place", "delegation", "led", "headed", "side", "EU", "OSCE", "U.S.", "oglu", "–",
         "'s", "who", "is", "in", "2024", "25-26", "April", "he", "she", "they", "counterpart", "Georgian"]

sentences = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
anything = st.text(max_size=400)
pubs = st.one_of(st.none(), st.dates(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))


def _check(records: list[MeetingRecord]) -> None:
    for r in records:
        assert r.kind in KINDS
        assert len(r.countries) >= 1 and list(r.countries) == sorted(r.countries)
        assert r.end_date is None or r.end_date > r.date


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(sentences, anything), published=pubs)
def test_never_raises_and_is_deterministic(text: str, published: date | None) -> None:
    first = parse_meetings(text, published=published, language="en")
    second = parse_meetings(text, published=published, language="en")
    assert first == second
    _check(first)


@settings(max_examples=30, deadline=None)
@given(unit=st.sampled_from(["a" * 50, "Minister of Foreign Affairs ", "President Aliyev met ", ", , , ",
                             "(((", "On February 27, ", "A. B. C. D. ", "the the the ", "Turkmen-Azerbaijani-",
                             "Ilham Aliyev met Recep Erdogan, ", "President Aliyev received the Ambassador and ",
                             "Foreign Minister Ilia Darchiashvili met President Ilham Aliyev and Speaker Sahiba "
                             "Gafarova. "]),
       n=st.integers(min_value=100, max_value=3000))
def test_long_repetitive_input_stays_fast(unit: str, n: int) -> None:
    text = unit * n
    start = time.perf_counter()
    parse_meetings(text, published=date(2025, 1, 1), language="en")
    assert time.perf_counter() - start < 4.0  # typically < 0.3 s; generous for loaded CI machines


def test_unknown_language_falls_back_to_english() -> None:
    recs = parse_meetings("Kazakh Foreign Minister Murat Nurtleu met Chinese Foreign Minister Wang Yi.",
                          published=date(2025, 5, 14), language="xx")
    assert len(recs) == 1
