"""Meeting records from report text: pure functions, no I/O (data files load once).

``parse_meetings`` picks the rules of the report's language (English by default; a Russian
module ``ru.py`` plugs in beside ``en.py`` with the same interface) and runs the shared
pipeline: sentences (text.py) -> per-sentence findings (the language module) -> records
(records.py).
"""

from __future__ import annotations

import importlib
from datetime import date
from functools import cache

from scraper.meetings.analysis import LanguageRules
from scraper.meetings.model import KINDS, Location, MeetingRecord, Participant

__all__ = ["KINDS", "Location", "MeetingRecord", "Participant", "guess_language", "parse_meetings"]

MAX_CHARS = 200_000  # longer texts are cut: no report is that long, and time stays bounded


@cache
def rules_for(language: str | None) -> LanguageRules:
    """The rule set of a language; unknown or missing languages fall back to English."""
    lang = (language or "en").lower()[:2]
    if lang != "en":
        try:
            module = importlib.import_module(f"scraper.meetings.{lang}")
            factory = getattr(module, "Rules", None)
            if factory is not None:
                rules: LanguageRules = factory()
                return rules
        except ImportError:
            pass
    from scraper.meetings.en import EnglishRules

    return EnglishRules()


def guess_language(text: str) -> str:
    """"ru" when most letters of the text are Cyrillic, else "en" (used when none is given)."""
    sample = text[:4000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "ru" if cyrillic / len(letters) > 0.3 else "en"


def parse_meetings(
    text: str,
    *,
    published: date | None,
    language: str | None = None,
    title: str = "",
) -> list[MeetingRecord]:
    """Every meeting the text reports as held, in text order."""
    from scraper.meetings.gazetteer import load
    from scraper.meetings.records import parse_document
    from scraper.meetings.text import split_sentences

    rules = rules_for(language or guess_language(text or ""))
    sentences = split_sentences((text or "")[:MAX_CHARS])
    if not sentences:
        return []
    return parse_document(text, published, title or "", rules, load(rules.language), sentences)
