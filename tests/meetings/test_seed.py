"""The reference example: one article, exactly two meetings, none for the recalled visits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scraper.meetings import parse_meetings

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "report-az-2026-02-27.txt"


def test_seed_gives_exactly_its_two_meetings() -> None:
    recs = parse_meetings(SEED.read_text(encoding="utf-8"), published=date(2026, 2, 27), language="en")
    assert [(r.kind, r.date, r.countries) for r in recs] == [
        ("meeting", date(2026, 2, 27), ("AZ", "TM")),
        ("consultations", date(2026, 2, 27), ("AZ", "TM")),
    ]
    meeting, consultations = recs
    assert [(p.name, p.country) for p in meeting.participants] == [
        ("Jeyhun Bayramov", "AZ"), ("Ahmet Gurbanov", "TM")]
    assert [(p.name, p.country) for p in consultations.participants] == [
        ("Samir Sharifov", "AZ"), ("Ahmet Gurbanov", "TM")]
    assert meeting.date_exact and consultations.date_exact
    assert "Bayramov met with a delegation led by Ahmet Gurbanov" in meeting.evidence
    assert consultations.evidence.startswith("On the same day, another round of political consultations")
    # the recalled presidential visits are not meetings and give the meetings no place
    assert all("Aliyev" not in (p.name or "") for r in recs for p in r.participants)
    assert meeting.location is None and consultations.location is None
    # what the sides discussed, from the sentences after the meeting sentence
    assert {"trade and economy", "energy", "transport and logistics", "Caspian", "humanitarian and culture",
            "regional and international issues"} <= set(meeting.topics)


def test_seed_without_language_defaults_to_english() -> None:
    recs = parse_meetings(SEED.read_text(encoding="utf-8"), published=date(2026, 2, 27))
    assert len(recs) == 2
