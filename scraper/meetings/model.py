"""The meeting record: defined here once, documented once (README "Meeting record").

A test (tests/meetings/test_model_doc.py) keeps the README table and these fields in sync.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from scraper.meetings.translit import latin_name

KINDS: tuple[str, ...] = (
    "meeting",
    "consultations",
    "phone_call",
    "video_call",
    "visit",
    "commission",
    "credentials",
    "multilateral",
)

TOPICS: tuple[str, ...] = (
    "trade and economy",
    "energy",
    "transport and logistics",
    "Caspian",
    "security",
    "humanitarian and culture",
    "regional and international issues",
    "political dialogue",
    "investment",
    "agriculture",
    "education and science",
    "health",
    "environment and water",
    "migration and consular",
    "digital and communications",
)


@dataclass(frozen=True, slots=True)
class Participant:
    """A person who took part; ``name`` is None where the text gives only a title."""

    name: str | None
    role: str | None
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "role": self.role, "country": self.country}
        latin = latin_name(self.name)
        if latin:
            out["name_latin"] = latin  # for readers of a Cyrillic name; derived, never stored apart
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(name=data.get("name"), role=data.get("role"), country=data.get("country"))


@dataclass(frozen=True, slots=True)
class Location:
    """Where the meeting took place, as the text states it (city may be unknown)."""

    city: str | None
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"city": self.city, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(city=data.get("city"), country=data.get("country"))


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """One diplomatic contact a text reports as having happened.

    ``countries`` are ISO 3166-1 alpha-2 codes or short English names of international
    organisations (EU, UN, OSCE, CIS, OTS), sorted. ``date_exact`` is False where the
    text names no day and the publication date stands in.
    """

    date: dt.date
    kind: str
    countries: tuple[str, ...]
    participants: tuple[Participant, ...] = ()
    location: Location | None = None
    end_date: dt.date | None = None
    date_exact: bool = True
    topics: tuple[str, ...] = ()
    evidence: str = ""
    language: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown meeting kind {self.kind!r}")

    def to_dict(self) -> dict[str, Any]:
        """The MEETING object of the parse --jsonl contract (DESIGN.md)."""
        return {
            "date": self.date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "date_exact": self.date_exact,
            "kind": self.kind,
            "countries": list(self.countries),
            "location": self.location.to_dict() if self.location else None,
            "participants": [p.to_dict() for p in self.participants],
            "topics": list(self.topics),
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingRecord:
        end = data.get("end_date")
        loc = data.get("location")
        return cls(
            date=dt.date.fromisoformat(data["date"]),
            end_date=dt.date.fromisoformat(end) if end else None,
            date_exact=bool(data.get("date_exact", True)),
            kind=data["kind"],
            countries=tuple(data.get("countries") or ()),
            location=Location.from_dict(loc) if loc else None,
            participants=tuple(Participant.from_dict(p) for p in data.get("participants") or ()),
            topics=tuple(data.get("topics") or ()),
            evidence=data.get("evidence") or "",
        )
