"""Helpers shared by the meeting-parser tests."""

from __future__ import annotations

from datetime import date

from scraper.meetings import MeetingRecord, parse_meetings


def parse(text: str, published: date | None = date(2025, 5, 14), title: str = "") -> list[MeetingRecord]:
    """Parse English text published on a Wednesday (2025-05-14) unless told otherwise."""
    return parse_meetings(text, published=published, language="en", title=title)


def names(record: MeetingRecord) -> list[str | None]:
    return [p.name for p in record.participants]
