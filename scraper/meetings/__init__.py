"""Meeting records from report text: pure functions, no I/O.  (SKELETON)"""

from __future__ import annotations

from datetime import date

from scraper.meetings.model import KINDS, Location, MeetingRecord, Participant

__all__ = ["KINDS", "Location", "MeetingRecord", "Participant", "parse_meetings"]


def parse_meetings(
    text: str,
    *,
    published: date | None,
    language: str | None = None,
    title: str = "",
) -> list[MeetingRecord]:
    """Every meeting the text reports as held, in text order."""
    raise NotImplementedError
