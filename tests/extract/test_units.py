"""Unit tests of the pieces: date strings, CSS subset, charset decoding, title suffixes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from scraper.extract_dates import parse_iso, parse_visible
from scraper.extract_html import _css_one, decode_html, parse_html, select
from scraper.extract_meta import clean_title


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("1 Декабря 2020 14:02", datetime(2020, 12, 1, 14, 2), True),
        ("Опубликовано 09.09.2026", datetime(2026, 9, 9), False),
        ("13 Oct 2020 18:29", datetime(2020, 10, 13, 18, 29), True),
        ("Publication date: April 26, 2019, 10:45", datetime(2019, 4, 26, 10, 45), True),
        ("15:59 11.10.2023", datetime(2023, 10, 11, 15, 59), True),
        ("21.02.2026 [19:22]", datetime(2026, 2, 21, 19, 22), True),
        ("16 noyabr, 2025", datetime(2025, 11, 16), False),
        ("2/9/2024 5:10:57 AM", datetime(2024, 2, 9, 5, 10, 57), True),  # US order with a 12-hour clock
        ("11/26/2025", datetime(2025, 11, 26), False),
        ("26/11/2025", datetime(2025, 11, 26), False),
        ("16 noyabr, 2025 14:00", datetime(2025, 11, 16, 14, 0), True),
        ("May 3, 2024, 3:05 pm", datetime(2024, 5, 3, 15, 5), True),
        ("5 мая 2021 г. в 10:00", datetime(2021, 5, 5, 10, 0), True),
    ],
)
def test_visible_dates(text: str, expected: datetime, has_time: bool) -> None:
    stamp = parse_visible(text)
    assert stamp is not None
    assert stamp.value == expected
    assert stamp.has_time is has_time


@pytest.mark.parametrize("text", ["", "no date here", "31.02.2026", "99 Foo 2020", "1 января 1850", "2099-01-01"])
def test_not_dates(text: str) -> None:
    assert parse_visible(text) is None


def _iso(text: str) -> datetime:
    stamp = parse_iso(text)
    assert stamp is not None, text
    return stamp.value


def test_iso_with_offsets() -> None:
    plus6 = timezone(timedelta(hours=6))
    assert _iso("2020-12-01T14:02:00+06:00") == datetime(2020, 12, 1, 14, 2, tzinfo=plus6)
    assert _iso("2020-12-01T14:02:00+0600") == datetime(2020, 12, 1, 14, 2, tzinfo=plus6)
    assert _iso("2020-12-01T08:02:00.123Z") == datetime(2020, 12, 1, 8, 2, tzinfo=UTC)
    assert _iso("2020-12-01T08:02:00.123Z").utcoffset() == timedelta(0)
    day = parse_iso("2019-04-26")
    assert day is not None and day.value == datetime(2019, 4, 26) and not day.has_time
    assert parse_iso("T10:00:00+04:00") is None  # as_html with no published date


def test_css_subset() -> None:
    root = parse_html(
        '<div class="publish_date x"><span>Опубликовано</span><span>09.09.2026</span></div>'
        '<div id="main"><p class="a">one</p><p>two</p><a href="/time/2020-10-13">t</a></div>'
    )
    assert root is not None
    assert [e.text for e in select(root, "div.publish_date span:last-child")] == ["09.09.2026"]
    assert [e.text for e in select(root, "#main > p")] == ["one", "two"]
    assert [e.text for e in select(root, "p.a, a[href*='/time/']")] == ["one", "t"]
    assert select(root, "div:hover") == []  # unsupported: no match, no exception
    assert select(root, None) == []
    with pytest.raises(ValueError):
        _css_one("p:nth-last-of-type(2n+1)")


def test_decode_prefers_declared_single_byte_charset_over_guessing() -> None:
    raw = '<meta charset="koi8-r"><p>Привет</p>'.encode("koi8_r")
    assert "Привет" in decode_html(raw)


def test_decode_undeclared_cp1251() -> None:
    raw = ("<p>" + "Министр иностранных дел встретился с послом. " * 4 + "</p>").encode("cp1251")
    assert "Министр иностранных дел" in decode_html(raw)


def test_decode_strips_nul_and_surrogates() -> None:
    assert decode_html("a\x00b\ud800c") == "abc"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Title • President of Russia", "Title • President of Russia"),  # a one-word head is kept whole
        ("Talks with Aliyev • President of Russia", "Talks with Aliyev"),
        ("Ministers meet in Baku | Politics | Trend", "Ministers meet in Baku"),
        ("Baku hosts talks - Report.az", "Baku hosts talks"),
        ("Azerbaijan, Turkmenistan sign a long agreement on the Caspian – what it means for regional trade", None),
    ],
)
def test_clean_title(raw: str, expected: str | None) -> None:
    assert clean_title(raw) == (expected if expected is not None else raw)
