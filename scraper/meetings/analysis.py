"""Shared shapes passed from a language's sentence rules to record assembly.

A language module (``en.py``, later ``ru.py``) turns each sentence into a
:class:`SentenceInfo`: the meeting triggers it contains (with subject/object entities, date
and place), plus side information (delegation heads, attendance lists, visit context).
``records.py`` turns the list of them into meeting records without knowing the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from scraper.meetings.dates import DateMention
from scraper.meetings.gazetteer import PlaceMention
from scraper.meetings.people import Entity
from scraper.meetings.text import Sentence

STRONG = "strong"  # a finite verb reports the meeting ("met", "held talks", "spoke by phone")
WEAK = "weak"  # a meeting told in passing ("his meeting with X", "for receiving him")
BACKREF = "backref"  # "the talks were held in Awaza": more about a meeting already reported
VISIT = "visit"  # "is visiting Ashgabat": a visit, kept only without a more specific meeting


@dataclass(slots=True)
class Place:
    city: str | None
    country: str | None


@dataclass(slots=True)
class Trigger:
    """One reported contact inside a sentence."""

    kind: str
    start: int
    end: int
    strength: str = STRONG
    subject: list[Entity] = field(default_factory=list)
    objects: list[Entity] = field(default_factory=list)
    subject_ref: str | None = None  # "he", "she", "the two", "the parties"
    object_ref: str | None = None  # "him", "her"
    split_objects: bool = False  # one meeting per listed counterpart
    date: DateMention | None = None
    location: Place | None = None
    multilateral_hint: bool = False  # the noun itself says summit/ministerial
    noun_phrase: bool = False  # told as "a meeting with X was held", not "A met B"
    reported: bool = False  # told in someone's words ("X informed Y that he had met Z"): an aside


@dataclass(slots=True)
class SentenceInfo:
    """What a language's rules found in one sentence."""

    sentence: Sentence
    body: str  # sentence text without a leading dateline
    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    heads: list[Entity] = field(default_factory=list)  # "X headed the Turkmen side"
    attendance: list[Entity] = field(default_factory=list)  # "attended by ...", "took part"
    visit_place: Place | None = None  # where a visit in this sentence takes place
    visit_span: tuple[date, date | None] | None = None
    visitor: list[Entity] = field(default_factory=list)
    dateline_place: Place | None = None
    after_dateline: bool = False  # the report's lead, or a sentence after its dateline: the present is today
    header_place: Place | None = None  # "November 12, 2025, The Kremlin, Moscow": where the report's events are
    dateline_date: date | None = None
    background: bool = False  # "By way of background, ..."
    earlier_aside: bool = False  # opens with a bare "Earlier,": background, unless it tells of the visit
    unqualified_ministry: bool = False  # "at the Ministry of Foreign Affairs" (no country)


class LanguageRules(Protocol):
    """What ``records.assemble`` needs from a language module."""

    language: str

    def is_commentary(self, sentences: list[Sentence], title: str) -> bool: ...

    def tells_meeting(self, sentences: list[Sentence], published: date | None) -> bool: ...

    def analyse(
        self, sentences: list[Sentence], published: date | None
    ) -> list[SentenceInfo]: ...

    def topics(self, text: str) -> tuple[str, ...]: ...
