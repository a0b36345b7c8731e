"""Shared fixtures for the meeting-parser tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from scraper.meetings import MeetingRecord, parse_meetings

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"


def parse(text: str, published: date | None = date(2025, 5, 14), title: str = "") -> list[MeetingRecord]:
    """Parse English text published on a Wednesday (2025-05-14) unless told otherwise."""
    return parse_meetings(text, published=published, language="en", title=title)


def names(record: MeetingRecord) -> list[str | None]:
    return [p.name for p in record.participants]


@pytest.fixture(scope="session")
def dev_en() -> list[dict[str, Any]]:
    path = DATA / "eval" / "en.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
