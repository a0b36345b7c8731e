"""The Article: what the extract stage hands to the parser and to storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from one page.

    ``text`` is the body only (no title, navigation, sidebars or "Read also" lines),
    paragraphs separated by a blank line. ``published`` is timezone-aware when the page
    says which zone; ``published_date`` is what the parser resolves relative dates against.
    """

    url: str
    title: str
    text: str
    canonical_url: str | None = None
    published: datetime | None = None
    language: str | None = None

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None
