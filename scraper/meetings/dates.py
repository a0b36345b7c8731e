"""Date expressions and their resolution against the publication date.

Language rules supply the words (month and weekday names, "today", "yesterday", "the same
day"); this module owns the calendar logic every language shares: a missing year is the
publication year (or the year before when that would put the date in the future), a weekday
is the most recent such day on or before publication, day ranges give an end date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from scraper.meetings.matching import Pattern, gated

EXPLICIT = "explicit"  # a day and a month (year given or inferred)
WEEKDAY = "weekday"  # "on Thursday"
RELATIVE = "relative"  # "today", "yesterday"
SAME_DAY = "same_day"  # "on the same day": the date of the previous meeting
MONTH = "month"  # "in October 2023", "mid-July": no day


@dataclass(frozen=True, slots=True)
class DateWords:
    """The words of one language that the date patterns are built from."""

    months: Mapping[str, int]  # every spelling/abbreviation -> month number
    weekdays: Mapping[str, int]  # Monday = 0
    relative: Mapping[str, int]  # "today" -> 0, "yesterday" -> -1
    same_day: tuple[str, ...]  # regex fragments meaning "that same day"
    ordinal_suffix: str = r"(?:st|nd|rd|th)?"
    # regex fragments counting days from the meeting told before ("the day before" -> -1)
    day_offsets: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a sentence, resolved where possible."""

    start: int
    end: int
    kind: str
    value: date | None = None
    end_value: date | None = None
    has_year: bool = False
    month: int | None = None
    year: int | None = None
    offset: int = 0  # days from the previous meeting (SAME_DAY only: "the day before" is -1)
    day: int | None = None  # the day of the month written (EXPLICIT), kept when the year is unknown


_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class DatePatterns:
    """Compiled patterns for one language (built once per language)."""

    words: DateWords
    day_month: Pattern = field(init=False)
    month_day: Pattern = field(init=False)
    month_only: Pattern = field(init=False)
    weekday: Pattern = field(init=False)
    relative: Pattern = field(init=False)
    same_day: Pattern = field(init=False)
    shifted: tuple[tuple[Pattern, int], ...] = field(init=False)
    iso: Pattern = field(init=False)
    dotted: Pattern = field(init=False)

    def __post_init__(self) -> None:
        w = self.words
        months = "|".join(sorted((re.escape(m) for m in w.months), key=len, reverse=True))
        days = "|".join(sorted((re.escape(d) for d in w.weekdays), key=len, reverse=True))
        suf = w.ordinal_suffix
        year = r"(?:,?\s*(?P<year>(?:19|20)\d\d))?"
        # "27 February 2026", "25-26 August 2021", "from 13 to 15 May 2024", "21st May, 2020"
        self.day_month = gated(
            rf"\b(?P<d1>[0-3]?\d){suf}(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d){suf})?\s+(?:of\s+)?"
            rf"(?P<month>{months})\b\.?{year}",
            re.IGNORECASE,
        )
        # "February 27", "Nov. 3", "April 25-26, 2024", "JUL 23"
        self.month_day = gated(
            rf"\b(?P<month>{months})\.?\s+(?P<d1>[0-3]?\d){suf}\b"
            rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d){suf}\b)?{year}",
            re.IGNORECASE,
        )
        self.month_only = gated(
            rf"\b(?:(?:early|mid|late|mid-)\s*-?)?(?P<month>{months})\b(?:\s+(?P<year>(?:19|20)\d\d))?",
            re.IGNORECASE,
        )
        self.weekday = gated(rf"\b(?P<wd>{days})\b", re.IGNORECASE)
        rel = "|".join(sorted((re.escape(r) for r in w.relative), key=len, reverse=True))
        self.relative = gated(rf"\b(?P<rel>{rel})\b", re.IGNORECASE)
        self.same_day = gated("|".join(w.same_day), re.IGNORECASE)
        self.shifted = tuple((gated(rx, re.IGNORECASE), off) for rx, off in w.day_offsets)
        self.iso = gated(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
        # "06.04.2023", "06.04.23": day first, as the region's outlets write it
        self.dotted = gated(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d)(?![\d.]\d)")


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, clamped to the calendar (never raises at year 1 or 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year of a day-month without a year: the publication year, or the one before it
    when the date would otherwise fall more than a week after publication."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    if candidate > shift(published, 7) and year > 1:
        year -= 1
    return year


def last_weekday(weekday: int, published: date) -> date:
    """The most recent given weekday on or before the publication date."""
    return shift(published, -((published.weekday() - weekday) % 7))


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, pats: DatePatterns, published: date | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved, in text order, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # every pattern is gated by its own words; the numeric ones need a digit
    numeric = _DIGIT.search(text) is not None

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: DateMention) -> None:
        found.append(m)
        taken.append((m.start, m.end))

    months = pats.words.months
    for m in pats.iso.finditer(text) if numeric else ():
        value = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if value:
            add(DateMention(m.start(), m.end(), EXPLICIT, value, None, True, value.month, value.year, day=value.day))
    for m in pats.dotted.finditer(text) if numeric else ():
        y = int(m["y"])
        value = _safe_date(y if y > 99 else 2000 + y, int(m["m"]), int(m["d"]))
        if value and free(m.start(), m.end()):
            add(DateMention(m.start(), m.end(), EXPLICIT, value, None, True, value.month, value.year, day=value.day))
    for rx in (pats.day_month, pats.month_day) if numeric else ():
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month = months.get(m["month"].lower())
            if month is None:
                continue
            d1 = int(m["d1"])
            d2 = int(m["d2"]) if m["d2"] else None
            has_year = bool(m["year"])
            year = int(m["year"]) if has_year else infer_year(month, d1, published)
            value = _safe_date(year, month, d1)
            if not 1 <= d1 <= 31:
                continue
            end_value = _safe_date(year, month, d2) if d2 else None
            if end_value is not None and value is not None and end_value <= value:
                end_value = None
            add(DateMention(m.start(), m.end(), EXPLICIT, value, end_value, has_year, month, year, day=d1))
    for m in pats.same_day.finditer(text):
        if free(m.start(), m.end()):
            add(DateMention(m.start(), m.end(), SAME_DAY))
    for rx, offset in pats.shifted:
        for m in rx.finditer(text):
            if free(m.start(), m.end()):
                add(DateMention(m.start(), m.end(), SAME_DAY, offset=offset))
    for m in pats.relative.finditer(text):
        if not free(m.start(), m.end()):
            continue
        offset = pats.words.relative[m["rel"].lower()]
        value = shift(published, offset) if published else None
        add(DateMention(m.start(), m.end(), RELATIVE, value, None, False))
    for m in pats.weekday.finditer(text):
        if not free(m.start(), m.end()):
            continue
        wd = pats.words.weekdays[m["wd"].lower()]
        value = last_weekday(wd, published) if published else None
        add(DateMention(m.start(), m.end(), WEEKDAY, value, None, False))
    for m in pats.month_only.finditer(text):
        if not free(m.start(), m.end()):
            continue
        month = months.get(m["month"].lower())
        if month is None or len(m["month"]) < 3:
            continue
        # a bare "May" is too often a verb: only with a year or a time word in front
        if not m["year"] and not re.match(r"(?i)(?:early|mid|late)", m.group(0)):
            pre = text[max(0, m.start() - 12) : m.start()].lower()
            if not re.search(r"\b(?:in|since|until|of|last|this|next)\s+$", pre):
                continue
        year = int(m["year"]) if m["year"] else (published.year if published else None)
        add(DateMention(m.start(), m.end(), MONTH, None, None, bool(m["year"]), month, year))
    found.sort(key=lambda x: x.start)
    return found


def pick_date(dates: list[DateMention], start: int, end: int, *, anchor: str, gap: int) -> DateMention | None:
    """The date that belongs to a meeting verb at [start, end): the nearest one.

    A day written right after an ``anchor`` mention (a weekday in English, "вчера" in
    Russian: "On Wednesday (7 Dec)", "вчера, 11 декабря") wins, since it states the same day
    more precisely.
    """
    usable = [d for d in dates if d.kind in (EXPLICIT, WEEKDAY, RELATIVE, SAME_DAY, MONTH)]
    if not usable:
        return None
    explicit = [d for d in usable if d.kind == EXPLICIT]
    for a in (d for d in usable if d.kind == anchor):
        for e in explicit:
            if 0 <= e.start - a.end <= gap:
                return e

    def dist(d: DateMention) -> int:
        return 0 if d.start <= start <= d.end else min(abs(d.start - end), abs(start - d.end))

    return min(usable, key=dist)
