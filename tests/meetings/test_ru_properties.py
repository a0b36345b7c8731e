"""Property tests for the Russian rules: any Cyrillic text parses without error, in bounded
time, and the same way twice."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.meetings import KINDS, parse_meetings

WORDS = ["Министр", "иностранных", "дел", "Туркменистана", "Рашидом", "Мередовым", "встретился", "с",
         "провел", "переговоры", "состоялась", "встреча", "позвонил", "главе", "МИД", "Азербайджана",
         "Джейхуну", "Байрамову", "А.Гурбанов", "Гурбанов", "А.", "Дж.", "27", "февраля", "2026", "года",
         "вчера", "накануне", "в", "тот", "же", "день", "25-26", "апреля", "БАКУ", "/Trend/", "-", ",", ".",
         "проведет", "состоится", "напомнили", "о", "визите", "туркменской", "делегацией", "Баку", "и",
         "Ашхабад", "СНГ", "ОТГ", "ШОС", "саммит", "заседании", "Совета", "верительных", "грамот", "«", "»",
         "во", "главе", "сообщает", "Report", "\n", "в", "четверг", "по", "телефону", "Стороны", "он"]

sentences = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
cyrillic = st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF) | st.sampled_from(" .,-«»\n"),
                   max_size=400)
pubs = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))


@settings(max_examples=200, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(sentences, cyrillic), published=pubs)
def test_never_raises_and_is_deterministic(text: str, published: date | None) -> None:
    first = parse_meetings(text, published=published, language="ru")
    second = parse_meetings(text, published=published, language="ru")
    assert first == second
    for r in first:
        assert r.kind in KINDS
        assert r.countries and list(r.countries) == sorted(r.countries)
        assert r.end_date is None or r.end_date > r.date


def test_long_repetitive_input_stays_fast() -> None:
    for unit in ("Министр иностранных дел Азербайджана Джейхун Байрамов встретился с ", "А. Б. В. Г. ",
                 "«««", ", , , ", "Джейхуна Байрамова и "):
        start = time.perf_counter()
        parse_meetings(unit * 1500, published=date(2025, 1, 1), language="ru")
        assert time.perf_counter() - start < 10.0, unit
