"""Date expressions resolved against the publication date (sentences of our own)."""

from datetime import date

from scraper.meetings.dates import EXPLICIT, MONTH, RELATIVE, SAME_DAY, WEEKDAY, DatePatterns, find_dates, infer_year
from scraper.meetings.en import DATE_WORDS

PATS = DatePatterns(DATE_WORDS)
PUB = date(2025, 5, 14)  # a Wednesday


def first(text: str, published: date | None = PUB):
    found = find_dates(text, PATS, published)
    assert found, text
    return found[0]


def test_month_day_without_year_takes_publication_year() -> None:
    d = first("On February 27, the ministers met.")
    assert (d.kind, d.value, d.has_year) == (EXPLICIT, date(2025, 2, 27), False)


def test_day_month_year() -> None:
    assert first("on 27 February 2026 in Baku").value == date(2026, 2, 27)


def test_ordinal_and_comma_year() -> None:
    assert first("MOSCOW (Agency - 21st May, 2020) On Thursday").value == date(2020, 5, 21)


def test_abbreviated_and_upper_case_months() -> None:
    assert first("BAKU, Nov. 3").value == date(2024, 11, 3)  # November is in the future: last year
    assert first("ISLAMABAD, JUL 23 /DNA/").value == date(2024, 7, 23)


def test_range_gives_end_date() -> None:
    d = first("on April 25-26 the forum met")
    assert (d.value, d.end_value) == (date(2025, 4, 25), date(2025, 4, 26))
    d = first("an official visit from 13 to 15 May 2024")
    assert (d.value, d.end_value) == (date(2024, 5, 13), date(2024, 5, 15))


def test_weekday_is_most_recent_on_or_before_publication() -> None:
    assert first("on Thursday they spoke").value == date(2025, 5, 8)
    assert first("on Wednesday they spoke").value == date(2025, 5, 14)
    assert first("on Thursday they spoke").kind == WEEKDAY


def test_relative_days() -> None:
    assert first("Yesterday the envoy arrived").value == date(2025, 5, 13)
    assert first("talks held today in Riga").kind == RELATIVE


def test_same_day() -> None:
    assert first("On the same day, consultations were held.").kind == SAME_DAY
    assert first("Later that day she met the mayor.").kind == SAME_DAY


def test_month_only_needs_context() -> None:
    assert first("In October 2023 the committees signed a protocol.").kind == MONTH
    assert [d.kind for d in find_dates("The team may play in May.", PATS, PUB)] == [MONTH]
    assert find_dates("The team may play soon.", PATS, PUB) == []


def test_no_publication_date_leaves_yearless_dates_unresolved() -> None:
    d = first("On October 18, a delegation arrived.", published=None)
    assert d.kind == EXPLICIT and d.value is None
    assert first("On 23 May 2016 they met.", published=None).value == date(2016, 5, 23)


def test_infer_year_rolls_back_over_new_year() -> None:
    assert infer_year(12, 29, date(2026, 1, 3)) == 2025
    assert infer_year(1, 2, date(2026, 1, 3)) == 2026
    assert infer_year(1, 2, None) is None


def test_iso_dates() -> None:
    assert first("date 2026-02-27 On February 27").value == date(2026, 2, 27)


def test_dotted_day_first_dates() -> None:
    assert first("BISHKEK, 06.04.23. The ministers met.").value == date(2023, 4, 6)
    assert first("on 06.04.2023 in Riga").value == date(2023, 4, 6)
    assert find_dates("version 1.2.3 of the text", PATS, PUB) == []


def test_ordinal_of_month_and_ranges_with_words() -> None:
    assert first("on the 27th of February the sides met").value == date(2025, 2, 27)
    d = first("from April 25 to 26 the forum met")
    assert (d.value, d.end_value) == (date(2025, 4, 25), date(2025, 4, 26))
